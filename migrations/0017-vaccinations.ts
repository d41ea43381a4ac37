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
const toPerson = { columnNames: ['person_id'], referencedTableName: 'person', referencedColumnNames: ['id'] };

/**
 * Vaccinations (docs/clinical-pathway.md, section 3): courses with their next dose due, led by the
 * worklist's `(status, site_id, next_due_on)` index, and the doses, one per course and day.
 */
export const migration0017: Migration = {
  version: 17,
  name: 'vaccinations',
  async up(qr) {
    await qr.createTable(
      new Table({
        name: 'vaccine_course',
        columns: [
          { ...id('id'), isPrimary: true },
          id('person_id'),
          id('site_id'),
          { name: 'vaccine_code', type: 'varchar', length: '32' },
          date('started_on'),
          { name: 'variant', type: 'varchar', length: '32', isNullable: true },
          { name: 'status', type: 'varchar', length: '16' },
          date('next_due_on', true),
          { name: 'next_dose', type: 'integer', isNullable: true },
          date('stopped_on', true),
          { name: 'stop_reason', type: 'text', isNullable: true },
          id('created_by', true),
          ...recordColumns,
        ],
        foreignKeys: [toPerson],
        indices: [
          { columnNames: ['status', 'site_id', 'next_due_on'] },
          { columnNames: ['person_id', 'vaccine_code', 'started_on'], isUnique: true },
        ],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'vaccine_dose',
        columns: [
          { ...id('id'), isPrimary: true },
          id('course_id'),
          id('person_id'),
          id('site_id'),
          { name: 'dose_number', type: 'integer' },
          date('given_on'),
          { name: 'lot', type: 'varchar', length: '40' },
          id('given_by'),
          id('created_by', true),
          ...recordColumns,
        ],
        foreignKeys: [
          {
            columnNames: ['course_id'],
            referencedTableName: 'vaccine_course',
            referencedColumnNames: ['id'],
          },
          toPerson,
        ],
        indices: [{ columnNames: ['person_id', 'course_id', 'given_on'], isUnique: true }],
      }),
    );
  },
};
