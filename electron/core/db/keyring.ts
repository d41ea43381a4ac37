/**
 * The keyring file sits beside the database and holds only wrapped copies of the data key and
 * their KDF parameters: one per active staff account, one for the recovery code. Accounts are
 * found by a salted hash of the user name so the file does not list the team.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { StoreError } from './errors';
import { readJsonFile, writeFileAtomic } from './files';
import type { WrappedKey } from './keywrap';

export const KEYRING_FILE = 'keyring.json';

export interface KeyringAccount {
  userId: string;
  wrapped: WrappedKey;
}

export interface KeyringData {
  format: 'parcours-keyring';
  version: 1;
  /** Cipher of the database file, pinned at creation (SQLite3MultipleCiphers). */
  cipher: string;
  lookupSalt: string;
  accounts: Record<string, KeyringAccount>;
  recovery: WrappedKey;
}

export function normalizeUsername(username: string): string {
  return username.trim().normalize('NFKC').toLowerCase();
}

export function lookupIdIn(data: KeyringData, username: string): string {
  return createHash('sha256')
    .update(data.lookupSalt)
    .update('\0')
    .update(normalizeUsername(username))
    .digest('hex');
}

/** An account in a keyring that is not (yet) a live file, e.g. inside a backup. */
export function findAccountIn(data: KeyringData, username: string): KeyringAccount | null {
  return data.accounts[lookupIdIn(data, username)] ?? null;
}

export class Keyring {
  private constructor(
    private readonly file: string,
    private data: KeyringData,
  ) {}

  static path(dataDir: string): string {
    return path.join(dataDir, KEYRING_FILE);
  }

  static exists(dataDir: string): boolean {
    return existsSync(Keyring.path(dataDir));
  }

  /** null when the folder has no keyring; a damaged or foreign file is refused like a missing one (only a backup helps). */
  static load(dataDir: string): Keyring | null {
    const file = Keyring.path(dataDir);
    if (!existsSync(file)) return null;
    let data: KeyringData | null;
    try {
      data = readJsonFile<KeyringData>(file);
    } catch {
      data = null;
    }
    if (
      !data ||
      data.format !== 'parcours-keyring' ||
      data.version !== 1 ||
      typeof data.accounts !== 'object' ||
      data.accounts === null
    ) {
      throw new StoreError('keyring_missing', 'The keyring file is damaged or is not a Parcours keyring');
    }
    return new Keyring(file, data);
  }

  static create(dataDir: string, cipher: string, recovery: WrappedKey): Keyring {
    const data: KeyringData = {
      format: 'parcours-keyring',
      version: 1,
      cipher,
      lookupSalt: randomBytes(16).toString('base64'),
      accounts: {},
      recovery,
    };
    const ring = new Keyring(Keyring.path(dataDir), data);
    ring.save();
    return ring;
  }

  get cipher(): string {
    return this.data.cipher;
  }

  get recovery(): WrappedKey {
    return this.data.recovery;
  }

  lookupId(username: string): string {
    return lookupIdIn(this.data, username);
  }

  account(username: string): KeyringAccount | null {
    return this.data.accounts[this.lookupId(username)] ?? null;
  }

  setAccount(username: string, account: KeyringAccount): void {
    this.replace({ ...this.data, accounts: { ...this.data.accounts, [this.lookupId(username)]: account } });
  }

  /** Removes every wrapped key of a user (deactivation, rename). */
  removeUser(userId: string): void {
    this.replace({
      ...this.data,
      accounts: Object.fromEntries(
        Object.entries(this.data.accounts).filter(([, account]) => account.userId !== userId),
      ),
    });
  }

  hasUser(userId: string): boolean {
    return Object.values(this.data.accounts).some((a) => a.userId === userId);
  }

  snapshot(): KeyringData {
    return structuredClone(this.data);
  }

  restore(data: KeyringData): void {
    this.replace(structuredClone(data));
  }

  /**
   * The file first, memory after: a failed write leaves both as they were. Callers change the
   * keyring through `Vault.keyringTransaction`, which puts it back if the database transaction
   * fails after it (tests/unit/keyring-transaction.test.ts).
   */
  private replace(next: KeyringData): void {
    writeFileAtomic(this.file, JSON.stringify(next, null, 2));
    this.data = next;
  }

  private save(): void {
    writeFileAtomic(this.file, JSON.stringify(this.data, null, 2));
  }
}
