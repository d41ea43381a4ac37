/** Dates of a person's file as people read them: local time, interface language. */
import { format, isValid, parseISO } from 'date-fns';
import { dateLocale } from '../../i18n/dates';
import type { Language } from '../../i18n/setup';

function formatted(iso: string | null | undefined, pattern: string, lng: Language): string {
  if (!iso) return '—';
  const date = parseISO(iso);
  return isValid(date) ? format(date, pattern, { locale: dateLocale(lng) }) : iso;
}

/** 14:05 (local). */
export function formatTime(iso: string | null | undefined, lng: Language): string {
  return formatted(iso, 'p', lng);
}

/** 03/02/2026 (local). */
export function formatDay(iso: string | null | undefined, lng: Language): string {
  return formatted(iso, 'P', lng);
}

/** A calendar date (YYYY-MM-DD, no time zone) in the interface language. */
export function formatCalendarDate(day: string | null | undefined, lng: Language): string {
  if (!day) return '—';
  const [y, m, d] = day.split('-').map(Number);
  return format(new Date(y ?? 0, (m ?? 1) - 1, d ?? 1), 'P', { locale: dateLocale(lng) });
}

/** Whole hours, rounded down for what has passed and up for what is left: never too optimistic. */
export function wholeHours(hours: number, direction: 'passed' | 'left'): number {
  return Math.max(0, direction === 'passed' ? Math.floor(hours) : Math.ceil(hours));
}
