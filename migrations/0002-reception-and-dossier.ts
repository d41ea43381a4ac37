import { Table, TableColumn } from 'typeorm';
import type { Migration } from './migration';
import { recordColumns } from './migration';

const id = (name: string, nullable = false) => ({
  name,
  type: 'varchar',
  length: '64',
  isNullable: nullable,
});
const text = (name: string, nullable = true) => ({ name, type: 'text', isNullable: nullable });
const time = (name: string, nullable = false) => ({
  name,
  type: 'varchar',
  length: '32',
  isNullable: nullable,
});
const json = (name: string) => ({ name, type: 'text', default: "'[]'" });
const author = [id('created_by', true)];

/** Persons and consent, visits, appointments, community interviews, the directory and referrals, search. */
export const migration0002: Migration = {
  version: 2,
  name: 'reception-and-dossier',
  async up(qr) {
    await qr.addColumn('site', new TableColumn({ name: 'opening_hours', type: 'text', isNullable: true }));
    await qr.createTable(
      new Table({
        name: 'file_number_counter',
        columns: [id('site_id'), { name: 'year', type: 'integer' }, { name: 'last', type: 'integer' }],
        // A number once given is never given again, even after a merge.
        uniques: [{ columnNames: ['site_id', 'year'] }],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'person',
        columns: [
          { ...id('id'), isPrimary: true },
          { name: 'file_number', type: 'varchar', length: '32', isUnique: true },
          id('site_id'),
          { name: 'name_used', type: 'varchar', length: '100' },
          { name: 'legal_name', type: 'varchar', length: '200', isNullable: true },
          { name: 'pronouns', type: 'varchar', length: '40', isNullable: true },
          { name: 'gender_identity', type: 'varchar', length: '60', isNullable: true },
          { name: 'sex_at_birth', type: 'varchar', length: '16', isNullable: true },
          { name: 'birth_date', type: 'varchar', length: '10', isNullable: true },
          { name: 'birth_year', type: 'integer', isNullable: true },
          json('languages'),
          { name: 'country_of_birth', type: 'varchar', length: '80', isNullable: true },
          json('key_populations'),
          { name: 'health_coverage', type: 'varchar', length: '16', default: "'unknown'" },
          { name: 'phone', type: 'varchar', length: '32', isNullable: true },
          { name: 'email', type: 'varchar', length: '200', isNullable: true },
          json('contact_channels'),
          { name: 'contact_wording', type: 'varchar', length: '300', isNullable: true },
          { name: 'never_contact', type: 'boolean', default: false },
          { name: 'entry_door', type: 'varchar', length: '32', isNullable: true },
          id('merged_into', true),
          ...author,
          ...recordColumns,
        ],
        foreignKeys: [
          { columnNames: ['site_id'], referencedTableName: 'site', referencedColumnNames: ['id'] },
        ],
        indices: [{ columnNames: ['site_id'] }],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'person_consent',
        columns: [
          { ...id('id'), isPrimary: true },
          id('person_id'),
          { name: 'scope', type: 'varchar', length: '32' },
          { name: 'given', type: 'boolean' },
          time('recorded_at'),
          id('recorded_by', true),
          text('note'),
        ],
        foreignKeys: [
          { columnNames: ['person_id'], referencedTableName: 'person', referencedColumnNames: ['id'] },
        ],
        indices: [{ columnNames: ['person_id', 'scope', 'recorded_at'] }],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'visit',
        columns: [
          { ...id('id'), isPrimary: true },
          id('person_id'),
          id('site_id'),
          time('opened_at'),
          time('closed_at', true),
          { name: 'origin', type: 'varchar', length: '16' },
          id('appointment_id', true),
          { name: 'step', type: 'varchar', length: '32' },
          time('step_since'),
          id('with_user_id', true),
          { name: 'priority', type: 'varchar', length: '24', default: "'normal'" },
          json('next_steps'),
          { name: 'requeued', type: 'integer', default: 0 },
          ...author,
          ...recordColumns,
        ],
        foreignKeys: [
          { columnNames: ['person_id'], referencedTableName: 'person', referencedColumnNames: ['id'] },
        ],
        indices: [{ columnNames: ['site_id', 'closed_at'] }, { columnNames: ['person_id', 'opened_at'] }],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'visit_step',
        columns: [
          { ...id('id'), isPrimary: true },
          id('visit_id'),
          { name: 'step', type: 'varchar', length: '32' },
          time('at'),
          id('by_user_id', true),
          id('with_user_id', true),
        ],
        foreignKeys: [
          { columnNames: ['visit_id'], referencedTableName: 'visit', referencedColumnNames: ['id'] },
        ],
        indices: [{ columnNames: ['visit_id', 'at'] }],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'appointment',
        columns: [
          { ...id('id'), isPrimary: true },
          id('person_id', true),
          id('site_id'),
          id('professional_id'),
          { name: 'room', type: 'varchar', length: '60', isNullable: true },
          { name: 'type', type: 'varchar', length: '24' },
          time('starts_at'),
          time('ends_at'),
          { name: 'walk_in_slot', type: 'boolean', default: false },
          { name: 'status', type: 'varchar', length: '16', default: "'booked'" },
          text('notes'),
          ...author,
          ...recordColumns,
        ],
        foreignKeys: [
          { columnNames: ['person_id'], referencedTableName: 'person', referencedColumnNames: ['id'] },
          {
            columnNames: ['professional_id'],
            referencedTableName: 'staff_user',
            referencedColumnNames: ['id'],
          },
        ],
        indices: [
          { columnNames: ['site_id', 'starts_at'] },
          { columnNames: ['professional_id', 'starts_at'] },
          { columnNames: ['person_id', 'starts_at'] },
        ],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'interview',
        columns: [
          { ...id('id'), isPrimary: true },
          id('person_id'),
          id('visit_id', true),
          time('held_at'),
          text('reason'),
          time('last_risk_at', true),
          json('exposures'),
          text('practices'),
          { name: 'partners_count', type: 'integer', isNullable: true },
          json('prevention'),
          json('substances'),
          { name: 'chemsex', type: 'boolean', default: false },
          { name: 'violence_screening', type: 'varchar', length: '16', default: "'not_asked'" },
          json('needs'),
          text('summary'),
          text('notes'),
          ...author,
          ...recordColumns,
        ],
        foreignKeys: [
          { columnNames: ['person_id'], referencedTableName: 'person', referencedColumnNames: ['id'] },
        ],
        indices: [{ columnNames: ['person_id', 'held_at'] }],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'directory_entry',
        columns: [
          { ...id('id'), isPrimary: true },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'category', type: 'varchar', length: '32' },
          { name: 'city', type: 'varchar', length: '100', isNullable: true },
          { name: 'region', type: 'varchar', length: '100', isNullable: true },
          { name: 'phone', type: 'varchar', length: '32', isNullable: true },
          { name: 'email', type: 'varchar', length: '200', isNullable: true },
          { name: 'address', type: 'varchar', length: '300', isNullable: true },
          json('languages'),
          json('friendliness'),
          text('notes'),
          { name: 'internal', type: 'boolean', default: false },
          time('last_verified_at', true),
          { name: 'active', type: 'boolean', default: true },
          ...author,
          ...recordColumns,
        ],
        indices: [{ columnNames: ['category'] }],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'referral',
        columns: [
          { ...id('id'), isPrimary: true },
          id('person_id'),
          id('entry_id'),
          text('reason', false),
          time('referred_at'),
          { name: 'status', type: 'varchar', length: '16' },
          time('appointment_at', true),
          text('feedback'),
          text('override_reason'),
          ...author,
          ...recordColumns,
        ],
        foreignKeys: [
          { columnNames: ['person_id'], referencedTableName: 'person', referencedColumnNames: ['id'] },
          {
            columnNames: ['entry_id'],
            referencedTableName: 'directory_entry',
            referencedColumnNames: ['id'],
          },
        ],
        indices: [{ columnNames: ['person_id', 'referred_at'] }],
      }),
    );
    if (qr.connection.driver.options.type === 'better-sqlite3') {
      // Search (behind electron/core/services/persons/search.ts): trigram full-text index over
      // normalised names, file numbers and phone digits, so partial words match anywhere.
      await qr.query(
        `CREATE VIRTUAL TABLE person_search USING fts5(person_id UNINDEXED, field UNINDEXED, text, tokenize = 'trigram')`,
      );
    }
  },
};
