/**
 * Agenda times are the site's wall clock, whatever the workstation's own zone: a site's opening
 * hours, "today" and "tomorrow" are all read in the site's IANA time zone. Intl gives the local
 * parts of an instant in any zone without a dependency (the core reasons the same way).
 */
import { localDate, localParts, zonedToUtc } from '../../../shared/domain/zoned-time';

export interface SiteClock {
  /** `YYYY-MM-DD` in the site's zone. */
  date: string;
  /** Minutes since local midnight. */
  minutes: number;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
}

/** The site's wall clock at an instant (shared/domain/zoned-time: the core reasons the same way). */
export function siteClock(instant: Date, timeZone: string): SiteClock {
  const p = localParts(instant, timeZone);
  return { date: localDate(instant, timeZone), minutes: p.hour * 60 + p.minute, weekday: p.weekday };
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** "HH:MM" from minutes since midnight. */
export function hhmm(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/** Minutes since midnight from "HH:MM" ("24:00" allowed as the end of a day); null when malformed. */
export function minutesOf(time: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) return null;
  const value = Number(match[1]) * 60 + Number(match[2]);
  return Number(match[2]) < 60 && value <= 24 * 60 ? value : null;
}

/** The site's local "HH:MM" of an ISO instant. */
export function siteTime(iso: string, timeZone: string): string {
  return hhmm(siteClock(new Date(iso), timeZone).minutes);
}

/** The UTC instant at which a site wall-clock time occurs. */
export function siteInstant(date: string, time: string, timeZone: string): Date {
  return zonedToUtc(date, hhmm(minutesOf(time) ?? 0), timeZone);
}

/** A calendar date moved by whole days (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const moved = new Date(Date.UTC(y, m - 1, d + days));
  return moved.toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday) of a calendar date. */
export function weekdayOf(date: string): number {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The Monday of the week holding `date`. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - weekdayOf(date));
}

/** A calendar date as a JS Date at local noon, only to format its day and month with date-fns. */
export function calendarDate(date: string): Date {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return new Date(y, m - 1, d, 12);
}

export function todayAt(timeZone: string): string {
  return siteClock(new Date(), timeZone).date;
}

/** "lundi 23 novembre" → "Lundi 23 novembre": only the first letter, as French writes months. */
export function capitalizeFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
