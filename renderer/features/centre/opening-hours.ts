/** Opening hours as edited in the site dialog: checked here, in words, before the contract sees them. */
import type { OpeningHours } from '../../../shared/contract/setup';

export const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type Interval = [string, string];
export type WeekHours = NonNullable<OpeningHours>;

export const MAX_INTERVALS = 4;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A sensible start when a site stops being "always open": weekdays, 9 to 13 and 14 to 18. */
export function defaultWeek(): WeekHours {
  const day: Interval[] = [
    ['09:00', '13:00'],
    ['14:00', '18:00'],
  ];
  return { '1': day, '2': day, '3': day, '4': day, '5': day };
}

export function intervalsOf(hours: WeekHours, day: Weekday): Interval[] {
  return hours[day] ?? [];
}

export type HoursProblem = 'timeFormat' | 'intervalOrder' | 'overlap';

/** Problems keyed `openingHours.<day>.<index>` (the contract's path of the interval). */
export function hoursProblems(hours: OpeningHours): Record<string, HoursProblem> {
  const problems: Record<string, HoursProblem> = {};
  if (!hours) return problems;
  for (const day of WEEKDAYS) {
    const intervals = intervalsOf(hours, day);
    intervals.forEach(([from, to], i) => {
      if (!TIME.test(from) || !TIME.test(to)) problems[`openingHours.${day}.${i}`] = 'timeFormat';
      else if (from >= to) problems[`openingHours.${day}.${i}`] = 'intervalOrder';
    });
    // Overlaps are judged in time order, whatever order the intervals were typed in.
    const valid = intervals
      .map((interval, i) => ({ interval, i }))
      .filter(({ i }) => !(`openingHours.${day}.${i}` in problems))
      .sort((a, b) => a.interval[0].localeCompare(b.interval[0]));
    let latestEnd = '';
    for (const { interval, i } of valid) {
      if (latestEnd && interval[0] < latestEnd) problems[`openingHours.${day}.${i}`] = 'overlap';
      if (interval[1] > latestEnd) latestEnd = interval[1];
    }
  }
  return problems;
}

/** What is sent: intervals in order, closed days left out. */
export function normalizeHours(hours: OpeningHours): OpeningHours {
  if (!hours) return null;
  const out: WeekHours = {};
  for (const day of WEEKDAYS) {
    const intervals = [...intervalsOf(hours, day)].sort((a, b) => a[0].localeCompare(b[0]));
    if (intervals.length > 0) out[day] = intervals;
  }
  return out;
}
