import { subMonths } from 'date-fns';

/** An entry nobody has checked for a year may no longer be true: it is shown in amber. */
export const STALE_AFTER_MONTHS = 12;

export function isStale(lastVerifiedAt: string | null, now = new Date()): boolean {
  if (!lastVerifiedAt) return true;
  return new Date(lastVerifiedAt) < subMonths(now, STALE_AFTER_MONTHS);
}
