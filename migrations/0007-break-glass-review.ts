import { Table } from 'typeorm';
import type { Migration } from './migration';

/**
 * The coordination's review of break-the-glass grants: one row per grant reviewed, who and when.
 * A table of its own because the audit log is append-only and hash-chained (docs/architecture.md,
 * "Break-the-glass review").
 */
export const migration0007: Migration = {
  version: 7,
  name: 'break-glass-review',
  async up(qr) {
    await qr.createTable(
      new Table({
        name: 'access_grant_review',
        columns: [
          { name: 'grant_id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'reviewed_by', type: 'varchar', length: '64' },
          { name: 'reviewed_at', type: 'varchar', length: '32' },
        ],
        foreignKeys: [
          { columnNames: ['grant_id'], referencedTableName: 'access_grant', referencedColumnNames: ['id'] },
          { columnNames: ['reviewed_by'], referencedTableName: 'staff_user', referencedColumnNames: ['id'] },
        ],
      }),
    );
  },
};
