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
const time = (name: string, nullable = false) => ({
  name,
  type: 'varchar',
  length: '32',
  isNullable: nullable,
});
const json = (name: string) => ({ name, type: 'text', default: "'[]'" });
const toPerson = { columnNames: ['person_id'], referencedTableName: 'person', referencedColumnNames: ['id'] };
const toIncident = {
  columnNames: ['incident_id'],
  referencedTableName: 'violence_incident',
  referencedColumnNames: ['id'],
};

/**
 * Violence, slice 1 (docs/violence-care.md, section 3): incidents with their 72-hour protocol's
 * state (the open protocols' `(protocol_status, site_id, protocol_deadline)` index), one narrative
 * per incident in its own table, and the protocol's steps, one per item of an incident. The injury
 * certificate's table comes with slice 2.
 */
export const migration0020: Migration = {
  version: 20,
  name: 'violence',
  async up(qr) {
    await qr.createTable(
      new Table({
        name: 'violence_incident',
        columns: [
          { ...id('id'), isPrimary: true },
          id('person_id'),
          id('site_id'),
          date('occurred_on'),
          time('occurred_at', true),
          { name: 'date_approximate', type: 'boolean', default: false },
          { name: 'place_kind', type: 'varchar', length: '20' },
          json('perpetrators'),
          json('seed_types'),
          { name: 'gbvims_type', type: 'varchar', length: '24' },
          { name: 'trafficking', type: 'boolean', default: false },
          { name: 'reported', type: 'varchar', length: '16' },
          date('reported_on', true),
          { name: 'protocol_status', type: 'varchar', length: '16' },
          time('protocol_deadline', true),
          id('created_by', true),
          ...recordColumns,
        ],
        foreignKeys: [toPerson],
        indices: [
          { columnNames: ['person_id', 'occurred_on'] },
          { columnNames: ['protocol_status', 'site_id', 'protocol_deadline'] },
        ],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'incident_narrative',
        columns: [
          { ...id('id'), isPrimary: true },
          { ...id('incident_id'), isUnique: true },
          id('person_id'),
          { name: 'text', type: 'text' },
          id('created_by', true),
          ...recordColumns,
        ],
        foreignKeys: [toIncident, toPerson],
        indices: [{ columnNames: ['person_id'] }],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'protocol_step',
        columns: [
          { ...id('id'), isPrimary: true },
          id('incident_id'),
          id('person_id'),
          { name: 'item', type: 'varchar', length: '24' },
          { name: 'outcome', type: 'varchar', length: '16' },
          time('done_at'),
          id('done_by'),
          { name: 'note', type: 'varchar', length: '500', isNullable: true },
          { name: 'linked_type', type: 'varchar', length: '20', isNullable: true },
          id('linked_id', true),
          id('created_by', true),
          ...recordColumns,
        ],
        foreignKeys: [toIncident, toPerson],
        indices: [{ columnNames: ['incident_id', 'item'], isUnique: true }, { columnNames: ['person_id'] }],
      }),
    );
  },
};
