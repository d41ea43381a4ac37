/**
 * The encrypted SQLite handle. Opening follows one strict order:
 *   1. refuse a plain SQLite file (its header is readable: it is not ours);
 *   2. pin the cipher, then give the raw key before any statement reads the file;
 *   3. prove the key with a real read; on failure close and leave the file untouched;
 *   4. only then set the durability pragmas.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { StoreError } from './errors';

export type SqliteHandle = Database.Database;

/** ChaCha20-Poly1305 (sqleet): authenticated, the SQLite3MultipleCiphers default, pinned here. */
export const DATABASE_CIPHER = 'chacha20';
const PLAIN_SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export function readHeader(file: string, length = 16): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(length);
    const read = readSync(fd, buf, 0, length, 0);
    return buf.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

export function isPlainSqlite(file: string): boolean {
  return existsSync(file) && readHeader(file).equals(PLAIN_SQLITE_HEADER);
}

let nativeBinding: string | undefined;

/** The Electron app loads an Electron-ABI build of the driver; Node (CLI, tests) uses the default. */
export function useNativeBinding(path: string): void {
  nativeBinding = path;
}

export interface OpenOptions {
  file: string;
  key: Buffer;
  cipher?: string;
  /** Create the file when it does not exist (first set-up and restore only). */
  create?: boolean;
  readonly?: boolean;
}

export function openEncrypted({
  file,
  key,
  cipher = DATABASE_CIPHER,
  create = false,
  readonly = false,
}: OpenOptions): SqliteHandle {
  const exists = existsSync(file);
  if (!exists && !create) throw new StoreError('missing', `No database at ${file}`);
  if (exists && isPlainSqlite(file))
    throw new StoreError(
      'foreign_database',
      'This file is a plain SQLite database, not an encrypted Parcours store',
    );
  if (key.length !== 32) throw new Error('data key must be 32 bytes');

  const db = new Database(file, {
    fileMustExist: !create,
    readonly,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  let tables: number;
  try {
    db.pragma(`cipher = '${cipher}'`);
    db.pragma(`key = "x'${key.toString('hex')}'"`);
    tables = (db.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number }).n;
  } catch (err) {
    db.close();
    throw new StoreError('unreadable', 'The database could not be opened with this key', {
      cause: String(err),
    });
  }
  // Any key "opens" an empty file: an existing file without a single table (emptied by a failed
  // copy or sync) is not a store to build a new schema in. Only set-up creates one.
  if (tables === 0 && !create) {
    db.close();
    throw new StoreError('unreadable', 'The database file is empty: it holds no Parcours store');
  }
  if (!readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    // A deleted attachment (and any deleted or overwritten row) leaves zeros, not its old bytes,
    // in b-tree, overflow and freelist pages (FAST would keep overflow pages, where blobs live).
    db.pragma('secure_delete = ON');
  }
  db.pragma('foreign_keys = ON');
  db.pragma('temp_store = MEMORY');
  db.pragma('busy_timeout = 5000');
  return db;
}

/** Makes WAL content part of the main file (before a copy or a rekey). */
export function checkpoint(db: SqliteHandle): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}
