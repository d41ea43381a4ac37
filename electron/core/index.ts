/**
 * The core of Parcours: plain Node, no Electron. The Electron main process and `parcours serve`
 * both create one and bind their transport to `dispatch`.
 */
import { mkdirSync } from 'node:fs';
import { dispatch, type Logger } from './api/dispatch';
import { assertRouteDeclarations } from './api/route-check';
import { ROUTES, type Route } from './api/routes';
import type { ChannelName } from '../../shared/contract';
import type { CallContext, CoreApi } from './api/types';
import { systemClock, type Clock } from './clock';
import type { CoreContext } from './context';
import { OWASP_SCRYPT } from './db/keywrap';
import { Vault } from './db/vault';
import { OwnerLock, type OwnerKind } from './db/owner-lock';
import { removePartialLeftovers } from './db/files';
import { useNativeBinding } from './db/sqlite';
import { SessionRegistry } from './services/auth/sessions';
import { LoginThrottle } from './services/auth/throttle';
import { LongReads } from './workers/long-reads';

export interface CoreOptions {
  dataDir: string;
  /** What owns the folder while this core runs (written in its lock file). Default: 'test'. */
  owner?: OwnerKind;
  /** The route table to check at start (tests pass a broken one to see the core refuse). */
  routes?: Readonly<Record<string, Route<ChannelName>>>;
  now?: Clock;
  /** Where diagnostics go (never personal data). Default: stderr. */
  log?: Logger;
  /** scrypt cost for new key wraps. Only tests lower it. */
  kdfCost?: { N: number; r: number; p: number };
  /** Path to an Electron-ABI build of better-sqlite3-multiple-ciphers (desktop app only). */
  nativeBinding?: string;
  /**
   * Where the handlers of `longRead` routes run: 'worker' (default) on a read-only connection in a
   * worker thread, so they never hold up other calls; 'inline' in this thread, as any other route.
   */
  longReads?: 'worker' | 'inline';
  /** Long-read worker tuning (tests: a latched entry; default: the bundled or source entry). */
  longReadWorker?: { entry?: string; idleMs?: number; extra?: unknown };
}

export interface Core extends CoreApi {
  readonly ctx: CoreContext;
  /** This core's hold on its data folder (the server records its address in it). */
  readonly ownerLock: OwnerLock;
}

/**
 * What the services of one core share. The long-read worker builds its own with a read-only vault
 * (workers/long-read-serve.ts), so both stay the same shape.
 */
export function createContext(
  options: Pick<CoreOptions, 'dataDir' | 'now' | 'kdfCost'>,
  vault?: Vault,
): CoreContext {
  const clock = options.now ?? systemClock;
  return {
    vault: vault ?? new Vault(options.dataDir, clock),
    clock,
    sessions: new SessionRegistry(clock),
    throttle: new LoginThrottle(options.dataDir, clock),
    kdfCost: options.kdfCost ?? OWASP_SCRYPT,
  };
}

export function createCore(options: CoreOptions): Promise<Core> {
  // A dossier channel without its gate declaration never serves a call.
  try {
    assertRouteDeclarations(options.routes ?? ROUTES);
  } catch (err) {
    return Promise.reject(err instanceof Error ? err : new Error(String(err)));
  }
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  // One process owns a data folder: a second core on it is refused, naming the owner.
  let ownerLock: OwnerLock;
  try {
    ownerLock = OwnerLock.acquire(options.dataDir, options.owner ?? 'test');
  } catch (err) {
    return Promise.reject(err instanceof Error ? err : new Error(String(err)));
  }
  // Owner of the folder now: what a killed process half-wrote (keyring copies) can go.
  removePartialLeftovers(options.dataDir);
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  if (options.nativeBinding) useNativeBinding(options.nativeBinding);
  const ctx = createContext(options);
  if ((options.longReads ?? 'worker') === 'worker') {
    const tuning = options.longReadWorker ?? {};
    ctx.longReads = new LongReads(ctx.vault, ctx.clock, {
      log,
      ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
      ...(tuning.entry === undefined ? {} : { entry: tuning.entry }),
      ...(tuning.idleMs === undefined ? {} : { idleMs: tuning.idleMs }),
      ...(tuning.extra === undefined ? {} : { extra: tuning.extra }),
    });
  }
  return Promise.resolve({
    ctx,
    ownerLock,
    dispatch: (channel: string, rawInput: unknown, call: CallContext) =>
      dispatch(ctx, channel, rawInput, call, log),
    lockAllSessions: () => ctx.sessions.lockAll(),
    close: async () => {
      // The worker's connection goes first: the store then closes with no other reader on it.
      await ctx.longReads?.close();
      await ctx.vault.close();
      ownerLock.release();
    },
  });
}

export type { CoreApi, CallContext } from './api/types';
