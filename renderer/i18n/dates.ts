/** Dates as people read them: local time, in the interface language (date-fns locales). */
import { format, isValid, parseISO } from 'date-fns';
import { enGB, fr, type Locale } from 'date-fns/locale';
import { localDate, localTime } from '../../shared/domain/zoned-time';
import { currentLanguage, type Language } from './setup';

const LOCALES: Record<Language, Locale> = { fr, en: enGB };

/** date-fns' locale for an interface language (the current one by default). */
export function dateLocale(lng: Language = currentLanguage()): Locale {
  return LOCALES[lng];
}

/** An instant as the wall clock of a site showed it (its day and `HH:mm`), whatever this workstation's zone. */
export function formatSiteDateTime(iso: string, timeZone: string, lng: Language): string {
  const date = parseISO(iso);
  if (!isValid(date)) return iso;
  return `${format(parseISO(localDate(date, timeZone)), 'P', { locale: dateLocale(lng) })} ${localTime(date, timeZone)}`;
}

export function formatDateTime(iso: string | null | undefined, lng: Language): string {
  if (!iso) return '—';
  const date = parseISO(iso);
  return isValid(date) ? format(date, 'Pp', { locale: dateLocale(lng) }) : iso;
}

/** `YYYY-MM-DD` (a date picker's day) → the instant that day starts or ends, in local time. */
export function dayBoundary(day: string, edge: 'start' | 'end'): string {
  const [y, m, d] = day.split('-').map(Number);
  const date =
    edge === 'start'
      ? new Date(y ?? 0, (m ?? 1) - 1, d ?? 1, 0, 0, 0, 0)
      : new Date(y ?? 0, (m ?? 1) - 1, d ?? 1, 23, 59, 59, 999);
  return date.toISOString();
}
