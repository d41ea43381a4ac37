/**
 * Backups are encrypted to encrypted: `VACUUM INTO` writes a consistent copy under the same key
 * (SQLite3MultipleCiphers keeps the cipher), the copy is reopened, checked (integrity) and
 * fingerprinted (every table), then packed with the keyring in one file:
 *
 *   PARCOURS-BACKUP 1\n  <header JSON>\n  <encrypted database bytes>
 *
 * The header holds the wrapped keys (only openable with a staff password or the recovery code),
 * row counts and hashes, and the audit chain's head (count and hash of the last entry of the copy);
 * no personal data is ever in clear. Restore unpacks into a new folder and proves the same
 * fingerprint and that the restored log contains that head before it replaces anything.
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import { containsHead, currentHead, type ChainHead } from '../audit/audit-head';
import type { OnProgress } from '../progress';
import { StoreError } from './errors';
import { fingerprint, integrityOk, type StoreFingerprint } from './fingerprint';
import { writeFileAtomic } from './files';
import { KEYRING_FILE, type KeyringData } from './keyring';
import { openEncrypted, type SqliteHandle } from './sqlite';
import { DATABASE_FILE } from './store';

export const BACKUP_MAGIC = 'PARCOURS-BACKUP 1\n';

export interface BackupHeader {
  createdAt: string;
  schemaVersion: number;
  cipher: string;
  keyring: KeyringData;
  database: { bytes: number; sha256: string };
  /** Row counts and hashes of every table, sealed under a key derived from the data key: even
   *  counts or hashes of small tables (who holds which role) must not be readable from the file. */
  sealedTables: SealedBox;
  /** The audit chain's head in the copy (`ChainHead`), sealed like the tables. Absent from
   *  backups made before the keyed chain. */
  sealedHead?: SealedBox;
}

export interface SealedBox {
  iv: string;
  ciphertext: string;
  tag: string;
}

function fingerprintKey(dataKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'parcours backup fingerprint v1', 32));
}

export function sealTables(dataKey: Buffer, tables: StoreFingerprint | ChainHead): SealedBox {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', fingerprintKey(dataKey), iv);
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(tables), 'utf8'), cipher.final()]);
  return {
    iv: iv.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** The backup's table fingerprint; a changed or foreign header fails here. */
export function openTables(dataKey: Buffer, header: BackupHeader): StoreFingerprint {
  return openSealed<StoreFingerprint>(dataKey, header.sealedTables, 'fingerprint');
}

/** The audit head the backup's log must contain; null for a backup made before it was carried. */
export function openHead(dataKey: Buffer, header: BackupHeader): ChainHead | null {
  if (header.sealedHead === undefined) return null;
  const head = openSealed<ChainHead>(dataKey, header.sealedHead, 'audit_head');
  if (!Number.isSafeInteger(head?.count) || typeof head.hash !== 'string')
    throw new BackupError('audit_head');
  return head;
}

function openSealed<T>(dataKey: Buffer, box: SealedBox, reason: string): T {
  try {
    const decipher = createDecipheriv('aes-256-gcm', fingerprintKey(dataKey), Buffer.from(box.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(box.tag, 'base64'));
    return JSON.parse(
      Buffer.concat([decipher.update(Buffer.from(box.ciphertext, 'base64')), decipher.final()]).toString(
        'utf8',
      ),
    ) as T;
  } catch {
    throw new BackupError(reason);
  }
}

export class BackupError extends Error {
  constructor(readonly reason: string) {
    super(`invalid backup: ${reason}`);
  }
}

function schemaVersionOf(db: SqliteHandle): number {
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as
    { v: number | null } | undefined;
  return row?.v ?? 0;
}

/** Writes a verified backup of an open store. Must run inside the store's exclusive section. */
export function writeBackup(
  db: SqliteHandle,
  key: Buffer,
  keyring: KeyringData,
  outFile: string,
  now: Date,
  onProgress?: OnProgress,
): { header: BackupHeader; tables: StoreFingerprint } {
  const dir = path.dirname(path.resolve(outFile));
  mkdirSync(dir, { recursive: true });
  const copy = path.join(dir, `.parcours-backup-${randomBytes(6).toString('hex')}.db`);
  try {
    // One snapshot: `VACUUM INTO` copies the database as of one read transaction (it reads through
    // the WAL, so no checkpoint is needed — a TRUNCATE checkpoint would wait for, and block, the
    // writers of a working centre). The fingerprint sealed in the header is taken from that copy,
    // so it describes exactly what the file holds even while other workstations keep writing.
    // One statement, so its pages are reported before and after it: SQLite says nothing in between
    // (the backup API would, page by page, but restarts whenever another connection writes).
    const pages = Number(db.pragma('page_count', { simple: true })) || 0;
    onProgress?.({ phase: 'copy', done: 0, total: pages });
    db.prepare('VACUUM INTO ?').run(copy);
    onProgress?.({ phase: 'copy', done: pages, total: pages });
    const verify = openEncrypted({ file: copy, key, cipher: keyring.cipher, readonly: true });
    let tables: StoreFingerprint;
    let schemaVersion: number;
    let head: ChainHead;
    try {
      if (!integrityOk(verify)) throw new BackupError('integrity');
      tables = fingerprint(verify, onProgress);
      schemaVersion = schemaVersionOf(verify);
      // From the same copy: the head this file's log ends at, for restore to hold it to.
      head = currentHead(verify);
    } finally {
      verify.close();
    }
    const bytes = readFileSync(copy);
    const header: BackupHeader = {
      createdAt: now.toISOString(),
      schemaVersion,
      cipher: keyring.cipher,
      keyring,
      database: { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') },
      sealedTables: sealTables(key, tables),
      sealedHead: sealTables(key, head),
    };
    writeFileAtomic(
      outFile,
      Buffer.concat([
        Buffer.from(BACKUP_MAGIC, 'utf8'),
        Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'),
        bytes,
      ]),
    );
    return { header, tables };
  } finally {
    rmSync(copy, { force: true });
  }
}

/** Bytes hashed between two progress reports of a restore's read. */
const HASH_CHUNK = 8 << 20;

function sha256Of(bytes: Buffer, onProgress?: OnProgress): string {
  const hash = createHash('sha256');
  onProgress?.({ phase: 'read', done: 0, total: bytes.length });
  for (let at = 0; at < bytes.length; at += HASH_CHUNK) {
    const end = Math.min(at + HASH_CHUNK, bytes.length);
    hash.update(bytes.subarray(at, end));
    onProgress?.({ phase: 'read', done: end, total: bytes.length });
  }
  return hash.digest('hex');
}

/** `onProgress` hears of the database's bytes checked against the header's checksum (phase `read`). */
export function readBackup(
  file: string,
  onProgress?: OnProgress,
): { header: BackupHeader; database: Buffer } {
  if (!existsSync(file) || !statSync(file).isFile()) throw new BackupError('not_found');
  const fd = openSync(file, 'r');
  let head: Buffer;
  try {
    head = Buffer.alloc(BACKUP_MAGIC.length);
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (head.toString('utf8') !== BACKUP_MAGIC) throw new BackupError('not_a_backup');
  const all = readFileSync(file);
  const headerEnd = all.indexOf(0x0a, BACKUP_MAGIC.length);
  if (headerEnd < 0) throw new BackupError('truncated');
  let header: BackupHeader;
  try {
    header = JSON.parse(all.subarray(BACKUP_MAGIC.length, headerEnd).toString('utf8')) as BackupHeader;
  } catch {
    throw new BackupError('header');
  }
  const database = all.subarray(headerEnd + 1);
  if (database.length !== header.database?.bytes) throw new BackupError('truncated');
  if (sha256Of(database, onProgress) !== header.database.sha256) throw new BackupError('checksum');
  return { header, database };
}

/** Puts the backup's files in a fresh staging folder beside `targetDir`. */
export function stageBackup(header: BackupHeader, database: Buffer, targetDir: string): string {
  const staging = `${path.resolve(targetDir)}.restoring-${randomBytes(4).toString('hex')}`;
  mkdirSync(staging, { recursive: true, mode: 0o700 });
  writeFileAtomic(path.join(staging, DATABASE_FILE), database);
  writeFileAtomic(path.join(staging, KEYRING_FILE), JSON.stringify(header.keyring, null, 2));
  return staging;
}

/**
 * Proves the staged copy opens with the key, has the backup's exact content and its audit log
 * contains the head sealed in the header.
 */
export function verifyStaged(
  staging: string,
  key: Buffer,
  header: BackupHeader,
  onProgress?: OnProgress,
): StoreFingerprint {
  let db: SqliteHandle;
  try {
    db = openEncrypted({
      file: path.join(staging, DATABASE_FILE),
      key,
      cipher: header.cipher,
      readonly: true,
    });
  } catch (err) {
    if (err instanceof StoreError) throw new BackupError('unreadable');
    throw err;
  }
  try {
    if (!integrityOk(db)) throw new BackupError('integrity');
    const fp = fingerprint(db, onProgress);
    if (JSON.stringify(fp) !== JSON.stringify(openTables(key, header))) throw new BackupError('fingerprint');
    const head = openHead(key, header);
    if (head && !containsHead(db, head)) throw new BackupError('audit_head');
    return fp;
  } catch (err) {
    // A damaged page that the cipher refuses surfaces as an SQLite error while reading: the same
    // verdict as a failed integrity check, never a bare "SqliteError".
    if (err instanceof BackupError) throw err;
    throw new BackupError('integrity');
  } finally {
    db.close();
  }
}

export function isEmptyDir(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

/** Moves the verified staging folder into place; an existing folder is kept aside, never deleted. */
export function promoteStaged(staging: string, targetDir: string, now: Date): string | null {
  const target = path.resolve(targetDir);
  let keptAside: string | null = null;
  if (existsSync(target)) {
    if (isEmptyDir(target)) rmSync(target, { recursive: true });
    else {
      keptAside = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
      renameSync(target, keptAside);
    }
  }
  renameSync(staging, target);
  return keptAside;
}
