import { Table } from 'typeorm';
import type { Migration } from './migration';
import { recordColumns } from './migration';

const id = (name: string, nullable = false) => ({
  name,
  type: 'varchar',
  length: '64',
  isNullable: nullable,
});
const day = (name: string, nullable = false) => ({
  name,
  type: 'varchar',
  length: '10',
  isNullable: nullable,
});
const author = id('created_by', true);
const toPerson = { columnNames: ['person_id'], referencedTableName: 'person', referencedColumnNames: ['id'] };

/** PrEP episodes and their follow-up visits (docs/clinical-pathway.md, section 3). */
export const migration0016: Migration = {
  version: 16,
  name: 'prep',
  async up(qr) {
    await qr.createTable(
      new Table({
        name: 'prep_episode',
        columns: [
          { ...id('id'), isPrimary: true },
          id('person_id'),
          id('site_id'),
          day('started_on'),
          { name: 'regimen', type: 'varchar', length: '16' },
          { name: 'status', type: 'varchar', length: '16' },
          day('stopped_on', true),
          { name: 'stop_reason', type: 'varchar', length: '32', isNullable: true },
          { name: 'stop_note', type: 'text', isNullable: true },
          id('restart_of', true),
          { name: 'baseline', type: 'text', default: "'[]'" },
          day('next_due_on'),
          day('last_visit_on'),
          author,
          ...recordColumns,
        ],
        foreignKeys: [toPerson],
        // The worklists read the open state's range, then the site, then the due date.
        indices: [
          { columnNames: ['status', 'site_id', 'next_due_on'] },
          { columnNames: ['person_id', 'started_on'] },
        ],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'prep_follow_up',
        columns: [
          { ...id('id'), isPrimary: true },
          id('episode_id'),
          id('person_id'),
          id('site_id'),
          day('held_on'),
          { name: 'creatinine', type: 'real', isNullable: true },
          { name: 'egfr', type: 'real', isNullable: true },
          { name: 'adherence_note', type: 'text', isNullable: true },
          day('next_due_on'),
          author,
          ...recordColumns,
        ],
        foreignKeys: [
          toPerson,
          { columnNames: ['episode_id'], referencedTableName: 'prep_episode', referencedColumnNames: ['id'] },
        ],
        indices: [{ columnNames: ['episode_id', 'held_on'] }, { columnNames: ['person_id', 'held_on'] }],
      }),
    );
  },
};
