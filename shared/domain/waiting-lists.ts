/**
 * Internal referrals to a specialty of the centre (docs/clinical-pathway.md, "Waiting list →
 * appointment"): an entry waits on its specialty's list from the day it was requested, until it
 * is booked (an appointment, or a seat in a collective workshop), seen, or cancelled.
 */
import { daysBetween, type IsoDate } from './schedules';

export const WAITING_LIST_STATUSES = ['waiting', 'booked', 'seen', 'cancelled'] as const;
export type WaitingListStatus = (typeof WAITING_LIST_STATUSES)[number];

/** Where the referral was made. */
export const WAITING_LIST_ORIGINS = ['interview', 'consultation'] as const;
export type WaitingListOrigin = (typeof WAITING_LIST_ORIGINS)[number];

/** The lists a specialty's worklist shows: still waiting, or booked and not yet seen. */
export const WAITING_LIST_LISTS = ['waiting', 'booked'] as const;
export type WaitingListList = (typeof WAITING_LIST_LISTS)[number];

/** A worklist page holds at most this many lines. */
export const WAITING_LIST_PAGE_MAX = 50;

/** Whole days waited, in the site's calendar: 0 on the day of the referral. */
export function waitingDays(requestedOn: IsoDate, today: IsoDate): number {
  return Math.max(0, daysBetween(requestedOn, today));
}

/** A workshop takes people up to its capacity. */
export function workshopHasSeat(capacity: number, booked: number): boolean {
  return booked < capacity;
}
