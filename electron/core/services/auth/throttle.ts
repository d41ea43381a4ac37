/**
 * Failed logins slow the next attempt down, more with each failure, and the count survives a
 * restart. It is kept in its own small file, not in the database: a wrong password must not
 * touch the database file, and the database may not even be open yet.
 */
import path from 'node:path';
import { readJsonFile, writeFileAtomic } from '../../db/files';
import type { Clock } from '../../clock';

export const THROTTLE_FILE = 'login-attempts.json';
/** Failures are forgotten after a day without any. */
const FORGET_AFTER_MS = 24 * 3600_000;
const MAX_DELAY_SECONDS = 15 * 60;

interface Attempts {
  failures: number;
  lastFailureAt: string;
}

/** Seconds to wait after the n-th consecutive failure: 1, 2, 4, 8 … capped at 15 minutes. */
export function delayAfter(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(2 ** (failures - 1), MAX_DELAY_SECONDS);
}

export class LoginThrottle {
  private readonly file: string;
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(
    dataDir: string,
    private readonly clock: Clock,
  ) {
    this.file = path.join(dataDir, THROTTLE_FILE);
  }

  /** Runs the attempts on one account one after the other (the key derivation is slow and async). */
  async oneAtATime<T>(lookupId: string, attempt: () => Promise<T>): Promise<T> {
    const run = (this.inFlight.get(lookupId) ?? Promise.resolve()).then(attempt);
    const settled = run.catch(() => undefined);
    this.inFlight.set(lookupId, settled);
    try {
      return await run;
    } finally {
      if (this.inFlight.get(lookupId) === settled) this.inFlight.delete(lookupId);
    }
  }

  /** Seconds before this account may try again (0: now). */
  retryAfter(lookupId: string): number {
    const entry = this.read()[lookupId];
    if (!entry) return 0;
    const last = Date.parse(entry.lastFailureAt);
    const now = this.clock().getTime();
    if (now - last > FORGET_AFTER_MS) return 0;
    const readyAt = last + delayAfter(entry.failures) * 1000;
    return Math.max(0, Math.ceil((readyAt - now) / 1000));
  }

  recordFailure(lookupId: string): number {
    const all = this.read();
    const previous = all[lookupId];
    const stale = previous && this.clock().getTime() - Date.parse(previous.lastFailureAt) > FORGET_AFTER_MS;
    const failures = previous && !stale ? previous.failures + 1 : 1;
    all[lookupId] = { failures, lastFailureAt: this.clock().toISOString() };
    this.write(all);
    return delayAfter(failures);
  }

  recordSuccess(lookupId: string): void {
    const all = this.read();
    if (!(lookupId in all)) return;
    delete all[lookupId];
    this.write(all);
  }

  private read(): Record<string, Attempts> {
    try {
      return readJsonFile<Record<string, Attempts>>(this.file) ?? {};
    } catch {
      // A damaged attempts file must not open the door wider: start a fresh count.
      return {};
    }
  }

  private write(all: Record<string, Attempts>): void {
    writeFileAtomic(this.file, JSON.stringify(all));
  }
}
