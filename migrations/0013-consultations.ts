import { Table } from 'typeorm';
import type { Migration } from './migration';
import { recordColumns } from './migration';

const id = (name: string, nullable = false) => ({
  name,
  type: 'varchar',
  length: '64',
  isNullable: nullable,
});
const text = (name: string) => ({ name, type: 'text', isNullable: true });
const time = (name: string, nullable = false) => ({
  name,
  type: 'varchar',
  length: '32',
  isNullable: nullable,
});
const day = (name: string) => ({ name, type: 'varchar', length: '10' });
const author = id('created_by', true);
const toPerson = { columnNames: ['person_id'], referencedTableName: 'person', referencedColumnNames: ['id'] };

/**
 * Consultations (GP and specialist), their coded diagnoses and the prescriptions
 * (docs/clinical-pathway.md, section 3).
 */
export const migration0013: Migration = {
  version: 13,
  name: 'consultations',
  async up(qr) {
    await qr.createTable(
      new Table({
        name: 'consultation',
        columns: [
          { ...id('id'), isPrimary: true },
          id('person_id'),
          id('visit_id', true),
          id('site_id'),
          { name: 'kind', type: 'varchar', length: '32' },
          time('held_at'),
          text('reason'),
          text('history'),
          text('examination'),
          text('conclusion'),
          time('ended_at', true),
          author,
          ...recordColumns,
        ],
        foreignKeys: [toPerson],
        indices: [{ columnNames: ['person_id', 'held_at'] }],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'consultation_diagnosis',
        columns: [
          { ...id('id'), isPrimary: true },
          id('consultation_id'),
          { name: 'code', type: 'varchar', length: '16' },
          day('diagnosed_on'),
          author,
          ...recordColumns,
        ],
        foreignKeys: [
          {
            columnNames: ['consultation_id'],
            referencedTableName: 'consultation',
            referencedColumnNames: ['id'],
          },
        ],
        indices: [{ columnNames: ['consultation_id'] }, { columnNames: ['code', 'diagnosed_on'] }],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'prescription',
        columns: [
          { ...id('id'), isPrimary: true },
          id('person_id'),
          id('consultation_id', true),
          id('prep_episode_id', true),
          id('prescriber_id'),
          day('issued_on'),
          { name: 'lines', type: 'text', default: "'[]'" },
          { name: 'renewals', type: 'integer', default: 0 },
          author,
          ...recordColumns,
        ],
        foreignKeys: [toPerson],
        indices: [{ columnNames: ['person_id', 'issued_on'] }],
      }),
    );
  },
};
