/**
 * The messages between a core (main thread) and its long-read worker thread. They travel by
 * structured clone inside the process: nothing here is written to disk or to a log.
 *
 * Errors cross the thread boundary as data and are rebuilt on the other side, so that dispatch
 * maps them exactly as if the handler had run in-process (DomainError → its code, StoreError →
 * `store_unavailable`). An unexpected error keeps only its class name and driver code: its message
 * may quote personal data, and dispatch logs nothing more than the kind anyway.
 */
import type { ErrorCode } from '../../../shared/contract/envelope';
import type { Actor } from '../access/gate';
import { StoreError, type StoreProblem } from '../db/errors';
import { DomainError } from '../errors';
import type { Session } from '../services/auth/sessions';

/** Handed to the worker at creation (`workerData`): where the store is, never how to open it. */
export interface LongReadWorkerData {
  dataDir: string;
  cipher: string;
  nativeBinding?: string;
  /** Extra data for a test entry (a latch); production passes nothing. */
  extra?: unknown;
}

/** The caller as the handler sees it, without the bearer token: the worker has no use for it. */
export interface CallerSnapshot {
  session: Omit<Session, 'token'>;
  actor: Actor;
}

export type ToWorker =
  /** The data key, in a buffer transferred (moved, not copied) to the worker, which zeroes it once open. */
  | { kind: 'open'; key: ArrayBuffer }
  | { kind: 'run'; id: number; channel: string; input: unknown; now: number; caller: CallerSnapshot };

export type FromWorker =
  | { kind: 'opened' }
  | { kind: 'open_failed'; error: WireError }
  | { kind: 'done'; id: number; value: unknown }
  | { kind: 'failed'; id: number; error: WireError };

export type WireError =
  | {
      type: 'domain';
      code: ErrorCode;
      message: string;
      field?: string;
      details?: Record<string, unknown>;
    }
  | { type: 'store'; problem: StoreProblem; message: string }
  | { type: 'other'; name: string; code?: string };

export function toWire(err: unknown): WireError {
  if (err instanceof DomainError)
    return {
      type: 'domain',
      code: err.code,
      message: err.message,
      ...(err.field === undefined ? {} : { field: err.field }),
      ...(err.details === undefined ? {} : { details: err.details }),
    };
  if (err instanceof StoreError) return { type: 'store', problem: err.problem, message: err.message };
  const code = (err as { code?: unknown } | null)?.code;
  return {
    type: 'other',
    name: err instanceof Error ? err.name : typeof err,
    ...(typeof code === 'string' ? { code } : {}),
  };
}

export function fromWire(wire: WireError): Error {
  if (wire.type === 'domain') return new DomainError(wire.code, wire.message, wire.field, wire.details);
  if (wire.type === 'store') return new StoreError(wire.problem, wire.message);
  const err = new Error('long read failed') as Error & { code?: string };
  err.name = wire.name;
  if (wire.code !== undefined) err.code = wire.code;
  return err;
}

const WORKER_EXITED = { details: { problem: 'worker_exited' } };

/** What a call gets when the worker thread stopped under it (crash, out of memory, terminate). */
export function workerGone(): DomainError {
  return new DomainError(
    'store_unavailable',
    'the long-read worker stopped',
    undefined,
    WORKER_EXITED.details,
  );
}
