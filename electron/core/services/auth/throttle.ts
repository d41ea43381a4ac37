/**
 * Failed logins slow the next attempt down, more with each failure, and the counts survive a
 * restart. They are kept in their own small file, not in the database: a wrong password must not
 * touch the database file, and the database may not even be open yet.
 *
 * Against lock-out and password spraying (docs/architecture.md, "Login throttling"):
 * - the count is kept per account AND client address: guesses sent from one place never lock the
 *   account for its owner at their own desk;
 * - each client address also has a count across all the accounts it tries: spraying one password
 *   over many names from one place slows that place down (after a tolerance for a shared desk);
 * - key derivations run a few at a time, the others queue, and beyond the queue a login is told to
 *   try again in a moment: a flood of logins cannot starve the real ones of CPU;
 * - counts are forgotten after a day without failure, and the file is pruned and bounded.
 */
import path from 'node:path';
import { createHash } from 'node:crypto';
import { readJsonFile, writeFileAtomic } from '../../db/files';
import type { Clock } from '../../clock';

export const THROTTLE_FILE = 'login-attempts.json';
/** Failures are forgotten after a day without any. */
const FORGET_AFTER_MS = 24 * 3600_000;
const MAX_DELAY_SECONDS = 15 * 60;
/** Failures a client address may make across accounts before it is slowed down (a busy shared desk). */
const ADDRESS_TOLERANCE = 10;
/** The file never holds more than this many counts (the oldest go first). */
const MAX_ENTRIES = 5_000;
/** Key derivations at once (each takes a core for a fraction of a second), and how many may wait. */
export const KDF_CONCURRENCY = 2;
export const KDF_QUEUE = 16;

interface Attempts {
  failures: number;
  lastFailureAt: string;
}

interface AttemptsFile {
  version: 2;
  /** Per account and client address. */
  pairs: Record<string, Attempts>;
  /** Per client address, across accounts. */
  addresses: Record<string, Attempts>;
}

/** Seconds to wait after the n-th consecutive failure: 1, 2, 4, 8 … capped at 15 minutes. */
export function delayAfter(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(2 ** (failures - 1), MAX_DELAY_SECONDS);
}

/** Where a call comes from, as the throttle counts it: never the address itself in the file. */
function clientKey(client: string): string {
  return createHash('sha256').update(`parcours-client:${client}`).digest('base64url').slice(0, 22);
}

export class LoginBusy extends Error {
  constructor() {
    super('too many logins at once');
  }
}

export class LoginThrottle {
  private readonly file: string;
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  /** The most derivations that ever ran at once (tests check the bound). */
  peakDerivations = 0;

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

  /**
   * Runs one key derivation when a slot is free; throws LoginBusy when the queue is full (the
   * caller answers "try again in a moment").
   */
  async derive<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= KDF_CONCURRENCY) {
      if (this.waiting.length >= KDF_QUEUE) throw new LoginBusy();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.running += 1;
    this.peakDerivations = Math.max(this.peakDerivations, this.running);
    try {
      return await work();
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }

  /** Seconds before this account may try again from this client (0: now). */
  retryAfter(lookupId: string, client: string): number {
    const all = this.read();
    const key = clientKey(client);
    const pair = this.wait(all.pairs[`${lookupId}:${key}`], 0);
    const address = this.wait(all.addresses[key], ADDRESS_TOLERANCE);
    return Math.max(pair, address);
  }

  recordFailure(lookupId: string, client: string): number {
    const all = this.read();
    const key = clientKey(client);
    const pair = this.bump(all.pairs, `${lookupId}:${key}`);
    const address = this.bump(all.addresses, key);
    this.write(all);
    return Math.max(delayAfter(pair), delayAfter(address - ADDRESS_TOLERANCE));
  }

  /** A success clears this account's count from this client (the client's own count decays). */
  recordSuccess(lookupId: string, client: string): void {
    const all = this.read();
    const pairKey = `${lookupId}:${clientKey(client)}`;
    if (!(pairKey in all.pairs)) return;
    delete all.pairs[pairKey];
    this.write(all);
  }

  private wait(entry: Attempts | undefined, tolerance: number): number {
    if (!entry) return 0;
    const last = Date.parse(entry.lastFailureAt);
    const now = this.clock().getTime();
    if (now - last > FORGET_AFTER_MS) return 0;
    const readyAt = last + delayAfter(entry.failures - tolerance) * 1000;
    return Math.max(0, Math.ceil((readyAt - now) / 1000));
  }

  private bump(counts: Record<string, Attempts>, key: string): number {
    const previous = counts[key];
    const stale = previous && this.clock().getTime() - Date.parse(previous.lastFailureAt) > FORGET_AFTER_MS;
    const failures = previous && !stale ? previous.failures + 1 : 1;
    counts[key] = { failures, lastFailureAt: this.clock().toISOString() };
    return failures;
  }

  private read(): AttemptsFile {
    try {
      const file = readJsonFile<AttemptsFile>(this.file);
      if (file?.version === 2) return file;
    } catch {
      // A damaged attempts file must not open the door wider: start a fresh count.
    }
    return { version: 2, pairs: {}, addresses: {} };
  }

  /** Forgets counts older than a day and keeps the newest ones within the bound. */
  private prune(counts: Record<string, Attempts>): Record<string, Attempts> {
    const now = this.clock().getTime();
    const live = Object.entries(counts).filter(
      ([, a]) => now - Date.parse(a.lastFailureAt) <= FORGET_AFTER_MS,
    );
    live.sort((a, b) => b[1].lastFailureAt.localeCompare(a[1].lastFailureAt));
    return Object.fromEntries(live.slice(0, MAX_ENTRIES));
  }

  private write(all: AttemptsFile): void {
    writeFileAtomic(
      this.file,
      JSON.stringify({ version: 2, pairs: this.prune(all.pairs), addresses: this.prune(all.addresses) }),
    );
  }
}
