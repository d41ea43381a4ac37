/**
 * When the demo persons came over the past year, in the site's calendar: on the days the demo
 * site opens (Tuesday to Saturday), PrEP users on their PrEP visits (demo-prep.ts), the others
 * every two to four months from their first visit, and everyone on the days of their Test and
 * Treat stories (demo-treatments.ts: the sample, and the day they came back to be treated).
 * demo-data.ts checks them in on these days and demo-screenings.ts samples them there, so a
 * person's visits and screenings tell one story.
 */
import { getISODay } from 'date-fns';
import { addCalendar, daysBetween, parseCalendarDate, type IsoDate } from '../../../shared/domain/schedules';
import { prepVisitDates } from './demo-prep';
import { HOSPITAL_STORIES, SCRIPTED_POSITIVES, type DemoPositive } from './demo-treatments';

/** Why a person came: their first visit, a routine screening, PrEP, a story's sample, its treatment. */
export type VisitReason = 'first' | 'routine' | 'prep' | 'story' | 'return';
export interface DemoVisit {
  day: IsoDate;
  reason: VisitReason;
}

/** The persons (demo-people.ts indexes) who came on the last open day before today. */
const CAME_YESTERDAY: readonly number[] = [16, 22];
/** Which reason names a day when two fall on it. */
const PRECEDENCE: readonly VisitReason[] = ['story', 'return', 'prep', 'first', 'routine'];

/** The day itself if the demo site opens then, else the Saturday before (or the Tuesday after). */
export function openDay(date: IsoDate, notBefore?: IsoDate): IsoDate {
  const weekday = getISODay(parseCalendarDate(date)!);
  if (weekday !== 7 && weekday !== 1) return date;
  const before = addCalendar(date, { days: weekday === 7 ? -1 : -2 });
  if (!notBefore || before >= notBefore) return before;
  return addCalendar(date, { days: weekday === 7 ? 2 : 1 });
}

/** A scripted positive's days: sampled (a lab serology three days before its result), resulted, treated. */
export function storyDays(
  story: DemoPositive,
  today: IsoDate,
): { sampled: IsoDate; resulted: IsoDate; treated: IsoDate | null } {
  const resulted = openDay(addCalendar(today, { days: -story.daysAgo }));
  const lab = story.test.testCode.endsWith('_lab');
  return {
    sampled: lab ? openDay(addCalendar(resulted, { days: -3 })) : resulted,
    resulted,
    treated: story.delay === null ? null : addCalendar(resulted, { days: story.delay }),
  };
}

/** The scripted positives of a person from their first visit on, with their index. */
export function storiesOf(index: number, first: IsoDate, today: IsoDate) {
  return SCRIPTED_POSITIVES.flatMap((s, n) =>
    s.person === index && storyDays(s, today).sampled >= first ? [{ ...s, index: n }] : [],
  );
}

/** Whether a routine screening on `day` would fall around one of these stories (it replaces them). */
export function aroundStory(day: IsoDate, stories: readonly DemoPositive[], today: IsoDate): boolean {
  return stories.some((s) => {
    const d = daysBetween(storyDays(s, today).resulted, day);
    return d > -14 && d < 14 + (s.delay ?? 0);
  });
}

/** The days (oldest first, all before today) a demo person came, from their first visit. */
export function visitDays(index: number, first: IsoDate, today: IsoDate): DemoVisit[] {
  const visits: DemoVisit[] = [];
  const stories = storiesOf(index, first, today);
  for (const s of stories) {
    const { sampled, resulted, treated } = storyDays(s, today);
    visits.push({ day: sampled, reason: 'story' });
    if (resulted !== sampled) visits.push({ day: resulted, reason: 'return' });
    if (treated && treated !== resulted) visits.push({ day: treated, reason: 'return' });
  }
  for (const h of HOSPITAL_STORIES)
    if (h.person === index) visits.push({ day: addCalendar(today, { days: -h.daysAgo }), reason: 'story' });
  const prep = prepVisitDates(index, today);
  if (prep) {
    // The first visit (an interview before any PrEP) unless PrEP started that week, then PrEP visits.
    if (daysBetween(first, prep[0]) > 7) visits.push({ day: openDay(first, first), reason: 'first' });
    for (const day of prep) visits.push({ day, reason: 'prep' });
  } else {
    for (let n = 0, day = first; daysBetween(day, today) >= 1; n++) {
      const open = openDay(day, first);
      if (n === 0 || !aroundStory(open, stories, today))
        visits.push({ day: open, reason: n === 0 ? 'first' : 'routine' });
      day = addCalendar(day, { days: 49 + ((index * 29 + n * 17) % 70) });
    }
  }
  // Two came on the last open day: their lab serologies are still awaited today.
  if (CAME_YESTERDAY.includes(index))
    visits.push({ day: openDay(addCalendar(today, { days: -1 })), reason: 'routine' });
  const byDay = new Map<IsoDate, VisitReason>();
  for (const v of visits) {
    const known = byDay.get(v.day);
    if (!known || PRECEDENCE.indexOf(v.reason) < PRECEDENCE.indexOf(known)) byDay.set(v.day, v.reason);
  }
  return [...byDay.entries()]
    .filter(([day]) => daysBetween(day, today) >= 1 && day >= first)
    .sort(([x], [y]) => (x < y ? -1 : 1))
    .map(([day, reason]) => ({ day, reason }));
}
