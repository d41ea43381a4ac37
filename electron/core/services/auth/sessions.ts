/**
 * Staff sessions, in memory only: a bearer token per login (no cookies), locked after inactivity
 * and ended after a working day. A restart ends every session.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../../clock';
import type { StagedUpload } from '../attachments/staging';

export const SESSION_MAX_HOURS = 12;

export interface Session {
  token: string;
  userId: string;
  username: string;
  createdAt: number;
  lastSeenAt: number;
  locked: boolean;
  mustChangePassword: boolean;
  /** The digest of the last audited answer of each list read (channel + input) of this session. */
  listReads?: Map<string, string>;
  /** An attachment upload in flight (memory only): it ends with the session and drops on lock. */
  stagedUpload?: StagedUpload;
}

export class SessionRegistry {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly clock: Clock) {}

  open(userId: string, username: string, mustChangePassword: boolean): Session {
    const now = this.clock().getTime();
    const session: Session = {
      token: randomBytes(32).toString('base64url'),
      userId,
      username,
      createdAt: now,
      lastSeenAt: now,
      locked: false,
      mustChangePassword,
    };
    this.sessions.set(session.token, session);
    return session;
  }

  /** The live session for a token, locked first if it sat idle longer than the centre allows. */
  /** Whose session a token is, without touching it (to load their roles first). */
  userOf(token: string | undefined): string | null {
    return token ? (this.sessions.get(token)?.userId ?? null) : null;
  }

  find(token: string | undefined, autoLockMinutes: number): Session | null {
    if (!token) return null;
    const session = this.sessions.get(token);
    if (!session) return null;
    const now = this.clock().getTime();
    if (now - session.createdAt > SESSION_MAX_HOURS * 3600_000) {
      this.sessions.delete(token);
      return null;
    }
    if (now - session.lastSeenAt > autoLockMinutes * 60_000) {
      session.locked = true;
      session.stagedUpload = undefined;
    }
    return session;
  }

  touch(session: Session): void {
    session.lastSeenAt = this.clock().getTime();
  }

  close(token: string): void {
    this.sessions.delete(token);
  }

  /** Ends every session of the account, but `keep` (the one that changed the password). */
  closeAllOf(userId: string, keep?: string): void {
    for (const [token, s] of this.sessions)
      if (s.userId === userId && token !== keep) this.sessions.delete(token);
  }

  lockAll(): void {
    for (const s of this.sessions.values()) {
      s.locked = true;
      s.stagedUpload = undefined;
    }
  }

  /** The uploads staged by unlocked sessions (the process-wide staging cap counts them). */
  stagedUploads(): StagedUpload[] {
    const uploads: StagedUpload[] = [];
    for (const s of this.sessions.values()) if (s.stagedUpload && !s.locked) uploads.push(s.stagedUpload);
    return uploads;
  }

  count(): number {
    return this.sessions.size;
  }
}
