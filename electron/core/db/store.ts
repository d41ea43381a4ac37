/**
 * The store: one encrypted SQLite handle, TypeORM on top of it, and a queue that runs one unit of
 * work at a time. better-sqlite3 is synchronous and TypeORM shares a single query runner for
 * SQLite, so two interleaved async handlers would otherwise share one transaction.
 */
import 'reflect-metadata';
import path from 'node:path';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { DataSource, type EntityManager } from 'typeorm';
import {
  checkHeadAtOpen,
  currentHead,
  writeSealedHeadAsync,
  type ChainHead,
  type HeadCheck,
} from '../audit/audit-head';
import { registerAuditKey, resolveAuditKey, type AuditKey } from '../audit/audit-key';
import { takeAppended } from '../audit/audit-log';
import { ENTITIES } from './entities';
import { migrate } from './migrate';
import { checkpointIfPurged } from './purge';
import { openEncrypted, type SqliteHandle, DATABASE_CIPHER } from './sqlite';

export const DATABASE_FILE = 'parcours.db';

export function databasePath(dataDir: string): string {
  return path.join(dataDir, DATABASE_FILE);
}

export interface StoreOptions {
  dataDir: string;
  key: Buffer;
  cipher?: string;
  create?: boolean;
  now?: () => Date;
}

/**
 * TypeORM on a handle opened and verified here: TypeORM constructs its connection with
 * `new driver(...)`, so it is handed this handle and no statement reaches the file before the key.
 */
function dataSourceOn(file: string, handle: SqliteHandle): DataSource {
  function PreopenedHandle(): SqliteHandle {
    return handle;
  }
  return new DataSource({
    type: 'better-sqlite3',
    database: file,
    driver: PreopenedHandle,
    entities: ENTITIES,
    synchronize: false,
    migrationsRun: false,
    logging: false,
  });
}

export class Store {
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  /**
   * The audit head found at open (audit-head.ts). While the log does not contain the sealed head,
   * no new head is sealed: the record stays as evidence and `audit verify` keeps reporting it.
   */
  headCheck: HeadCheck = { ok: false, reason: 'missing', sealed: null };

  private constructor(
    readonly dataDir: string,
    readonly handle: SqliteHandle,
    readonly ds: DataSource,
    readonly auditKey: AuditKey,
    private readonly now: () => Date,
  ) {}

  static async open({
    dataDir,
    key,
    cipher = DATABASE_CIPHER,
    create = false,
    now = () => new Date(),
  }: StoreOptions): Promise<Store> {
    if (create) mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const file = databasePath(dataDir);
    // Born private: SQLite gives the -wal and -shm files the mode of the database file.
    if (create && !existsSync(file)) closeSync(openSync(file, 'wx', 0o600));
    const handle = openEncrypted({ file, key, cipher, create });
    const ds = dataSourceOn(file, handle);
    let auditKey: AuditKey;
    let headCheck: HeadCheck;
    try {
      await ds.initialize();
      await migrate(ds, now);
      // Only the account running Parcours may read the store, even encrypted.
      if (create && existsSync(file)) chmodSync(file, 0o600);
      auditKey = resolveAuditKey(key);
      registerAuditKey(ds, auditKey);
      // A rolled-back or truncated log is recorded, never a reason to refuse: care must go on.
      headCheck = checkHeadAtOpen(dataDir, auditKey, handle, now());
    } catch (err) {
      if (ds.isInitialized) await ds.destroy();
      else handle.close();
      throw err;
    }
    const store = new Store(dataDir, handle, ds, auditKey, now);
    store.headCheck = headCheck;
    if (headCheck.ok) store.newestHead = headCheck.head;
    return store;
  }

  /**
   * A second, read-only connection to a store another connection has opened and migrated (long
   * reads in a worker thread, electron/core/workers). WAL lets it read a consistent snapshot while
   * the writer carries on; SQLite refuses any write on it. No migration, no durability pragma.
   */
  static async openReadOnly({
    dataDir,
    key,
    cipher = DATABASE_CIPHER,
  }: Omit<StoreOptions, 'create' | 'now'>): Promise<Store> {
    const file = databasePath(dataDir);
    const handle = openEncrypted({ file, key, cipher, readonly: true });
    const ds = dataSourceOn(file, handle);
    let auditKey: AuditKey;
    try {
      await ds.initialize();
      auditKey = resolveAuditKey(key);
      registerAuditKey(ds, auditKey);
    } catch (err) {
      if (ds.isInitialized) await ds.destroy();
      else handle.close();
      throw err;
    }
    return new Store(dataDir, handle, ds, auditKey, () => new Date());
  }

  /** Runs `work` alone: no other unit of work interleaves with it. */
  exclusive<T>(work: () => Promise<T> | T): Promise<T> {
    const next = this.queue.then(async () => {
      if (this.closed) throw new Error('store is closed');
      try {
        return await work();
      } finally {
        // A deletion's old pages leave the write-ahead log before the caller hears it is done.
        checkpointIfPurged(this.ds, this.handle);
        this.sealAuditHead();
      }
    });
    this.queue = next.catch(() => undefined);
    // The next unit does not wait for the seal; this unit's caller does, so that what it answers
    // is on disk with its head (and a folder is settled between two calls).
    const settled = () => this.sealing ?? undefined;
    return next.then(
      async (value) => {
        await settled();
        return value;
      },
      async (err: unknown) => {
        await settled();
        throw err;
      },
    );
  }

  /**
   * After a unit of work that appended audit entries — committed or rolled back, so the head is
   * read back from the database here, inside the unit's turn with no transaction open, never taken
   * from what was attempted — seal the new head. The file is written off the queue (its two
   * fsyncs on the thread pool), and units that end meanwhile are sealed by one write: the record
   * lags by at most those, which verification allows. A seal that cannot be written (full disk)
   * leaves it lagging too; the next unit that appends tries again.
   */
  private sealAuditHead(): void {
    if (!takeAppended(this.ds) || !this.headCheck.ok) return;
    let head: ChainHead;
    try {
      head = currentHead(this.handle);
    } catch {
      return;
    }
    // A unit that rolled its entries back leaves the head where it was: nothing to write.
    const last = this.newestHead;
    if (last && last.count === head.count && last.hash === head.hash) return;
    this.headToSeal = head;
    this.newestHead = head;
    this.sealing ??= this.writeHeads();
  }

  /** The head waiting to be written (units that ended while another was being written). */
  private headToSeal: ChainHead | null = null;
  /** The newest head written, being written or waiting (found sealed at open, at first). */
  private newestHead: ChainHead | null = null;
  private sealing: Promise<void> | null = null;

  private async writeHeads(): Promise<void> {
    // Heads are written one after another, newest last: the record never goes back.
    while (this.headToSeal) {
      const head = this.headToSeal;
      this.headToSeal = null;
      try {
        await writeSealedHeadAsync(this.dataDir, this.auditKey, head, this.now());
      } catch {
        // The committed work stands; the record only lags (see above), and the next unit that
        // appends writes it again.
        if (this.newestHead === head) this.newestHead = null;
      }
    }
    this.sealing = null;
  }

  /** Runs `work` in one transaction, alone: it all commits, or nothing does. */
  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.exclusive(() => this.ds.transaction(work));
  }

  get manager(): EntityManager {
    return this.ds.manager;
  }

  async close(): Promise<void> {
    await this.exclusive(() => undefined);
    this.closed = true;
    // The last units' head is on disk before the folder is let go.
    while (this.sealing) await this.sealing;
    if (this.ds.isInitialized) await this.ds.destroy();
  }
}
