/**
 * One process owns a data folder at a time: the clinic server, the desktop app, or one command
 * line. Two writers on one store would undo each other (a password reset undone by the server's
 * next keyring write, an import failing the server's writes with SQLITE_BUSY, a restore under a
 * running server). The owner writes `parcours.lock` (its process id, what it is, since when) when
 * it opens the folder and removes it when it closes; a lock whose process is gone is stale and is
 * taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { StoreError } from './errors';

export const LOCK_FILE = 'parcours.lock';

export type OwnerKind = 'serve' | 'desktop' | 'command' | 'test';

export interface OwnerInfo {
  pid: number;
  host: string;
  kind: OwnerKind;
  /** Where to reach it (the server's address), when it has one. */
  url: string | null;
  since: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else — still alive.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readOwner(dataDir: string): OwnerInfo | null {
  try {
    return JSON.parse(readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')) as OwnerInfo;
  } catch {
    return null;
  }
}

/** Folders this process holds (a second core in the same process is refused too). */
const HELD = new Set<string>();

/** The live owner of the folder, if any: another process, or another core of this one. */
export function otherOwner(dataDir: string): OwnerInfo | null {
  const owner = readOwner(dataDir);
  if (!owner) return null;
  if (owner.pid === process.pid) return HELD.has(path.resolve(dataDir)) ? owner : null;
  // Another machine sharing the folder cannot be checked: treat its lock as held.
  if (owner.host !== hostname()) return owner;
  return alive(owner.pid) ? owner : null;
}

export class OwnerLock {
  private released = false;

  private constructor(
    private readonly file: string,
    private info: OwnerInfo,
  ) {}

  /** Takes the folder, or throws `in_use` naming who holds it. A stale lock is taken over. */
  static acquire(dataDir: string, kind: OwnerKind): OwnerLock {
    const file = path.join(dataDir, LOCK_FILE);
    const info: OwnerInfo = {
      pid: process.pid,
      host: hostname(),
      kind,
      url: null,
      since: new Date().toISOString(),
    };
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        // 'wx': created only if absent — two processes starting together cannot both win.
        const fd = openSync(file, 'wx', 0o600);
        try {
          writeSync(fd, JSON.stringify(info));
        } finally {
          closeSync(fd);
        }
        HELD.add(path.resolve(dataDir));
        return new OwnerLock(file, info);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        const holder = otherOwner(dataDir);
        if (holder) throw new StoreError('in_use', ownerText(holder));
        // Stale (its process is gone) or our own leftover: remove it and try once more.
        rmSync(file, { force: true });
      }
    }
    throw new StoreError('in_use', 'the data folder is being taken by another process');
  }

  /** Says where the owner can be reached (the server, once it listens). */
  setUrl(url: string): void {
    this.info = { ...this.info, url };
    if (!this.released) writeFileSyncSafe(this.file, JSON.stringify(this.info));
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    const dir = path.dirname(this.file);
    HELD.delete(path.resolve(dir));
    if (readOwner(dir)?.pid === process.pid) rmSync(this.file, { force: true });
  }
}

function writeFileSyncSafe(file: string, text: string): void {
  const fd = openSync(file, 'w', 0o600);
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

/** For messages and logs: what holds the folder (no personal data). */
export function ownerText(owner: OwnerInfo): string {
  return `${owner.kind} (process ${owner.pid}${owner.url ? `, ${owner.url}` : ''})`;
}
