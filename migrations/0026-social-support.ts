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

/**
 * Social support, slice 7 (docs/violence-care.md, section 3): what was given to a person, when,
 * by whom and its value (minor units + ISO currency) — `(kind, site_id, given_on)` for the reports.
 */
export const migration0026: Migration = {
  version: 26,
  name: 'social-support',
  async up(qr) {
    await qr.createTable(
      new Table({
        name: 'social_support',
        columns: [
          { ...id('id'), isPrimary: true },
          id('person_id'),
          id('site_id'),
          text('kind', 24),
          text('given_on', 10),
          id('given_by'),
          { name: 'value_minor', type: 'integer', isNullable: true },
          text('currency', 3, true),
          { name: 'quantity', type: 'integer', isNullable: true },
          id('entry_id', true),
          text('referral_status', 16, true),
          text('override_reason', 500, true),
          text('description', 500),
          id('created_by', true),
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
        indices: [{ columnNames: ['kind', 'site_id', 'given_on'] }, { columnNames: ['person_id'] }],
      }),
    );
  },
};
