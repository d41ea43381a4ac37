/**
 * Deletions that must leave nothing behind (docs/violence-care.md, section 5, "Deleted for good"):
 * `secure_delete` zeroes the freed pages, but until a checkpoint the old page images still sit in
 * the write-ahead log (encrypted, yet readable with the key). A unit of work that purged marks its
 * store here; the store then runs `wal_checkpoint(TRUNCATE)` once the unit is over (no transaction
 * open), so the zeroed pages replace the originals in the main file and the log is cut to zero.
 */
import type { DataSource, EntityManager } from 'typeorm';
import type { SqliteHandle } from './sqlite';

/** Stores whose last unit of work purged (cleared once the checkpoint is through). */
const purged = new WeakSet<DataSource>();

/** Called inside the unit of work that deleted what must leave no trace (an attachment). */
export function markPurged(em: EntityManager): void {
  purged.add(em.connection);
}

/** The wait the store's connection is opened with (sqlite.ts), put back after the checkpoint. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Checkpoints the log into the main file and truncates it, when a purge is pending. A reader that
 * holds an older snapshot (the long-read worker) makes it report busy: the purge stays pending
 * and the next unit of work (or the close) tries again, rather than the writer waiting for it.
 */
export function checkpointIfPurged(ds: DataSource, handle: SqliteHandle): void {
  if (!purged.has(ds)) return;
  handle.pragma('busy_timeout = 0');
  try {
    const [result] = handle.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
    if (result?.busy === 0) purged.delete(ds);
  } catch {
    // Locked by another connection: still pending, tried again after the next unit.
  } finally {
    handle.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }
}

/** Whether a purge still waits for its checkpoint (tests). */
export function purgePending(ds: DataSource): boolean {
  return purged.has(ds);
}
