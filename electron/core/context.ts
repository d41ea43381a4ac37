import type { Clock } from './clock';
import type { Vault } from './db/vault';
import type { LoginThrottle } from './services/auth/throttle';
import type { SessionRegistry } from './services/auth/sessions';
import type { LongReads } from './workers/long-reads';

/** What every service of one running core shares. */
export interface CoreContext {
  vault: Vault;
  clock: Clock;
  sessions: SessionRegistry;
  throttle: LoginThrottle;
  /** scrypt cost for new wraps; tests lower it to stay fast, production uses OWASP_SCRYPT. */
  kdfCost: { N: number; r: number; p: number };
  /** Runs the handlers of `longRead` routes in a worker thread; absent: they run in-process. */
  longReads?: LongReads;
}
