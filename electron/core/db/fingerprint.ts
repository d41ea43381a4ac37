/**
 * A fingerprint of a store's content: every table's row count and a SHA-256 over its rows in
 * primary-key order. Backups carry it; restores must reproduce it before they replace anything.
 */
import { createHash } from 'node:crypto';
import type { OnProgress } from '../progress';
import type { SqliteHandle } from './sqlite';

export interface TableFingerprint {
  rows: number;
  sha256: string;
}
export type StoreFingerprint = Record<string, TableFingerprint>;

export function userTables(db: SqliteHandle): string[] {
  const rows = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as Array<{ name: string }>;
  return rows.map((r) => r.name);
}

/** `onProgress` hears of each table hashed (phase `check`: tables done / total). */
export function fingerprint(db: SqliteHandle, onProgress?: OnProgress): StoreFingerprint {
  const result: StoreFingerprint = {};
  const tables = userTables(db);
  onProgress?.({ phase: 'check', done: 0, total: tables.length });
  for (const table of tables) {
    const hash = createHash('sha256');
    let rows = 0;
    // ORDER BY every column: deterministic whatever the physical order (works for WITHOUT ROWID too).
    const columns = (db.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string }>).map(
      (c) => `"${c.name}"`,
    );
    for (const row of db.prepare(`SELECT * FROM "${table}" ORDER BY ${columns.join(', ')}`).iterate()) {
      hash.update(JSON.stringify(row));
      hash.update('\n');
      rows += 1;
    }
    result[table] = { rows, sha256: hash.digest('hex') };
    onProgress?.({ phase: 'check', done: Object.keys(result).length, total: tables.length });
  }
  return result;
}

export function totalRows(fp: StoreFingerprint): number {
  return Object.values(fp).reduce((n, t) => n + t.rows, 0);
}

export function integrityOk(db: SqliteHandle): boolean {
  const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
  return rows.length === 1 && rows[0]?.integrity_check === 'ok';
}
