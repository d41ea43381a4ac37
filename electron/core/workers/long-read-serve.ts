/**
 * The worker side of long reads (see long-reads.ts for the core side). The worker owns one
 * read-only connection to the store, opened with the data key the core transferred to it; it runs
 * the *same* route handler dispatch would have run in-process, against a context whose vault hands
 * out that read-only store. Permission checks, session and lock rules were applied by dispatch
 * before the job was sent; the worker only refuses a channel that is not declared a long read.
 *
 * Jobs run one after another: the connection is synchronous, and a second long read waiting for
 * the first one is fine (it is the short calls that must never wait).
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { Clock } from '../clock';
import type { CoreContext } from '../context';
import { isChannelName } from '../../../shared/contract';
import { ROUTES } from '../api/routes';
import { StoreError } from '../db/errors';
import { useNativeBinding } from '../db/sqlite';
import { Store } from '../db/store';
import { Vault, type VaultState } from '../db/vault';
import { DomainError } from '../errors';
import { createContext } from '../index';
import type { Session } from '../services/auth/sessions';
import { toWire, type FromWorker, type LongReadWorkerData, type ToWorker } from './long-read-protocol';

/** A vault that is always open on the worker's read-only store and never holds the data key. */
class ReadOnlyVault extends Vault {
  constructor(
    dataDir: string,
    clock: Clock,
    private readonly readStore: Store,
  ) {
    super(dataDir, clock);
  }

  override state(): VaultState {
    return { state: 'ready' };
  }

  override get isOpen(): boolean {
    return true;
  }

  override requireStore(): Store {
    return this.readStore;
  }

  override requireDataKey(): Buffer {
    // Nothing a read does needs the key; a handler that asks for it is not a long read.
    throw new StoreError('missing', 'No data key in a long-read worker');
  }

  override async close(): Promise<void> {
    await this.readStore.close();
  }
}

/**
 * A long read is background work: on a busy server it must not take CPU from the calls of the
 * people at the desk. Linux gives each thread its own nice value (setpriority on a thread id), so
 * this thread alone is lowered; elsewhere the call would renice the whole process, so it is skipped.
 * Best effort: a system that refuses leaves the thread at normal priority.
 */
export const LONG_READ_NICE = 10;
function lowerThisThreadsPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0 && tid !== process.pid) setPriority(tid, LONG_READ_NICE);
  } catch {
    // No /proc, or not allowed: the worker still keeps long reads off the core's thread.
  }
}

export interface LongReadHooks {
  /** Called before each job's handler (tests open a read snapshot and block on a latch here). */
  beforeRun?(channel: string, extra: unknown, store: Store): void | Promise<void>;
  /** Called after each job's handler, whatever its outcome. */
  afterRun?(channel: string, extra: unknown, store: Store): void;
}

export function serveLongReads(hooks: LongReadHooks = {}): void {
  const port = parentPort;
  if (!port) throw new Error('serveLongReads runs in a worker thread');
  const data = workerData as LongReadWorkerData;
  lowerThisThreadsPriority();
  if (data.nativeBinding) useNativeBinding(data.nativeBinding);
  // Each job runs at the time the core dispatched it (a test's fake clock included).
  let now = Date.now();
  const clock: Clock = () => new Date(now);
  let ctx: CoreContext | null = null;
  let queue: Promise<void> = Promise.resolve();
  const post = (message: FromWorker): void => port.postMessage(message);

  async function open(keyBuffer: ArrayBuffer): Promise<void> {
    const key = Buffer.from(keyBuffer);
    try {
      const store = await Store.openReadOnly({ dataDir: data.dataDir, key, cipher: data.cipher });
      ctx = createContext(
        { dataDir: data.dataDir, now: clock },
        new ReadOnlyVault(data.dataDir, clock, store),
      );
      post({ kind: 'opened' });
    } catch (err) {
      post({ kind: 'open_failed', error: toWire(err) });
    } finally {
      // SQLite keeps its own key schedule for the connection; this copy is no longer needed.
      key.fill(0);
    }
  }

  async function run(job: Extract<ToWorker, { kind: 'run' }>): Promise<void> {
    try {
      if (!ctx) throw new StoreError('missing', 'The long-read worker has no open store');
      const route = isChannelName(job.channel) ? ROUTES[job.channel] : undefined;
      if (!route || route.access !== 'session' || !route.longRead)
        throw new DomainError('not_found', 'not a long-read channel');
      now = job.now;
      const store = ctx.vault.requireStore();
      await hooks.beforeRun?.(job.channel, data.extra, store);
      try {
        const session: Session = { ...job.caller.session, token: '' };
        const handler = route.handler as (input: unknown, call: unknown) => Promise<unknown>;
        const value = await handler(job.input, { ctx, session, actor: job.caller.actor });
        post({ kind: 'done', id: job.id, value });
      } finally {
        hooks.afterRun?.(job.channel, data.extra, store);
      }
    } catch (err) {
      post({ kind: 'failed', id: job.id, error: toWire(err) });
    }
  }

  port.on('message', (message: ToWorker) => {
    queue = queue.then(() => (message.kind === 'open' ? open(message.key) : run(message)));
  });
}
