/**
 * When the demo persons came over the past year, in the site's calendar: on the days the demo
 * site opens (Tuesday to Saturday), PrEP users on their PrEP visits (demo-prep.ts), the others
 * every two to four months from their first visit. demo-data.ts checks them in on these days and
 * demo-screenings.ts samples them there, so a person's visits and screenings tell one story.
 */
import { getISODay } from 'date-fns';
import { addCalendar, daysBetween, parseCalendarDate, type IsoDate } from '../../../shared/domain/schedules';
import { prepVisitDates } from './demo-prep';

/** The persons (demo-people.ts indexes) who came on the last open day before today. */
const CAME_YESTERDAY: readonly number[] = [16, 22];

/** The day itself if the demo site opens then, else the Saturday before (or the Tuesday after). */
export function openDay(date: IsoDate, notBefore?: IsoDate): IsoDate {
  const weekday = getISODay(parseCalendarDate(date)!);
  if (weekday !== 7 && weekday !== 1) return date;
  const before = addCalendar(date, { days: weekday === 7 ? -1 : -2 });
  if (!notBefore || before >= notBefore) return before;
  return addCalendar(date, { days: weekday === 7 ? 2 : 1 });
}

/** The days (oldest first, all before today) a demo person came, from their first visit. */
export function visitDays(index: number, first: IsoDate, today: IsoDate): IsoDate[] {
  const days = new Set<IsoDate>();
  const prep = prepVisitDates(index, today);
  if (prep) {
    // The first visit (an interview before any PrEP) unless PrEP started that week, then PrEP visits.
    if (daysBetween(first, prep[0]) > 7) days.add(openDay(first, first));
    for (const day of prep) days.add(day);
  } else {
    for (let n = 0, day = first; daysBetween(day, today) >= 1; n++) {
      days.add(openDay(day, first));
      day = addCalendar(day, { days: 49 + ((index * 29 + n * 17) % 70) });
    }
  }
  // Two came on the last open day: their lab serologies are still awaited today.
  if (CAME_YESTERDAY.includes(index)) days.add(openDay(addCalendar(today, { days: -1 })));
  return [...days].filter((d) => daysBetween(d, today) >= 1 && d >= first).sort();
}
