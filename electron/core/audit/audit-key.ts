/**
 * K_audit, the key of the audit chain (HMAC-SHA256 of each entry) and of its sealed head.
 *
 * Two sources, chosen by configuration:
 * - an audit key file (`--audit-key-file` / PARCOURS_AUDIT_KEY_FILE), outside the data folder and
 *   readable only by the account that runs Parcours (the clinic server's service account): a staff
 *   password then opens the data but cannot re-key the chain;
 * - otherwise HKDF(data key, "parcours audit v2"). Whoever holds the data key (the data folder and
 *   any staff password, or the recovery code) holds K_audit too and can re-key the whole chain
 *   and re-seal its head: only an external anchor (`parcours audit anchor`) catches that.
 *
 * The key is looked up per DataSource so that every append, wherever it runs, uses the key of the
 * store it writes to, without each caller passing it along.
 */
import { hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import { writeFileAtomic } from '../db/files';

export const AUDIT_KEY_FILE_ENV = 'PARCOURS_AUDIT_KEY_FILE';
const AUDIT_KEY_BYTES = 32;

export type AuditKeySource = 'file' | 'derived';

export interface AuditKey {
  key: Buffer;
  source: AuditKeySource;
}

export class AuditKeyError extends Error {
  constructor(readonly file: string) {
    super('The audit key file is not a Parcours audit key');
    this.name = 'AuditKeyError';
  }
}

/** The configured audit key file, if any (an absolute path). */
export function auditKeyFile(): string | null {
  const file = process.env[AUDIT_KEY_FILE_ENV];
  return file ? path.resolve(file) : null;
}

/**
 * Reads the audit key file, creating it (32 random bytes, mode 0600) the first time it is
 * configured. A file that exists but does not hold a key is refused: silently replacing it would
 * make every keyed entry look forged.
 */
export function readOrCreateKeyFile(file: string): Buffer {
  if (!existsSync(file)) {
    writeFileAtomic(file, `${randomBytes(AUDIT_KEY_BYTES).toString('base64')}\n`);
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== AUDIT_KEY_BYTES) throw new AuditKeyError(file);
  return key;
}

/** Refuses a configured audit key file that exists but holds no key (before anything is opened). */
export function checkAuditKeyFile(): void {
  const file = auditKeyFile();
  if (file && existsSync(file)) readOrCreateKeyFile(file).fill(0);
}

/** K_audit for a store opened with `dataKey`: the configured file's key, else derived from it. */
export function resolveAuditKey(dataKey: Buffer): AuditKey {
  const file = auditKeyFile();
  if (file) return { key: readOrCreateKeyFile(file), source: 'file' };
  return {
    key: Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'parcours audit v2', AUDIT_KEY_BYTES)),
    source: 'derived',
  };
}

const keys = new WeakMap<DataSource, AuditKey>();

export function registerAuditKey(ds: DataSource, key: AuditKey): void {
  keys.set(ds, key);
}

/** The audit key of the store `em` works on. */
export function auditKeyOf(em: EntityManager): AuditKey {
  const key = keys.get(em.connection);
  if (!key) throw new Error('No audit key for this store (opened outside Store.open?)');
  return key;
}
