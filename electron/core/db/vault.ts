/**
 * The vault owns one data folder: the keyring, the encrypted database, and — once someone has
 * unlocked it — the data key in memory and the open store. It never writes anything on a path
 * where opening failed.
 */
import { existsSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import type { EntityManager } from 'typeorm';
import type { Clock } from '../clock';
import { StoreError, type StoreProblem } from './errors';
import { Keyring } from './keyring';
import { normalizeRecoveryCode, sameBytes, unwrapKey } from './keywrap';
import { isPlainSqlite } from './sqlite';
import { Store, databasePath } from './store';

export type VaultState =
  | { state: 'needs_setup' }
  | { state: 'locked' }
  | { state: 'ready' }
  | { state: 'unavailable'; problem: StoreProblem };

export class Vault {
  private store: Store | null = null;
  private dataKey: Buffer | null = null;
  private problem: StoreProblem | null = null;
  private keyring: Keyring | null = null;
  private opening: Promise<Store> | null = null;

  constructor(
    readonly dataDir: string,
    readonly clock: Clock,
  ) {}

  state(): VaultState {
    if (this.store) return { state: 'ready' };
    if (this.problem) return { state: 'unavailable', problem: this.problem };
    const hasDb = existsSync(databasePath(this.dataDir));
    const hasKeyring = Keyring.exists(this.dataDir);
    if (!hasDb && !hasKeyring) return { state: 'needs_setup' };
    if (hasDb && isPlainSqlite(databasePath(this.dataDir)))
      return { state: 'unavailable', problem: 'foreign_database' };
    if (hasDb && !hasKeyring) return { state: 'unavailable', problem: 'keyring_missing' };
    if (!hasDb) return { state: 'unavailable', problem: 'missing' };
    try {
      this.getKeyring();
    } catch (err) {
      if (err instanceof StoreError) return { state: 'unavailable', problem: err.problem };
      throw err;
    }
    return { state: 'locked' };
  }

  /** The keyring of this folder (read once, kept in memory). */
  getKeyring(): Keyring {
    if (!this.keyring) {
      const ring = Keyring.load(this.dataDir);
      if (!ring) throw new StoreError('keyring_missing', 'No keyring in this data folder');
      this.keyring = ring;
    }
    return this.keyring;
  }

  /**
   * A transaction that changes the keyring too (accounts, passwords, deactivation): the database
   * and the keyring file change together or not at all. `work` changes the keyring as its very last
   * step, so a keyring write that fails rolls the transaction back; and if the transaction still
   * fails after it (at COMMIT), the keyring is put back as it was before the transaction began —
   * inside the same unit of work, so no other change of the keyring can come in between.
   */
  keyringTransaction<T>(work: (em: EntityManager, keyring: Keyring) => Promise<T>): Promise<T> {
    const store = this.requireStore();
    const keyring = this.getKeyring();
    return store.exclusive(async () => {
      const before = keyring.snapshot();
      try {
        return await store.manager.transaction((em) => work(em, keyring));
      } catch (err) {
        // A keyring write that failed left it unchanged (file first, memory after): nothing to undo.
        if (!isDeepStrictEqual(keyring.snapshot(), before)) keyring.restore(before);
        throw err;
      }
    });
  }

  /** For set-up only: adopt a keyring and store that were just created. */
  adopt(keyring: Keyring, store: Store, dataKey: Buffer): void {
    this.keyring = keyring;
    this.store = store;
    this.dataKey = dataKey;
    this.problem = null;
  }

  /** Opens the store with a key just unwrapped from the keyring (first login after start). */
  async unlockWith(dataKey: Buffer): Promise<Store> {
    // Two first logins at once must not open two handles on the file: wait for the one under way.
    while (this.opening) await this.opening.catch(() => undefined);
    if (this.store && this.dataKey) {
      if (!sameBytes(this.dataKey, dataKey))
        throw new StoreError('unreadable', 'This key does not belong to the open store');
      return this.store;
    }
    const opening = (async () => {
      try {
        const store = await Store.open({
          dataDir: this.dataDir,
          key: dataKey,
          cipher: this.getKeyring().cipher,
          now: this.clock,
        });
        this.store = store;
        this.dataKey = Buffer.from(dataKey);
        this.problem = null;
        return store;
      } catch (err) {
        if (err instanceof StoreError) this.problem = err.problem;
        throw err;
      }
    })();
    this.opening = opening;
    try {
      return await opening;
    } finally {
      this.opening = null;
    }
  }

  /** Opens with the recovery code (CLI recovery, restore verification). */
  async unlockWithRecoveryCode(code: string): Promise<Store | null> {
    const key = await unwrapKey(this.getKeyring().recovery, normalizeRecoveryCode(code));
    return key ? this.unlockWith(key) : null;
  }

  get isOpen(): boolean {
    return this.store !== null;
  }

  requireStore(): Store {
    if (!this.store) throw new StoreError('missing', 'The store is locked');
    return this.store;
  }

  /** The data key, only while the store is open (to wrap it for a new account). */
  requireDataKey(): Buffer {
    if (!this.dataKey) throw new StoreError('missing', 'The store is locked');
    return this.dataKey;
  }

  async close(): Promise<void> {
    if (this.store) await this.store.close();
    this.store = null;
    this.dataKey?.fill(0);
    this.dataKey = null;
  }
}
