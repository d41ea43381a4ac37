/**
 * "Break the glass": emergency access to a dossier without the person's consent for that section.
 * It needs a written reason, lasts a limited time, is always audited, and coordinators see it in
 * the audit log (action `break_glass`).
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { appendAudit } from '../audit/audit-log';
import { invalid } from '../errors';
import { insertGrant, latestActiveGrant, type AccessGrantRow } from './repository';

export const BREAK_GLASS_MINUTES = 60;
export const BREAK_GLASS_MIN_REASON = 10;

/**
 * A reason a coordinator can review: at least two words of letters and some variety of letters,
 * so that "aaaaaaaaaa" or "1234567890" — typed to get past the field — are refused.
 */
export function isWrittenReason(text: string): boolean {
  const words = text.match(/\p{L}{2,}/gu) ?? [];
  const letters = new Set(text.toLowerCase().match(/\p{L}/gu) ?? []);
  return words.length >= 2 && letters.size >= 4;
}

export async function breakGlass(
  em: EntityManager,
  userId: string,
  personId: string,
  reason: string,
  now: Date,
): Promise<AccessGrantRow> {
  const text = reason.trim();
  if (text.length < BREAK_GLASS_MIN_REASON) throw invalid('reason', 'reason_too_short');
  if (!isWrittenReason(text)) throw invalid('reason', 'reason_not_words');
  const grant: AccessGrantRow = {
    id: randomUUID(),
    userId,
    personId,
    reason: text,
    grantedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + BREAK_GLASS_MINUTES * 60_000).toISOString(),
  };
  await insertGrant(em, grant);
  await appendAudit(
    em,
    {
      actorId: userId,
      action: 'break_glass',
      personId,
      targetType: 'access_grant',
      targetId: grant.id,
      reason: text,
    },
    now,
  );
  return grant;
}

/** When the actor's active break-the-glass grant on the person ends; null without one. */
export async function activeGrantUntil(
  em: EntityManager,
  userId: string,
  personId: string,
  now: Date,
): Promise<string | null> {
  const grant = await latestActiveGrant(em, userId, personId, now);
  return grant?.expiresAt ?? null;
}

export async function hasActiveGrant(
  em: EntityManager,
  userId: string,
  personId: string,
  now: Date,
): Promise<boolean> {
  return (await activeGrantUntil(em, userId, personId, now)) !== null;
}
