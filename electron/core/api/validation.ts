import type { z } from 'zod';
import type { ApiError } from '../../../shared/contract/envelope';

/** The first problem of a rejected input, as a `validation` error naming the field. */
export function validationError(error: z.ZodError): ApiError {
  const issue = error.issues[0];
  if (!issue) return { code: 'validation', message: 'invalid input' };
  const field = issue.path.map(String).join('.') || undefined;
  const details: Record<string, unknown> = { issue: issue.code };
  if ('minimum' in issue) details.minimum = Number(issue.minimum);
  if ('maximum' in issue) details.maximum = Number(issue.maximum);
  // What was too small or too big: a string (characters), an array (items), a number.
  if ('origin' in issue && typeof issue.origin === 'string') details.origin = issue.origin;
  if (issue.code === 'unrecognized_keys') details.keys = issue.keys;
  // Custom messages in the contract are stable reason keys (e.g. "username_charset").
  if (/^[a-z_]+$/.test(issue.message)) details.reason = issue.message;
  return {
    code: 'validation',
    message: `${field ?? 'input'}: ${issue.code}`,
    ...(field ? { field } : {}),
    details,
  };
}
