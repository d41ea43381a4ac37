/**
 * Long reads (walking the whole audit chain; later a yearly report or an export) run in a worker
 * thread on their own read-only connection, so that the core's thread — and with it every other
 * user's calls — never waits for them. SQLite in WAL mode lets that reader see a consistent
 * snapshot while the core keeps writing.
 *
 * Dispatch decides: a route declared `longRead` has its session, lock and permission checks done
 * in the core as usual, then its handler runs here instead of in-process (long-read-serve.ts).
 *
 * The data key reaches the worker in memory only: copied into a fresh buffer that is *transferred*
 * (moved, not cloned) with the first message; the worker zeroes it once its connection is open.
 * The key is never in `workerData`, an environment variable, argv, a file or a log line.
 *
 * One worker, one job at a time, started on the first long read and stopped after a while idle
 * (its connection, and SQLite's copy of the key schedule, go with it). A worker that dies fails
 * its job with `store_unavailable`; the next long read starts a new one.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Actor } from '../access/gate';
import type { Logger } from '../api/dispatch';
import type { Clock } from '../clock';
import { StoreError } from '../db/errors';
import type { Store } from '../db/store';
import type { Vault } from '../db/vault';
import type { Session } from '../services/auth/sessions';
import {
  fromWire,
  workerGone,
  type CallerSnapshot,
  type FromWorker,
  type LongReadWorkerData,
  type ToWorker,
} from './long-read-protocol';

export interface LongReadOptions {
  /** Electron-ABI driver build, passed on to the worker (the desktop's core process). */
  nativeBinding?: string;
  /** Worker entry (.js/.cjs bundle, or a .ts source run under tsx). Default: see `defaultEntry`. */
  entry?: string;
  /** Stop an idle worker after this many milliseconds. Default 60 s. */
  idleMs?: number;
  /** Handed to the worker's `workerData.extra` (tests only: a latch). */
  extra?: unknown;
  log: Logger;
}

interface Job {
  channel: string;
  input: unknown;
  now: number;
  caller: CallerSnapshot;
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

interface Running {
  worker: Worker;
  /** The store this worker reads: a vault reopened on another store needs another worker. */
  store: Store;
  current: { id: number; job: Job } | null;
  gone: boolean;
}

const ENTRY_NAMES = ['long-read-worker.cjs', 'long-read-worker.js'];

/**
 * The bundle built beside the code that runs this (dist/server, dist/main), or the TypeScript
 * source next to this file when running from source (tests, `npm run bench`).
 */
export function defaultEntry(): string {
  for (const name of ENTRY_NAMES) {
    const built = path.join(__dirname, name);
    if (existsSync(built)) return built;
  }
  return path.join(__dirname, 'long-read-worker.ts');
}

function newWorker(entry: string, workerData: LongReadWorkerData): Worker {
  if (!entry.endsWith('.ts')) return new Worker(entry, { workerData });
  // From source: register tsx's CommonJS hook in the worker, then load the entry. Only paths go in
  // this script.
  const tsx = createRequire(__filename).resolve('tsx/cjs/api');
  const script = `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(entry)});`;
  return new Worker(script, { eval: true, workerData });
}

export class LongReads {
  private running: Running | null = null;
  private readonly waiting: Job[] = [];
  private idleTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private nextId = 1;
  /** Workers started so far: tests check that a refused call never reaches one. */
  workersStarted = 0;

  constructor(
    private readonly vault: Vault,
    private readonly clock: Clock,
    private readonly options: LongReadOptions,
  ) {}

  /** Runs the long-read handler of `channel` in the worker; settles as the handler would have. */
  run(channel: string, input: unknown, session: Session, actor: Actor): Promise<unknown> {
    if (this.closed) return Promise.reject(new StoreError('missing', 'The store is closed'));
    const { token: _token, ...sessionWithoutToken } = session;
    return new Promise((resolve, reject) => {
      this.waiting.push({
        channel,
        input,
        now: this.clock().getTime(),
        caller: { session: sessionWithoutToken, actor },
        resolve,
        reject,
      });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.clearIdle();
    for (const job of this.waiting.splice(0)) job.reject(new StoreError('missing', 'The store is closed'));
    if (this.running) await this.stop(this.running);
  }

  private pump(): void {
    if (this.running?.current) return;
    const job = this.waiting.shift();
    if (!job) {
      this.scheduleIdle();
      return;
    }
    this.clearIdle();
    try {
      const store = this.vault.requireStore();
      if (this.running && this.running.store !== store) void this.stop(this.running);
      const running = this.running ?? this.start(store);
      const id = this.nextId++;
      running.current = { id, job };
      running.worker.ref();
      const message: ToWorker = {
        kind: 'run',
        id,
        channel: job.channel,
        input: job.input,
        now: job.now,
        caller: job.caller,
      };
      running.worker.postMessage(message);
    } catch (err) {
      // Store closed meanwhile, or the input could not be cloned: this job fails, the next may not.
      if (this.running?.current?.job === job) this.running.current = null;
      job.reject(err);
      this.pump();
    }
  }

  private start(store: Store): Running {
    const workerData: LongReadWorkerData = {
      dataDir: this.vault.dataDir,
      cipher: this.vault.getKeyring().cipher,
      ...(this.options.nativeBinding === undefined ? {} : { nativeBinding: this.options.nativeBinding }),
      ...(this.options.extra === undefined ? {} : { extra: this.options.extra }),
    };
    const entry = this.options.entry ?? defaultEntry();
    if (!existsSync(entry)) {
      // A build that forgot the worker bundle: say which file, fail the read, never fall back to
      // the core's thread silently (that is what the worker is for).
      this.options.log(`long-read worker entry not found: ${entry} (npm run build)`);
      throw workerGone();
    }
    const worker = newWorker(entry, workerData);
    this.workersStarted += 1;
    const running: Running = { worker, store, current: null, gone: false };
    this.running = running;

    // The key travels in a buffer of its own, transferred: after postMessage this thread no longer
    // holds that copy (the vault keeps the one it always had).
    const key = this.vault.requireDataKey();
    const transfer = new ArrayBuffer(key.length);
    new Uint8Array(transfer).set(key);
    const open: ToWorker = { kind: 'open', key: transfer };
    worker.postMessage(open, [transfer]);

    worker.on('message', (message: FromWorker) => this.onMessage(running, message));
    // An uncaught error in the worker: its class only (the message may quote data). 'exit' follows.
    worker.on('error', (err) => this.options.log(`long-read worker error: ${err.name}`));
    worker.on('exit', (code) => this.onExit(running, code));
    return running;
  }

  private onMessage(running: Running, message: FromWorker): void {
    if (running.gone) return;
    if (message.kind === 'opened') return;
    if (message.kind === 'open_failed') {
      const current = running.current;
      running.current = null;
      void this.stop(running);
      current?.job.reject(fromWire(message.error));
      this.pump();
      return;
    }
    const current = running.current;
    if (!current || current.id !== message.id) return;
    running.current = null;
    // Idle workers must not keep a CLI process alive; a job in flight must.
    running.worker.unref();
    if (message.kind === 'done') current.job.resolve(message.value);
    else current.job.reject(fromWire(message.error));
    this.pump();
  }

  private onExit(running: Running, code: number): void {
    if (running.gone) return;
    running.gone = true;
    if (this.running === running) this.running = null;
    const current = running.current;
    running.current = null;
    if (current) {
      this.options.log(`long-read worker exited during ${current.job.channel} (code ${code})`);
      current.job.reject(workerGone());
    }
    this.pump();
  }

  private async stop(running: Running): Promise<void> {
    running.gone = true;
    if (this.running === running) this.running = null;
    const current = running.current;
    running.current = null;
    current?.job.reject(workerGone());
    await running.worker.terminate();
  }

  private scheduleIdle(): void {
    const running = this.running;
    if (!running || this.idleTimer) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.running === running && !running.current) void this.stop(running);
    }, this.options.idleMs ?? 60_000);
    this.idleTimer.unref();
  }

  private clearIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}
