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
 * Test and Treat (docs/clinical-pathway.md, section 3): the to-treat items opened by a positive
 * result, led by the worklists' `(status, site_id, opened_on)` index and the pending test of cure;
 * the treatments given; the partners listed for notification, led by `(status, site_id, status_on)`.
 */
export const migration0014: Migration = {
  version: 14,
  name: 'treatments',
  async up(qr) {
    await qr.createTable(
      new Table({
        name: 'to_treat',
        columns: [
          { ...id('id'), isPrimary: true },
          id('person_id'),
          id('site_id'),
          id('result_id'),
          { name: 'infection', type: 'varchar', length: '16' },
          date('opened_on'),
          { name: 'status', type: 'varchar', length: '16' },
          id('treatment_id', true),
          id('referral_id', true),
          date('appointment_on', true),
          date('treated_on', true),
          { name: 'delay_days', type: 'integer', isNullable: true },
          date('cure_test_due_on', true),
          id('cure_result_id', true),
          { name: 'closed_reason', type: 'text', isNullable: true },
          id('created_by', true),
          ...recordColumns,
        ],
        foreignKeys: [
          toPerson,
          { columnNames: ['result_id'], referencedTableName: 'result', referencedColumnNames: ['id'] },
        ],
        indices: [
          { columnNames: ['status', 'site_id', 'opened_on'] },
          { columnNames: ['cure_test_due_on'] },
          { columnNames: ['person_id', 'opened_on'] },
        ],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'treatment',
        columns: [
          { ...id('id'), isPrimary: true },
          id('person_id'),
          id('site_id'),
          id('to_treat_id', true),
          { name: 'drug', type: 'varchar', length: '100' },
          { name: 'dose', type: 'varchar', length: '60' },
          { name: 'route', type: 'varchar', length: '16' },
          { name: 'given_at', type: 'varchar', length: '32' },
          id('given_by'),
          id('created_by', true),
          ...recordColumns,
        ],
        foreignKeys: [toPerson],
        indices: [{ columnNames: ['person_id', 'given_at'] }],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'partner',
        columns: [
          { ...id('id'), isPrimary: true },
          id('person_id'),
          id('to_treat_id'),
          id('site_id'),
          { name: 'pseudonym', type: 'varchar', length: '40' },
          { name: 'notifier', type: 'varchar', length: '20' },
          { name: 'status', type: 'varchar', length: '16' },
          date('status_on'),
          id('created_by', true),
          ...recordColumns,
        ],
        foreignKeys: [
          toPerson,
          { columnNames: ['to_treat_id'], referencedTableName: 'to_treat', referencedColumnNames: ['id'] },
        ],
        indices: [
          { columnNames: ['status', 'site_id', 'status_on'] },
          { columnNames: ['person_id', 'to_treat_id'] },
        ],
      }),
    );
  },
};
