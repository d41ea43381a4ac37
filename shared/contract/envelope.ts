/**
 * The response envelope every channel returns, on both transports.
 * Error codes are stable: the renderer translates them, scripts match on them.
 */
import { z } from 'zod';

export const ERROR_CODES = [
  'validation',
  'forbidden',
  'consent_required',
  'not_found',
  'conflict',
  'locked',
  'unauthenticated',
  'password_change_required',
  'wrong_credentials',
  'throttled',
  'setup_required',
  'already_set_up',
  'store_unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const apiErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  field: z.string().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** A detail of an error as text (numbers and strings only), e.g. `details.reason`. */
export function detailText(
  details: Record<string, unknown> | undefined,
  ...keys: string[]
): string | undefined {
  for (const key of keys) {
    const v = details?.[key];
    if (typeof v === 'string' || typeof v === 'number') return String(v);
  }
  return undefined;
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(
  code: ErrorCode,
  message: string,
  extra: { field?: string; details?: Record<string, unknown> } = {},
): {
  ok: false;
  error: ApiError;
} {
  return { ok: false, error: { code, message, ...extra } };
}
