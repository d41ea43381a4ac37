import { Table } from 'typeorm';
import type { Migration } from './migration';
import { recordColumns } from './migration';

const id = (name: string, nullable = false) => ({
  name,
  type: 'varchar',
  length: '64',
  isNullable: nullable,
});
const time = (name: string, nullable = false) => ({
  name,
  type: 'varchar',
  length: '32',
  isNullable: nullable,
});
const code = (name: string, length: string, nullable = false) => ({
  name,
  type: 'varchar',
  length,
  isNullable: nullable,
});
const toPerson = { columnNames: ['person_id'], referencedTableName: 'person', referencedColumnNames: ['id'] };

/**
 * Screenings (docs/clinical-pathway.md, sections 3 and 4): the day's screening of a person, its
 * samples (one per anatomical site for CT/NG) and their results. Each worklist's open state leads
 * an index (`status`, `to_give`), so a worklist reads only the open range.
 */
export const migration0012: Migration = {
  version: 12,
  name: 'screenings',
  async up(qr) {
    await qr.createTable(
      new Table({
        name: 'screening',
        columns: [
          { ...id('id'), isPrimary: true },
          id('person_id'),
          id('visit_id', true),
          id('site_id'),
          code('taken_on', '10'),
          id('created_by', true),
          ...recordColumns,
        ],
        foreignKeys: [toPerson],
        indices: [{ columnNames: ['person_id', 'taken_on'] }],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'sample',
        columns: [
          { ...id('id'), isPrimary: true },
          id('screening_id'),
          id('person_id'),
          id('site_id'),
          code('test_code', '32'),
          code('anatomical_site', '16', true),
          code('status', '16'),
          id('ordered_by', true),
          time('taken_at', true),
          id('taken_by', true),
          id('confirms_result_id', true),
          id('created_by', true),
          ...recordColumns,
        ],
        foreignKeys: [
          { columnNames: ['screening_id'], referencedTableName: 'screening', referencedColumnNames: ['id'] },
          toPerson,
        ],
        indices: [
          { columnNames: ['status', 'site_id', 'taken_at'] },
          { columnNames: ['person_id', 'test_code', 'status'] },
        ],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'result',
        columns: [
          { ...id('id'), isPrimary: true },
          { ...id('sample_id'), isUnique: true },
          id('person_id'),
          id('site_id'),
          code('test_code', '32'),
          { name: 'value', type: 'text' },
          code('interpretation', '16'),
          { name: 'infections', type: 'text', default: "'[]'" },
          time('resulted_at'),
          code('source', '16'),
          id('import_id', true),
          time('given_at', true),
          id('given_by', true),
          { name: 'to_give', type: 'boolean', default: false },
          id('created_by', true),
          ...recordColumns,
        ],
        foreignKeys: [
          { columnNames: ['sample_id'], referencedTableName: 'sample', referencedColumnNames: ['id'] },
          toPerson,
        ],
        indices: [
          { columnNames: ['to_give', 'site_id', 'resulted_at'] },
          { columnNames: ['interpretation', 'test_code', 'resulted_at'] },
        ],
      }),
    );
  },
};
