import { Table } from 'typeorm';
import type { Migration } from './migration';
import { recordColumns } from './migration';

const id = (name: string, nullable = false) => ({
  name,
  type: 'varchar',
  length: '64',
  isNullable: nullable,
});
const date = (name: string, nullable = false) => ({
  name,
  type: 'varchar',
  length: '10',
  isNullable: nullable,
});
const text = (name: string, length: number, nullable = false) => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
const toPerson = { columnNames: ['person_id'], referencedTableName: 'person', referencedColumnNames: ['id'] };
const toEntry = (column: string) => ({
  columnNames: [column],
  referencedTableName: 'directory_entry',
  referencedColumnNames: ['id'],
});

/**
 * Economic autonomy, slice 8 (docs/violence-care.md, section 3): vocational trainings and
 * micro-credit applications with their steps, `(status, site_id)` for the lists by status a site
 * will read (the seed's "insérées professionnellement").
 */
export const migration0027: Migration = {
  version: 27,
  name: 'economic-autonomy',
  async up(qr) {
    await qr.createTable(
      new Table({
        name: 'training',
        columns: [
          { ...id('id'), isPrimary: true },
          id('person_id'),
          id('site_id'),
          text('field', 24),
          text('field_label', 200, true),
          id('provider_entry_id', true),
          date('starts_on'),
          date('ends_on', true),
          text('status', 16),
          date('status_on'),
          id('created_by', true),
          ...recordColumns,
        ],
        foreignKeys: [toPerson, toEntry('provider_entry_id')],
        indices: [{ columnNames: ['status', 'site_id'] }, { columnNames: ['person_id'] }],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'micro_credit',
        columns: [
          { ...id('id'), isPrimary: true },
          id('person_id'),
          id('site_id'),
          id('lender_entry_id', true),
          date('applied_on'),
          { name: 'amount_minor', type: 'integer' },
          text('currency', 3),
          text('purpose', 300),
          text('status', 16),
          id('created_by', true),
          ...recordColumns,
        ],
        foreignKeys: [toPerson, toEntry('lender_entry_id')],
        indices: [{ columnNames: ['status', 'site_id'] }, { columnNames: ['person_id'] }],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'micro_credit_step',
        columns: [
          { ...id('id'), isPrimary: true },
          id('application_id'),
          id('person_id'),
          text('status', 16),
          date('on'),
          text('note', 2000, true),
          id('created_by', true),
          ...recordColumns,
        ],
        foreignKeys: [
          {
            columnNames: ['application_id'],
            referencedTableName: 'micro_credit',
            referencedColumnNames: ['id'],
          },
          toPerson,
        ],
        indices: [{ columnNames: ['application_id', 'on'] }, { columnNames: ['person_id'] }],
      }),
    );
  },
};
