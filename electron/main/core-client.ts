/**
 * The main process's handle on the core process (electron/core/workers/core-process.ts). It is the
 * `CoreApi` the IPC handlers and the auto-lock call, so they are unchanged; each call becomes a
 * message with an id, and the core's answer with that id settles it.
 *
 * The window never waits for the database, and never waits forever either:
 * - the core process dies → every call it had not answered gets a `store_unavailable` envelope at
 *   once (its sessions and the data key died with it; a write may or may not have committed, so a
 *   call is never replayed), and a new core process is started;
 * - calls made while that one starts wait for it, then run (they were never sent);
 * - more than `maxRestarts` deaths within `restartWindowMs` → no more restarts: every call answers
 *   `store_unavailable` immediately, and the shell says so in its log;
 * - a core process that says nothing at all for `stallMs` while calls wait (its event loop stuck)
 *   is ended and treated as dead. A busy core answers its other calls meanwhile; only a frozen one
 *   is silent that long.
 *
 * No `electron` import: the spawner is injected (core-process.ts in this folder forks the
 * utilityProcess), so this logic is tested under Node with a child process standing in.
 */
import { fail, type Result } from '../../shared/contract/envelope';
import type { CallContext, CoreApi } from '../core/api/types';
import { isFromCore, type CoreProcessInit, type FromCore, type ToCore } from '../core/workers/core-protocol';

/** One running core process, as the spawner gives it. */
export interface CoreProcess {
  post(message: ToCore): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Once, when the process is gone (crash, kill, exit). */
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

type LogField = string | number | boolean;

export interface CoreClientOptions {
  spawn(): CoreProcess;
  init: CoreProcessInit;
  /** Restarts allowed within `restartWindowMs` (default 3 within 5 minutes). */
  maxRestarts?: number;
  restartWindowMs?: number;
  /** How long quit waits for the store to close before ending the process (default 10 s). */
  closeTimeoutMs?: number;
  /**
   * Silence, while calls wait, after which the core process is taken for frozen (default 2 min:
   * above the longest read the desktop runs in that process; 0 turns the watchdog off).
   */
  stallMs?: number;
  /** Event names and scalar fields only (log.ts). */
  onEvent?(event: string, fields?: Readonly<Record<string, LogField>>): void;
  /** A new core process replaced a dead one: every session is gone, the windows must know. */
  onRestart?(): void;
  now?(): number;
}

type Request = Exclude<ToCore, { kind: 'init' }>;
type RequestBody = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

/** The answer a request gets when no core process can give one. */
const UNAVAILABLE = Symbol('unavailable');
type Reply = FromCore | typeof UNAVAILABLE;

interface Outgoing {
  body: RequestBody;
  settle: (reply: Reply) => void;
}

interface Generation {
  proc: CoreProcess;
  ready: boolean;
  gone: boolean;
  /** Sent, not yet answered. */
  pending: Map<number, (reply: Reply) => void>;
  /** When the core last said anything, or when calls started waiting after a quiet spell. */
  lastHeard: number;
}

type State = 'new' | 'running' | 'closing' | 'closed' | 'given_up';

export function coreUnavailable(): Result<never> {
  return fail('store_unavailable', 'The core process stopped', {
    details: { problem: 'core_process_exited' },
  });
}

export class CoreClient implements CoreApi {
  private state: State = 'new';
  private generation: Generation | null = null;
  /** Waiting for a core process to be ready (start-up, restart). */
  private queued: Outgoing[] = [];
  private nextId = 1;
  private deaths: number[] = [];
  private startup: { resolve(): void; reject(err: Error): void } | null = null;
  private watchdog: NodeJS.Timeout | null = null;
  /** Core processes started so far (tests). */
  spawned = 0;

  constructor(private readonly options: CoreClientOptions) {}

  /** Starts the first core process; rejects if it cannot create its core (shown at start-up). */
  start(): Promise<void> {
    if (this.state !== 'new') return Promise.reject(new Error('core client already started'));
    this.state = 'running';
    const stallMs = this.options.stallMs ?? 120_000;
    if (stallMs > 0) {
      this.watchdog = setInterval(() => this.checkStall(stallMs), Math.max(50, stallMs / 4));
      this.watchdog.unref();
    }
    return new Promise<void>((resolve, reject) => {
      this.startup = { resolve, reject };
      this.spawn();
    });
  }

  async dispatch(channel: string, rawInput: unknown, call: CallContext): Promise<Result<unknown>> {
    const reply = await this.request({
      kind: 'call',
      channel,
      input: rawInput,
      token: call.token,
      transport: call.transport,
    });
    if (reply === UNAVAILABLE) return coreUnavailable();
    if (reply.kind === 'result') return reply.result;
    return fail('internal', 'Internal error');
  }

  /** Fire and forget, as `CoreApi` wants: messages keep their order, so no later call escapes it. */
  lockAllSessions(): void {
    void this.lockAll();
  }

  /** Resolves once the core has locked every session (or has none: a dead core has no session). */
  async lockAll(): Promise<void> {
    await this.request({ kind: 'lockAll' });
  }

  async close(): Promise<void> {
    if (this.state === 'closed' || this.state === 'closing') return;
    const generation = this.generation;
    this.state = 'closing';
    if (generation && !generation.gone) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, this.options.closeTimeoutMs ?? 10_000);
      });
      const closed = this.send(generation, { kind: 'close' });
      await Promise.race([closed, timeout]);
      clearTimeout(timer);
      if (!generation.gone) generation.proc.kill();
    }
    this.state = 'closed';
    this.stopWatchdog();
    for (const out of this.queued.splice(0)) out.settle(UNAVAILABLE);
  }

  private request(body: RequestBody): Promise<Reply> {
    if (this.state === 'closed' || this.state === 'given_up' || this.state === 'new')
      return Promise.resolve(UNAVAILABLE);
    const generation = this.generation;
    if (generation?.ready && !generation.gone) return this.send(generation, body);
    return new Promise((settle) => this.queued.push({ body, settle }));
  }

  private send(generation: Generation, body: RequestBody): Promise<Reply> {
    if (generation.gone) return Promise.resolve(UNAVAILABLE);
    const id = this.nextId++;
    return new Promise<Reply>((settle) => {
      // A quiet core is not a frozen one: the silence that counts starts when calls wait.
      if (generation.pending.size === 0) generation.lastHeard = this.now();
      generation.pending.set(id, settle);
      try {
        generation.proc.post({ ...body, id });
      } catch {
        // Not cloneable, or the channel is already closed: this call fails, the process may live.
        generation.pending.delete(id);
        settle(UNAVAILABLE);
      }
    });
  }

  private spawn(): void {
    let proc: CoreProcess;
    try {
      proc = this.options.spawn();
    } catch (err) {
      this.died(null, err instanceof Error ? err : new Error(String(err)));
      return;
    }
    this.spawned += 1;
    const generation: Generation = {
      proc,
      ready: false,
      gone: false,
      pending: new Map(),
      lastHeard: this.now(),
    };
    this.generation = generation;
    proc.onMessage((message) => this.onMessage(generation, message));
    proc.onExit((code) => {
      if (generation.gone) return;
      this.died(generation, new Error(`core process exited (${code ?? 'signal'})`), code);
    });
    proc.post({ kind: 'init', init: this.options.init });
  }

  private onMessage(generation: Generation, message: unknown): void {
    if (generation.gone || !isFromCore(message)) return;
    generation.lastHeard = this.now();
    switch (message.kind) {
      case 'ready': {
        generation.ready = true;
        this.startup?.resolve();
        this.startup = null;
        for (const out of this.queued.splice(0))
          void this.send(generation, out.body).then((r) => out.settle(r));
        return;
      }
      case 'init_failed': {
        generation.proc.kill();
        this.died(generation, new Error(message.message), null);
        return;
      }
      default: {
        const settle = generation.pending.get(message.id);
        if (!settle) return;
        generation.pending.delete(message.id);
        settle(message);
      }
    }
  }

  private died(generation: Generation | null, cause: Error, code: number | null = null): void {
    if (generation) {
      generation.gone = true;
      for (const settle of generation.pending.values()) settle(UNAVAILABLE);
      generation.pending.clear();
      if (this.generation === generation) this.generation = null;
    }
    if (this.state !== 'running') return;
    if (this.startup) {
      // The first core process never became ready: nothing to restart, the shell reports it.
      this.state = 'given_up';
      this.startup.reject(cause);
      this.startup = null;
      for (const out of this.queued.splice(0)) out.settle(UNAVAILABLE);
      return;
    }
    const now = this.now();
    const windowMs = this.options.restartWindowMs ?? 5 * 60_000;
    this.deaths = [...this.deaths.filter((t) => now - t < windowMs), now];
    const fields: Record<string, LogField> = code === null ? {} : { code };
    if (this.deaths.length > (this.options.maxRestarts ?? 3)) {
      this.state = 'given_up';
      this.stopWatchdog();
      this.options.onEvent?.('core.gave_up', { deaths: this.deaths.length, ...fields });
      for (const out of this.queued.splice(0)) out.settle(UNAVAILABLE);
      return;
    }
    this.options.onEvent?.('core.restarting', { deaths: this.deaths.length, ...fields });
    this.spawn();
    this.options.onRestart?.();
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  private checkStall(stallMs: number): void {
    const generation = this.generation;
    if (!generation?.ready || generation.gone || generation.pending.size === 0) return;
    const silentMs = this.now() - generation.lastHeard;
    if (silentMs <= stallMs) return;
    this.options.onEvent?.('core.stalled', { waiting: generation.pending.size });
    generation.proc.kill();
    // Its calls are answered now, not when (or if) the exit event comes.
    this.died(generation, new Error('core process stalled'));
  }

  private stopWatchdog(): void {
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = null;
  }
}
