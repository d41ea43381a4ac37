/**
 * The core of Parcours: plain Node, no Electron. The Electron main process and `parcours serve`
 * both create one and bind their transport to `dispatch`.
 */
import { mkdirSync } from 'node:fs';
import { dispatch, type Logger } from './api/dispatch';
import type { CallContext, CoreApi } from './api/types';
import { systemClock, type Clock } from './clock';
import type { CoreContext } from './context';
import { OWASP_SCRYPT } from './db/keywrap';
import { Vault } from './db/vault';
import { useNativeBinding } from './db/sqlite';
import { SessionRegistry } from './services/auth/sessions';
import { LoginThrottle } from './services/auth/throttle';

export interface CoreOptions {
  dataDir: string;
  now?: Clock;
  /** Where diagnostics go (never personal data). Default: stderr. */
  log?: Logger;
  /** scrypt cost for new key wraps. Only tests lower it. */
  kdfCost?: { N: number; r: number; p: number };
  /** Path to an Electron-ABI build of better-sqlite3-multiple-ciphers (desktop app only). */
  nativeBinding?: string;
}

export interface Core extends CoreApi {
  readonly ctx: CoreContext;
}

export function createCore(options: CoreOptions): Promise<Core> {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const clock = options.now ?? systemClock;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  if (options.nativeBinding) useNativeBinding(options.nativeBinding);
  const ctx: CoreContext = {
    vault: new Vault(options.dataDir, clock),
    clock,
    sessions: new SessionRegistry(clock),
    throttle: new LoginThrottle(options.dataDir, clock),
    kdfCost: options.kdfCost ?? OWASP_SCRYPT,
  };
  return Promise.resolve({
    ctx,
    dispatch: (channel: string, rawInput: unknown, call: CallContext) =>
      dispatch(ctx, channel, rawInput, call, log),
    lockAllSessions: () => ctx.sessions.lockAll(),
    close: () => ctx.vault.close(),
  });
}

export type { CoreApi, CallContext } from './api/types';
