import { Table, TableColumn, TableIndex } from 'typeorm';
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
 * Coordination meetings, slice 6 (docs/violence-care.md, sections 3 and "Slice 6 as built"):
 * `coordination_meeting` (centre data: site, date, participants, no person), `meeting_case` (one
 * row per person discussed, with the decisions; section `case_plan`), and
 * `plan_action.source_meeting_id`, the meeting that created or last updated an action.
 */
export const migration0024: Migration = {
  version: 24,
  name: 'meetings',
  async up(qr) {
    await qr.createTable(
      new Table({
        name: 'coordination_meeting',
        columns: [
          { ...id('id'), isPrimary: true },
          id('site_id'),
          text('held_on', 10),
          { name: 'participant_ids', type: 'text', default: "'[]'" },
          text('external_participants', 500, true),
          text('general_notes', 4000, true),
          id('created_by', true),
          ...recordColumns,
        ],
        foreignKeys: [
          { columnNames: ['site_id'], referencedTableName: 'site', referencedColumnNames: ['id'] },
        ],
        indices: [{ columnNames: ['site_id', 'held_on'] }],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'meeting_case',
        columns: [
          { ...id('id'), isPrimary: true },
          id('meeting_id'),
          id('person_id'),
          id('plan_id'),
          { name: 'position', type: 'integer' },
          text('decisions', 4000),
          id('created_by', true),
          ...recordColumns,
        ],
        foreignKeys: [
          {
            columnNames: ['meeting_id'],
            referencedTableName: 'coordination_meeting',
            referencedColumnNames: ['id'],
          },
          { columnNames: ['person_id'], referencedTableName: 'person', referencedColumnNames: ['id'] },
          { columnNames: ['plan_id'], referencedTableName: 'case_plan', referencedColumnNames: ['id'] },
        ],
        indices: [
          { columnNames: ['meeting_id', 'person_id'], isUnique: true },
          { columnNames: ['person_id'] },
        ],
      }),
    );
    await qr.addColumn(
      'plan_action',
      new TableColumn({ name: 'source_meeting_id', type: 'varchar', length: '64', isNullable: true }),
    );
    // A meeting's answer lists the actions it created or changed.
    await qr.createIndex('plan_action', new TableIndex({ columnNames: ['source_meeting_id'] }));
  },
};
