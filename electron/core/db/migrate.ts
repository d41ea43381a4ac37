import type { DataSource } from 'typeorm';
import { Table } from 'typeorm';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../migrations';
import { StoreError } from './errors';

const VERSION_TABLE = 'schema_version';

/** Reads the schema version of an opened store (0 for a new, empty one). */
export async function schemaVersion(ds: DataSource): Promise<number> {
  const qr = ds.createQueryRunner();
  try {
    if (!(await qr.hasTable(VERSION_TABLE))) return 0;
    const rows = (await qr.query(`SELECT MAX(version) AS v FROM ${VERSION_TABLE}`)) as Array<{
      v: number | null;
    }>;
    return rows[0]?.v ?? 0;
  } finally {
    await qr.release();
  }
}

/**
 * Brings the schema to the latest version in one transaction: all pending versions apply, or none.
 * A store from a newer Parcours is refused before anything is written.
 */
export async function migrate(ds: DataSource, now: () => Date): Promise<{ from: number; to: number }> {
  const from = await schemaVersion(ds);
  if (from > LATEST_SCHEMA_VERSION) {
    throw new StoreError(
      'from_future',
      `This database was written by a newer version of Parcours (schema ${from}; this version knows up to ${LATEST_SCHEMA_VERSION})`,
      {
        found: from,
        supported: LATEST_SCHEMA_VERSION,
      },
    );
  }
  const pending = MIGRATIONS.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from };
  const qr = ds.createQueryRunner();
  // SQLite's way to change a table (TypeORM's addColumn & co. rebuild it: copy, drop, rename) fails
  // on a table other rows refer to while foreign keys are enforced, and the pragma is ignored
  // inside a transaction: turn enforcement off around it, and check every reference before commit.
  const sqlite = ds.driver.options.type === 'better-sqlite3';
  if (sqlite) await qr.query('PRAGMA foreign_keys = OFF');
  await qr.startTransaction();
  try {
    if (!(await qr.hasTable(VERSION_TABLE))) {
      await qr.createTable(
        new Table({
          name: VERSION_TABLE,
          columns: [
            { name: 'version', type: 'integer', isPrimary: true },
            { name: 'name', type: 'varchar', length: '100' },
            { name: 'applied_at', type: 'varchar', length: '32' },
          ],
        }),
      );
    }
    for (const m of pending) {
      await m.up(qr);
      await qr.query(`INSERT INTO ${VERSION_TABLE} (version, name, applied_at) VALUES (?, ?, ?)`, [
        m.version,
        m.name,
        now().toISOString(),
      ]);
    }
    if (sqlite && ((await qr.query('PRAGMA foreign_key_check')) as unknown[]).length > 0)
      throw new Error('a migration left rows that refer to nothing');
    await qr.commitTransaction();
  } catch (err) {
    await qr.rollbackTransaction();
    throw err;
  } finally {
    if (sqlite) await qr.query('PRAGMA foreign_keys = ON');
    await qr.release();
  }
  return { from, to: LATEST_SCHEMA_VERSION };
}
