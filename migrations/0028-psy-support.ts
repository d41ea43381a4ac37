import { Table } from 'typeorm';
import type { Migration } from './migration';
import { recordColumns } from './migration';

const id = (name: string, nullable = false) => ({
  name,
  type: 'varchar',
  length: '64',
  isNullable: nullable,
});
const text = (name: string, length: number, nullable = false) => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
const person = { columnNames: ['person_id'], referencedTableName: 'person', referencedColumnNames: ['id'] };

/**
 * Psychological support, slice 7 (docs/violence-care.md, section 3): sessions with their private
 * note (`(person_id, held_at)` for the tab, `(psychologist_id, held_at)` for a caseload) and
 * psychiatric referrals (`(status, site_id, referred_at)` for follow-up lists and reports).
 */
export const migration0028: Migration = {
  version: 28,
  name: 'psy-support',
  async up(qr) {
    await qr.createTable(
      new Table({
        name: 'psy_session',
        columns: [
          { ...id('id'), isPrimary: true },
          id('person_id'),
          id('site_id'),
          text('held_at', 32),
          text('kind', 16),
          text('group_label', 100, true),
          id('psychologist_id'),
          { name: 'duration_min', type: 'integer', isNullable: true },
          { name: 'private_note', type: 'text', isNullable: true },
          id('created_by', true),
          ...recordColumns,
        ],
        foreignKeys: [person],
        indices: [{ columnNames: ['person_id', 'held_at'] }, { columnNames: ['psychologist_id', 'held_at'] }],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'psy_referral',
        columns: [
          { ...id('id'), isPrimary: true },
          id('person_id'),
          id('site_id'),
          id('entry_id'),
          text('referred_at', 32),
          text('reason', 1000),
          text('status', 16),
          text('appointment_at', 32, true),
          text('feedback', 2000, true),
          text('override_reason', 500, true),
          id('created_by', true),
          ...recordColumns,
        ],
        foreignKeys: [
          person,
          {
            columnNames: ['entry_id'],
            referencedTableName: 'directory_entry',
            referencedColumnNames: ['id'],
          },
        ],
        indices: [{ columnNames: ['status', 'site_id', 'referred_at'] }, { columnNames: ['person_id'] }],
      }),
    );
  },
};
