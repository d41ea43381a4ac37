/** Calendar dates (`YYYY-MM-DD`) of PrEP as the reader reads them, and today's at the workstation. */
import { format } from 'date-fns';
import { parseCalendarDate } from '../../../shared/domain/schedules';
import { dateLocale } from '../../i18n/dates';

export function formatDay(date: string | null): string {
  const day = date ? parseCalendarDate(date) : null;
  return day ? format(day, 'P', { locale: dateLocale() }) : '';
}

/** The workstation's date: the forms' default and the "not in the future" check (the core checks the site's). */
export function workstationToday(now: Date = new Date()): string {
  return format(now, 'yyyy-MM-dd');
}
