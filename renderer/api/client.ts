/**
 * The typed client: one `call` per contract channel, returning the envelope as a `Result`.
 * It attaches the session token, which lives only in this module's memory: never in any
 * browser storage, so closing or reloading the window ends the session.
 */
import { CONTRACT, apiErrorSchema } from '../../shared/contract';
import type {
  ApiError,
  ChannelInput,
  ChannelName,
  ChannelOutput,
  ErrorCode,
  Result,
} from '../../shared/contract';
import { chooseTransport, type Transport } from './transport';

let transport: Transport | null = null;
let token: string | null = null;

/** Codes that change what the whole application shows, whatever screen made the call. */
export const SESSION_ERROR_CODES = ['locked', 'unauthenticated', 'password_change_required'] as const;
export type SessionErrorCode = (typeof SESSION_ERROR_CODES)[number];

type SessionErrorListener = (code: SessionErrorCode, channel: ChannelName) => void;
const sessionErrorListeners = new Set<SessionErrorListener>();

export function setTransport(next: Transport): void {
  transport = next;
}

export function currentTransport(): Transport {
  transport ??= chooseTransport();
  return transport;
}

export function setToken(next: string | null): void {
  token = next;
}

export function hasToken(): boolean {
  return token !== null;
}

/** Subscribes to session-level errors (lock screen, back to login, forced password change). */
export function onSessionError(listener: SessionErrorListener): () => void {
  sessionErrorListeners.add(listener);
  return () => sessionErrorListeners.delete(listener);
}

function isSessionErrorCode(code: ErrorCode): code is SessionErrorCode {
  return (SESSION_ERROR_CODES as readonly string[]).includes(code);
}

function internal(message: string, details?: Record<string, unknown>): { ok: false; error: ApiError } {
  return { ok: false, error: { code: 'internal', message, ...(details ? { details } : {}) } };
}

function readEnvelope(raw: unknown): Result<unknown> {
  if (typeof raw !== 'object' || raw === null || !('ok' in raw)) return internal('malformed envelope');
  if (raw.ok === true) return { ok: true, value: 'value' in raw ? raw.value : undefined };
  const parsed = apiErrorSchema.safeParse('error' in raw ? raw.error : undefined);
  return parsed.success ? { ok: false, error: parsed.data } : internal('malformed error envelope');
}

export async function call<C extends ChannelName>(
  channel: C,
  input: ChannelInput<C>,
): Promise<Result<ChannelOutput<C>>> {
  let raw: unknown;
  try {
    raw = await currentTransport().invoke(channel, input, token);
  } catch (err) {
    // The core could not be reached (server down, network cut): one stable code for the screens.
    return internal(err instanceof Error ? err.message : 'unreachable', { reason: 'network' });
  }
  const envelope = readEnvelope(raw);
  if (!envelope.ok) {
    if (isSessionErrorCode(envelope.error.code)) {
      for (const listener of sessionErrorListeners) listener(envelope.error.code, channel);
    }
    return envelope;
  }
  // Checking the output against the contract turns a drift between core and renderer into one
  // clear error here instead of a blank screen somewhere else.
  const output = CONTRACT[channel].output.safeParse(envelope.value);
  if (!output.success) {
    // Where and what kind only: the values are a person's data and must not reach the console.
    const where = output.error.issues.map((i) => `${i.path.join('.')} (${i.code})`).join(', ');
    console.error(`parcours: ${channel} returned a value outside the contract at ${where}`);
    return internal(`${channel}: output outside the contract`, { reason: 'contract' });
  }
  return { ok: true, value: output.data as ChannelOutput<C> };
}

/** Thrown by query and mutation functions so that TanStack Query sees failures as errors. */
export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiFailure';
  }
}

export async function callOrThrow<C extends ChannelName>(
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const result = await call(channel, input);
  if (!result.ok) throw new ApiFailure(result.error);
  return result.value;
}

/** The API error behind anything a query or mutation threw. */
export function apiErrorOf(err: unknown): ApiError {
  if (err instanceof ApiFailure) return err.error;
  return { code: 'internal', message: err instanceof Error ? err.message : String(err) };
}
