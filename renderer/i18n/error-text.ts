/**
 * Turns contract errors into text in the user's language. The core's `message` is for
 * developers and never reaches the screen: only codes, issues and reasons are translated.
 */
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { ApiError } from '../../shared/contract';
import { reasonTextKeys } from '../../shared/i18n/catalogues';
import type { TextKey } from './setup';
import { isTextKey } from './setup';

/** One problem with one field, whether found by the page (zod) or by the core (`validation`). */
export interface FieldIssue {
  /** zod issue code: too_small, invalid_format… */
  issue?: string;
  /** domain reason: username_taken, password_reused… */
  reason?: string;
  /** what the minimum / maximum applies to: string, array, number… */
  origin?: string;
  minimum?: number;
  maximum?: number;
  /** zod message, used by the contract to name a format (username_charset, site_code_charset) */
  format?: string;
  /** dotted path of the field */
  field?: string;
}

const NAMED_FORMATS = new Set(['username_charset', 'site_code_charset']);

function numberOrUndefined(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  return undefined;
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function fieldIssueFromApiError(error: ApiError): FieldIssue {
  const d = error.details ?? {};
  return {
    issue: stringOrUndefined(d.issue),
    reason: stringOrUndefined(d.reason),
    origin: stringOrUndefined(d.origin),
    minimum: numberOrUndefined(d.minimum),
    maximum: numberOrUndefined(d.maximum),
    format: stringOrUndefined(d.format) ?? stringOrUndefined(d.message),
    field: error.field,
  };
}

export function fieldIssueFromZod(issue: z.core.$ZodIssue): FieldIssue {
  const record = issue as unknown as Record<string, unknown>;
  return {
    issue: issue.code,
    // As the core does (electron/core/api/validation.ts): a contract message that is a stable
    // key (`phone_format`) is the reason, so the page shows the text the core's refusal would.
    reason: /^[a-z_]+$/.test(issue.message) ? issue.message : undefined,
    origin: stringOrUndefined(record.origin),
    minimum: numberOrUndefined(record.minimum),
    maximum: numberOrUndefined(record.maximum),
    format: issue.message,
    field: issue.path.map(String).join('.'),
  };
}

/** The contract names its formats in the schema; the core may only send the field path. */
function formatKey(fi: FieldIssue): TextKey {
  const named = fi.format && NAMED_FORMATS.has(fi.format) ? `validation.${fi.format}` : undefined;
  if (named && isTextKey(named)) return named;
  const last = fi.field?.split('.').pop();
  if (last === 'username') return 'validation.username_charset';
  if (last === 'code') return 'validation.site_code_charset';
  return 'validation.invalid_format';
}

function sizeKey(kind: 'too_small' | 'too_big', fi: FieldIssue): TextKey {
  if (kind === 'too_small' && fi.origin === 'string' && fi.minimum === 1) return 'validation.required';
  if (fi.origin === 'string' || fi.origin === 'array' || fi.origin === 'number')
    return `validation.${kind}_${fi.origin}`;
  return `validation.${kind}`;
}

export function fieldIssueText(t: TFunction, fi: FieldIssue): string {
  if (fi.reason) {
    // A domain reason (username_taken…) or a format the contract names (username_charset…).
    // Every reason the core can send has a text (tests/unit/error-reasons-texts.test.ts).
    for (const key of reasonTextKeys(fi.reason)) {
      if (isTextKey(key)) return t(key);
    }
  }
  const values = { minimum: fi.minimum, maximum: fi.maximum };
  switch (fi.issue) {
    case 'too_small':
    case 'too_big':
      return t(sizeKey(fi.issue, fi), values);
    case 'invalid_format':
      return t(formatKey(fi));
    default: {
      const key = `validation.${fi.issue ?? ''}`;
      return fi.issue && isTextKey(key) ? t(key, values) : t('errors.validation');
    }
  }
}

/** How long a `throttled` refusal asks to wait, when it says. */
export function retryAfterSeconds(error: ApiError): number | undefined {
  const seconds = numberOrUndefined(error.details?.retryAfterSeconds);
  return seconds === undefined ? undefined : Math.max(0, Math.ceil(seconds));
}

export function throttledText(t: TFunction, seconds: number): string {
  return t('errors.throttledSeconds', { count: seconds });
}

/** One sentence for an error that is not about a single field. */
export function errorText(t: TFunction, error: ApiError): string {
  const d = error.details ?? {};
  if (error.code === 'internal' && d.reason === 'network') return t('errors.network');
  if (error.code === 'throttled') {
    const seconds = retryAfterSeconds(error);
    return seconds === undefined ? t('errors.throttled') : throttledText(t, seconds);
  }
  if (error.code === 'validation' && (d.reason !== undefined || d.issue !== undefined)) {
    return fieldIssueText(t, fieldIssueFromApiError(error));
  }
  // Why the data cannot be opened (a store problem, or the desktop's core process stopped).
  const problem = typeof d.problem === 'string' ? `unavailable.problems.${d.problem}.body` : '';
  if (error.code === 'store_unavailable' && isTextKey(problem)) {
    return `${t('errors.store_unavailable')} ${t(problem)}`;
  }
  return t(`errors.${error.code}`);
}
