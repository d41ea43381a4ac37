/** A calendar date `YYYY-MM-DD` as people read it (the interface language's short date). */
import { format, isValid, parseISO } from 'date-fns';
import { dateLocale } from '../../i18n/dates';

export function formatDay(day: string): string {
  const date = parseISO(day);
  return isValid(date) ? format(date, 'P', { locale: dateLocale() }) : day;
}
