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
const toProcedure = {
  columnNames: ['procedure_id'],
  referencedTableName: 'legal_procedure',
  referencedColumnNames: ['id'],
};

/**
 * Legal procedures, slice 5 (docs/violence-care.md, section 3): a person's procedures with their
 * lawyer from the directory and their stage, each stage move a `legal_step`, and the hearings —
 * `(status, site_id, starts_at)` for the legal calendar and "due this week" at the reader's sites.
 */
export const migration0023: Migration = {
  version: 23,
  name: 'legal',
  async up(qr) {
    await qr.createTable(
      new Table({
        name: 'legal_procedure',
        columns: [
          { ...id('id'), isPrimary: true },
          id('person_id'),
          id('site_id'),
          text('type', 32),
          id('incident_id', true),
          date('opened_on'),
          id('lawyer_entry_id', true),
          id('follower_id'),
          text('stage', 24),
          text('court', 200, true),
          text('case_reference', 100, true),
          text('outcome', 16, true),
          date('closed_on', true),
          id('created_by', true),
          ...recordColumns,
        ],
        foreignKeys: [
          toPerson,
          {
            columnNames: ['incident_id'],
            referencedTableName: 'violence_incident',
            referencedColumnNames: ['id'],
          },
          {
            columnNames: ['lawyer_entry_id'],
            referencedTableName: 'directory_entry',
            referencedColumnNames: ['id'],
          },
        ],
        indices: [{ columnNames: ['stage', 'site_id'] }, { columnNames: ['person_id'] }],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'legal_step',
        columns: [
          { ...id('id'), isPrimary: true },
          id('procedure_id'),
          id('person_id'),
          text('stage', 24),
          date('on'),
          text('note', 2000, true),
          id('created_by', true),
          ...recordColumns,
        ],
        foreignKeys: [toProcedure, toPerson],
        indices: [{ columnNames: ['procedure_id', 'on'] }, { columnNames: ['person_id'] }],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'hearing',
        columns: [
          { ...id('id'), isPrimary: true },
          id('procedure_id'),
          id('person_id'),
          id('site_id'),
          text('starts_at', 32),
          text('place', 200),
          text('kind', 16),
          text('status', 16),
          text('outcome_note', 2000, true),
          id('created_by', true),
          ...recordColumns,
        ],
        foreignKeys: [toProcedure, toPerson],
        indices: [
          { columnNames: ['status', 'site_id', 'starts_at'] },
          { columnNames: ['procedure_id', 'starts_at'] },
          { columnNames: ['person_id'] },
        ],
      }),
    );
  },
};
