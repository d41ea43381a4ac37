import type { Result } from '../../../shared/contract/envelope';

export type TransportKind = 'ipc' | 'http';

/** What a transport knows about a call: which session it carries, and from where it came. */
export interface CallContext {
  token?: string | undefined;
  transport: TransportKind;
  /**
   * Where the call comes from, for the login throttle (the HTTP client's address; the desktop
   * window is one client). Never logged nor stored in clear.
   */
  client?: string | undefined;
}

/** The core as transports see it: one dispatch function over the route table. */
export interface CoreApi {
  dispatch(channel: string, rawInput: unknown, ctx: CallContext): Promise<Result<unknown>>;
  /** Locks every open session (screen lock, suspend). */
  lockAllSessions(): void;
  close(): Promise<void>;
}
