import { Table, TableIndex } from 'typeorm';
import type { Migration } from './migration';
import { recordColumns } from './migration';

/** Centre, sites, staff accounts with roles and sites, the hash-chained audit log, break-the-glass grants. */
export const migration0001: Migration = {
  version: 1,
  name: 'foundation',
  async up(qr) {
    await qr.createTable(
      new Table({
        name: 'centre',
        columns: [
          { name: 'id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'auto_lock_minutes', type: 'integer', default: 10 },
          { name: 'default_locale', type: 'varchar', length: '8', default: "'fr'" },
          ...recordColumns,
        ],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'site',
        columns: [
          { name: 'id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'code', type: 'varchar', length: '12', isUnique: true },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'city', type: 'varchar', length: '200', isNullable: true },
          { name: 'timezone', type: 'varchar', length: '64', default: "'Europe/Paris'" },
          { name: 'active', type: 'boolean', default: true },
          ...recordColumns,
        ],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'staff_user',
        columns: [
          { name: 'id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'username', type: 'varchar', length: '64', isUnique: true },
          { name: 'display_name', type: 'varchar', length: '200' },
          { name: 'must_change_password', type: 'boolean', default: true },
          { name: 'active', type: 'boolean', default: true },
          { name: 'locale', type: 'varchar', length: '8', isNullable: true },
          { name: 'last_login_at', type: 'varchar', length: '32', isNullable: true },
          { name: 'deactivated_at', type: 'varchar', length: '32', isNullable: true },
          ...recordColumns,
        ],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'staff_user_role',
        columns: [
          { name: 'user_id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'role', type: 'varchar', length: '32', isPrimary: true },
        ],
        foreignKeys: [
          {
            columnNames: ['user_id'],
            referencedTableName: 'staff_user',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'staff_user_site',
        columns: [
          { name: 'user_id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'site_id', type: 'varchar', length: '64', isPrimary: true },
        ],
        foreignKeys: [
          {
            columnNames: ['user_id'],
            referencedTableName: 'staff_user',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          { columnNames: ['site_id'], referencedTableName: 'site', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'audit_log',
        columns: [
          {
            name: 'seq',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'at', type: 'varchar', length: '32' },
          { name: 'actor_id', type: 'varchar', length: '64', isNullable: true },
          { name: 'action', type: 'varchar', length: '32' },
          { name: 'section', type: 'varchar', length: '32', isNullable: true },
          { name: 'person_id', type: 'varchar', length: '64', isNullable: true },
          { name: 'target_type', type: 'varchar', length: '32', isNullable: true },
          { name: 'target_id', type: 'varchar', length: '64', isNullable: true },
          { name: 'site_id', type: 'varchar', length: '64', isNullable: true },
          { name: 'reason', type: 'text', isNullable: true },
          { name: 'detail', type: 'text', isNullable: true },
          { name: 'prev_hash', type: 'varchar', length: '64' },
          { name: 'hash', type: 'varchar', length: '64' },
        ],
      }),
    );
    for (const cols of [['actor_id', 'seq'], ['person_id', 'seq'], ['action', 'seq'], ['at']]) {
      await qr.createIndex('audit_log', new TableIndex({ columnNames: cols }));
    }
    await qr.createTable(
      new Table({
        name: 'access_grant',
        columns: [
          { name: 'id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'user_id', type: 'varchar', length: '64' },
          { name: 'person_id', type: 'varchar', length: '64' },
          { name: 'reason', type: 'text' },
          { name: 'granted_at', type: 'varchar', length: '32' },
          { name: 'expires_at', type: 'varchar', length: '32' },
        ],
        foreignKeys: [
          { columnNames: ['user_id'], referencedTableName: 'staff_user', referencedColumnNames: ['id'] },
        ],
        indices: [{ columnNames: ['user_id', 'person_id'] }],
      }),
    );
    if (qr.connection.driver.options.type === 'better-sqlite3') {
      // The audit log is append-only at the database level too; the hash chain catches anyone who
      // drops these triggers with the key in hand.
      await qr.query(
        `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END`,
      );
      await qr.query(
        `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END`,
      );
    }
  },
};
