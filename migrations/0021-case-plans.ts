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
const text = (name: string, length: number, nullable = false) => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
const json = (name: string) => ({ name, type: 'text', default: "'[]'" });
const toPerson = { columnNames: ['person_id'], referencedTableName: 'person', referencedColumnNames: ['id'] };
const toPlan = { columnNames: ['plan_id'], referencedTableName: 'case_plan', referencedColumnNames: ['id'] };

/**
 * Case plans, slice 3 (docs/violence-care.md, section 3): one plan per person with its status
 * history and sites, needs and objectives on five axes, actions with an owner and a due date (the
 * `(owner_id, status, due_on)` index for "my actions", `(status, site_id, due_on)` for the team
 * view), the safety plan with its reviews, and the `care_referent` pointer (section `pathway`).
 */
export const migration0021: Migration = {
  version: 21,
  name: 'case-plans',
  async up(qr) {
    await qr.createTable(
      new Table({
        name: 'case_plan',
        columns: [
          { ...id('id'), isPrimary: true },
          { ...id('person_id'), isUnique: true },
          id('site_id'),
          text('status', 16),
          text('closure_reason', 24, true),
          date('opened_on'),
          date('closed_on', true),
          id('referent_id'),
          { name: 'show_referent', type: 'boolean', default: true },
          id('created_by', true),
          ...recordColumns,
        ],
        foreignKeys: [toPerson],
        indices: [{ columnNames: ['status', 'site_id'] }],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'case_plan_site',
        columns: [
          { ...id('id'), isPrimary: true },
          id('plan_id'),
          id('person_id'),
          id('site_id'),
          id('created_by', true),
          ...recordColumns,
        ],
        foreignKeys: [toPlan, toPerson],
        indices: [
          // TypeORM names an index by its sorted columns: (site_id, plan_id) would collide with this
          // one; the site-filtered plan lists that need it come with them.
          { columnNames: ['plan_id', 'site_id'], isUnique: true },
          { columnNames: ['person_id'] },
        ],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'case_plan_event',
        columns: [
          { ...id('id'), isPrimary: true },
          id('plan_id'),
          id('person_id'),
          text('from_status', 16, true),
          text('to_status', 16),
          text('reason', 500, true),
          time('at'),
          id('created_by', true),
          ...recordColumns,
        ],
        foreignKeys: [toPlan, toPerson],
        indices: [{ columnNames: ['plan_id', 'at'] }, { columnNames: ['person_id'] }],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'plan_item',
        columns: [
          { ...id('id'), isPrimary: true },
          id('plan_id'),
          id('person_id'),
          text('axis', 16),
          text('kind', 16),
          text('text', 500),
          text('state', 16),
          id('created_by', true),
          ...recordColumns,
        ],
        foreignKeys: [toPlan, toPerson],
        indices: [{ columnNames: ['plan_id', 'axis'] }, { columnNames: ['person_id'] }],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'plan_action',
        columns: [
          { ...id('id'), isPrimary: true },
          id('plan_id'),
          id('person_id'),
          text('axis', 16),
          id('objective_id', true),
          text('title', 200),
          id('owner_id'),
          id('site_id'),
          date('due_on'),
          text('status', 16),
          date('done_on', true),
          text('cancel_reason', 500, true),
          text('linked_type', 24, true),
          id('linked_id', true),
          id('created_by', true),
          ...recordColumns,
        ],
        foreignKeys: [
          toPlan,
          toPerson,
          { columnNames: ['objective_id'], referencedTableName: 'plan_item', referencedColumnNames: ['id'] },
        ],
        indices: [
          { columnNames: ['owner_id', 'status', 'due_on'] },
          { columnNames: ['status', 'site_id', 'due_on'] },
          { columnNames: ['plan_id'] },
          { columnNames: ['person_id'] },
        ],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'safety_plan',
        columns: [
          { ...id('id'), isPrimary: true },
          { ...id('plan_id'), isUnique: true },
          id('person_id'),
          { name: 'risks', type: 'text' },
          json('safe_contacts'),
          json('safe_places'),
          json('code_words'),
          { name: 'if_aggressor_returns', type: 'text' },
          time('reviewed_at', true),
          id('reviewed_by', true),
          id('created_by', true),
          ...recordColumns,
        ],
        foreignKeys: [toPlan, toPerson],
        indices: [{ columnNames: ['person_id'] }],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'safety_plan_review',
        columns: [
          { ...id('id'), isPrimary: true },
          id('safety_plan_id'),
          id('person_id'),
          time('reviewed_at'),
          id('reviewed_by'),
          { name: 'changed', type: 'boolean', default: false },
          id('visit_id', true),
          id('created_by', true),
          ...recordColumns,
        ],
        foreignKeys: [
          {
            columnNames: ['safety_plan_id'],
            referencedTableName: 'safety_plan',
            referencedColumnNames: ['id'],
          },
          toPerson,
        ],
        indices: [{ columnNames: ['safety_plan_id', 'reviewed_at'] }, { columnNames: ['person_id'] }],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'care_referent',
        columns: [
          { ...id('id'), isPrimary: true },
          { ...id('person_id'), isUnique: true },
          id('referent_id'),
          id('site_id'),
          date('since'),
          id('created_by', true),
          ...recordColumns,
        ],
        foreignKeys: [toPerson],
      }),
    );
  },
};
