import type { Migration } from './migration';

/**
 * The audit chain becomes keyed: entries appended from now on are HMAC-SHA256 under K_audit
 * (`chain_version` 2); entries written before keep their plain SHA-256 and are marked 1, which is
 * what the column's default gives every existing row. Verification accepts version 1 only before
 * the first version-2 entry, so no one can downgrade a keyed entry to a plain hash.
 *
 * A plain ADD COLUMN (portable SQL): TypeORM's `addColumn` on SQLite rebuilds the table, which
 * would drop the append-only triggers of `audit_log` and copy every entry through a new table.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'keyed-audit-chain',
  async up(qr) {
    await qr.query('ALTER TABLE "audit_log" ADD COLUMN "chain_version" integer NOT NULL DEFAULT 1');
  },
};
