/**
 * The messages between the Electron main process and the core process (electron/main forks
 * core-process.ts as a `utilityProcess`). Main keeps the IPC handlers, the sender check and the
 * windows; the core process owns the store, the sessions and the data key, so that no database
 * work ever runs on the thread that drives the windows.
 *
 * Requests carry an id; the core answers each with the same id, in any order. Messages travel by
 * structured clone between the two processes (parentPort); nothing is written anywhere.
 */
import type { Result } from '../../../shared/contract/envelope';
import type { TransportKind } from '../api/types';

/** How the core process opens its core: paths only, never a secret. */
export interface CoreProcessInit {
  dataDir: string;
  /** Electron-ABI build of the SQLite driver (development runs). */
  nativeBinding?: string;
}

export type ToCore =
  | { kind: 'init'; init: CoreProcessInit }
  | {
      kind: 'call';
      id: number;
      channel: string;
      input: unknown;
      token: string | undefined;
      transport: TransportKind;
    }
  /** OS screen lock, suspend, user switch, a renderer gone: every session locks at once. */
  | { kind: 'lockAll'; id: number }
  /** Quit: close the store (after the work under way), then main ends the process. */
  | { kind: 'close'; id: number };

export type FromCore =
  | { kind: 'ready' }
  /** The core could not be created (a data folder it cannot create): said once, then it exits. */
  | { kind: 'init_failed'; message: string }
  | { kind: 'result'; id: number; result: Result<unknown> }
  | { kind: 'done'; id: number };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Main's check of what comes back: anything else is dropped (and the call it claims stays pending). */
export function isFromCore(value: unknown): value is FromCore {
  if (!isRecord(value)) return false;
  switch (value.kind) {
    case 'ready':
      return true;
    case 'init_failed':
      return typeof value.message === 'string';
    case 'done':
      return typeof value.id === 'number';
    case 'result':
      return typeof value.id === 'number' && isRecord(value.result) && typeof value.result.ok === 'boolean';
    default:
      return false;
  }
}

export function isToCore(value: unknown): value is ToCore {
  if (!isRecord(value)) return false;
  switch (value.kind) {
    case 'init':
      return isRecord(value.init) && typeof value.init.dataDir === 'string';
    case 'call':
      return (
        typeof value.id === 'number' &&
        typeof value.channel === 'string' &&
        (value.token === undefined || typeof value.token === 'string') &&
        (value.transport === 'ipc' || value.transport === 'http')
      );
    case 'lockAll':
    case 'close':
      return typeof value.id === 'number';
    default:
      return false;
  }
}
