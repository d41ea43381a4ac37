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
const text = (name: string) => ({ name, type: 'text' });

/**
 * Violence, slice 2 (docs/violence-care.md, sections 3 and 4): the medical certificate of injuries
 * of an incident. A draft is edited; once issued (`issued_at`) it never changes, and a correction is
 * a new certificate naming the one it replaces (`replaces_id`).
 */
export const migration0022: Migration = {
  version: 22,
  name: 'injury-certificate',
  async up(qr) {
    await qr.createTable(
      new Table({
        name: 'injury_certificate',
        columns: [
          { ...id('id'), isPrimary: true },
          id('person_id'),
          id('incident_id'),
          id('site_id'),
          id('doctor_id'),
          time('examined_at'),
          { name: 'requested_by', type: 'varchar', length: '16' },
          { name: 'requisition_ref', type: 'varchar', length: '200', isNullable: true },
          { name: 'identity_check', type: 'varchar', length: '16' },
          { name: 'identity_document', type: 'varchar', length: '200', isNullable: true },
          text('statements'),
          text('complaints'),
          { name: 'lesions', type: 'text', default: "'[]'" },
          text('other_findings'),
          text('psychological_findings'),
          text('further_exams'),
          { name: 'itt_days', type: 'integer', isNullable: true },
          { name: 'itt_reserved', type: 'boolean', default: true },
          time('issued_at', true),
          id('replaces_id', true),
          id('created_by', true),
          ...recordColumns,
        ],
        foreignKeys: [
          { columnNames: ['person_id'], referencedTableName: 'person', referencedColumnNames: ['id'] },
          {
            columnNames: ['incident_id'],
            referencedTableName: 'violence_incident',
            referencedColumnNames: ['id'],
          },
        ],
        indices: [{ columnNames: ['person_id', 'examined_at'] }],
      }),
    );
  },
};
