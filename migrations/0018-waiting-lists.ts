import { Table } from 'typeorm';
import type { Migration } from './migration';
import { recordColumns } from './migration';

const id = (name: string, nullable = false) => ({
  name,
  type: 'varchar',
  length: '64',
  isNullable: nullable,
});
const time = (name: string) => ({ name, type: 'varchar', length: '32', isNullable: false });
const text = (name: string) => ({ name, type: 'text', isNullable: true });

/**
 * Waiting lists (docs/clinical-pathway.md, section 3): collective workshops (centre data, by site
 * and start), and the entries of each specialty's waiting list, led by the worklist's
 * `(specialty, status, site_id, requested_on)` index.
 */
export const migration0018: Migration = {
  version: 18,
  name: 'waiting-lists',
  async up(qr) {
    await qr.createTable(
      new Table({
        name: 'workshop',
        columns: [
          { ...id('id'), isPrimary: true },
          id('site_id'),
          { name: 'specialty', type: 'varchar', length: '32' },
          { name: 'title', type: 'varchar', length: '120', isNullable: true },
          time('starts_at'),
          time('ends_at'),
          { name: 'capacity', type: 'integer' },
          id('facilitator_id'),
          id('created_by', true),
          ...recordColumns,
        ],
        foreignKeys: [
          { columnNames: ['site_id'], referencedTableName: 'site', referencedColumnNames: ['id'] },
          {
            columnNames: ['facilitator_id'],
            referencedTableName: 'staff_user',
            referencedColumnNames: ['id'],
          },
        ],
        indices: [{ columnNames: ['site_id', 'starts_at'] }],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'waiting_list_entry',
        columns: [
          { ...id('id'), isPrimary: true },
          id('person_id'),
          id('site_id'),
          { name: 'specialty', type: 'varchar', length: '32' },
          { name: 'requested_on', type: 'varchar', length: '10' },
          id('requested_by'),
          { name: 'origin', type: 'varchar', length: '16' },
          text('note'),
          { name: 'status', type: 'varchar', length: '16' },
          id('appointment_id', true),
          id('workshop_id', true),
          text('cancelled_reason'),
          id('created_by', true),
          ...recordColumns,
        ],
        foreignKeys: [
          { columnNames: ['person_id'], referencedTableName: 'person', referencedColumnNames: ['id'] },
          { columnNames: ['workshop_id'], referencedTableName: 'workshop', referencedColumnNames: ['id'] },
        ],
        indices: [
          { columnNames: ['specialty', 'status', 'site_id', 'requested_on'] },
          { columnNames: ['person_id', 'requested_on'] },
          { columnNames: ['appointment_id'] },
          { columnNames: ['workshop_id'] },
        ],
      }),
    );
  },
};
