import { format, isValid, parseISO } from 'date-fns';
import { dateLocale } from '../../i18n/dates';

/** A day as people read it (12/03/2026), in the interface language. */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = parseISO(iso);
  return isValid(date) ? format(date, 'P', { locale: dateLocale() }) : iso;
}
