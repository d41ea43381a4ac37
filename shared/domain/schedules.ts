/**
 * Follow-up schedules of the clinical pathway (PrEP visits, vaccine doses), computed on calendar
 * dates the way a nurse counts: "1 month after 31 January" is the last day of February, a leap
 * day is kept when it exists, and a daylight-saving change never moves a date. The rules are the
 * defaults of domain.md (clinical-catalogues.ts), editable by coordinators later (with history);
 * not medical advice.
 *
 * Dates in and out are calendar dates `YYYY-MM-DD`. A calendar date has no time zone; the site's
 * zone only matters to know which date "today" is (`siteToday`). Internally each date is held at
 * local NOON so that no DST jump (which happens at night) can move it to another day, whatever the
 * process's own zone.
 */
import { addDays, addMonths, differenceInCalendarDays, format, isValid } from 'date-fns';
import {
  DEFAULT_PREP_FOLLOW_UP,
  type CalendarOffset,
  type PrepFollowUpRules,
  type VaccineSchedule,
} from './clinical-catalogues';
import { localDate } from './zoned-time';

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar date, or null when the text is not a real `YYYY-MM-DD` date (2027-02-29 is not). */
export function parseCalendarDate(text: string): Date | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(y, mo - 1, d, 12);
  if (!isValid(date) || date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d)
    return null;
  return date;
}

function calendarDate(text: IsoDate): Date {
  const date = parseCalendarDate(text);
  if (!date) throw new RangeError(`not a calendar date: ${text}`);
  return date;
}

function iso(date: Date): IsoDate {
  return format(date, 'yyyy-MM-dd');
}

/** Months first (clamped to the month's end), then days: how "6 months and 2 days" is counted. */
export function addCalendar(date: IsoDate, offset: CalendarOffset): IsoDate {
  return iso(addDays(addMonths(calendarDate(date), offset.months ?? 0), offset.days ?? 0));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(calendarDate(to), calendarDate(from));
}

/** Which date it is at the site at this instant (late evening UTC may already be tomorrow in Paris). */
export function siteToday(now: Date, timeZone: string): IsoDate {
  return localDate(now, timeZone);
}

// ---------------------------------------------------------------------------------------------
// PrEP

export interface PrepEpisodeDates {
  /** The day PrEP started, or restarted after a stop (a restart begins a new count). */
  readonly startedOn: IsoDate;
  /** The last follow-up visit of this episode, if any. */
  readonly lastFollowUpOn?: IsoDate | null;
}

/**
 * The next PrEP follow-up: `firstAfterMonths` after the start while there has been no follow-up
 * visit, then `everyMonths` after the last one (counted from the visit actually made, not from the
 * date it was due). A "follow-up" on the start day itself is the initiation, not a follow-up.
 */
export function nextPrepFollowUp(
  episode: PrepEpisodeDates,
  rules: PrepFollowUpRules = DEFAULT_PREP_FOLLOW_UP,
): IsoDate {
  const last = episode.lastFollowUpOn;
  if (last && daysBetween(episode.startedOn, last) > 0)
    return addCalendar(last, { months: rules.everyMonths });
  return addCalendar(episode.startedOn, { months: rules.firstAfterMonths });
}

export const FOLLOW_UP_STATES = ['not_yet_due', 'due_this_week', 'overdue', 'lost_to_follow_up'] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];

/**
 * Where a due follow-up stands today: due within `dueSoonDays` (today included) → due this week;
 * past its date → overdue; from `lostAfterMonths` after the due date with still no visit → lost to
 * follow-up (3 months after 15 Jan is 15 Apr: lost on 15 Apr, overdue on 14 Apr).
 */
export function classifyFollowUp(
  dueOn: IsoDate,
  today: IsoDate,
  rules: PrepFollowUpRules = DEFAULT_PREP_FOLLOW_UP,
): FollowUpState {
  const daysLeft = daysBetween(today, dueOn);
  if (daysLeft >= rules.dueSoonDays) return 'not_yet_due';
  if (daysLeft >= 0) return 'due_this_week';
  const lostOn = addCalendar(dueOn, { months: rules.lostAfterMonths });
  return daysBetween(lostOn, today) >= 0 ? 'lost_to_follow_up' : 'overdue';
}

/**
 * The due-date ranges of each follow-up state on `today`, for a worklist that selects on the due
 * date column: `due_this_week` is [today, dueSoonUntil], `overdue` is (lostUpTo, today) and
 * `lost_to_follow_up` is up to `lostUpTo` included. The same answer as `classifyFollowUp` for every
 * due date, month ends included (adding months is not invertible: 30 Nov and 28 Nov + 3 months are
 * both 28 Feb, so the bound is searched, not subtracted).
 */
export function followUpBounds(
  today: IsoDate,
  rules: PrepFollowUpRules = DEFAULT_PREP_FOLLOW_UP,
): { dueSoonUntil: IsoDate; lostUpTo: IsoDate } {
  // Every PrEP list call asks this of the same day and rules: the last few answers are kept.
  const key = `${today}|${rules.lostAfterMonths}|${rules.dueSoonDays}`;
  const known = boundsSeen.get(key);
  if (known) return known;
  const bounds = Object.freeze(computeFollowUpBounds(today, rules));
  if (boundsSeen.size >= 64) boundsSeen.clear();
  boundsSeen.set(key, bounds);
  return bounds;
}

const boundsSeen = new Map<string, Readonly<{ dueSoonUntil: IsoDate; lostUpTo: IsoDate }>>();

function computeFollowUpBounds(
  today: IsoDate,
  rules: PrepFollowUpRules,
): { dueSoonUntil: IsoDate; lostUpTo: IsoDate } {
  const isLost = (due: IsoDate) =>
    daysBetween(addCalendar(due, { months: rules.lostAfterMonths }), today) >= 0;
  let lostUpTo = addCalendar(today, { months: -rules.lostAfterMonths });
  while (!isLost(lostUpTo)) lostUpTo = addCalendar(lostUpTo, { days: -1 });
  while (isLost(addCalendar(lostUpTo, { days: 1 }))) lostUpTo = addCalendar(lostUpTo, { days: 1 });
  return { dueSoonUntil: addCalendar(today, { days: rules.dueSoonDays - 1 }), lostUpTo };
}

// ---------------------------------------------------------------------------------------------
// Vaccines

export interface VaccinationOptions {
  /** Mpox: one dose is enough for a person vaccinated against smallpox. */
  readonly smallpoxVaccinated?: boolean;
}

export type NextDose =
  | { readonly status: 'not_started' }
  /** `boosterDueOn` where the schedule has a booster rule: months after the last dose given. */
  | { readonly status: 'complete'; readonly doses: number; readonly boosterDueOn?: IsoDate }
  /** `dose` is 1-based; `latestOn` where the schedule gives a window (HAV: 6–12 months). */
  | { readonly status: 'due'; readonly dose: number; readonly dueOn: IsoDate; readonly latestOn?: IsoDate };

export function dosesNeeded(schedule: VaccineSchedule, options: VaccinationOptions = {}): number {
  if (options.smallpoxVaccinated && schedule.dosesIfSmallpoxVaccinated !== undefined)
    return schedule.dosesIfSmallpoxVaccinated;
  return schedule.doses.length;
}

function offsetFromPrevious(schedule: VaccineSchedule, index: number): CalendarOffset {
  const current = schedule.doses[index] ?? {};
  const previous = schedule.doses[index - 1] ?? {};
  return {
    months: (current.months ?? 0) - (previous.months ?? 0),
    days: (current.days ?? 0) - (previous.days ?? 0),
  };
}

/**
 * The next dose due from the doses already given. The schedule counts from the first dose
 * (HPV 0, 2, 6 months: 31 Dec → 28 Feb → 30 Jun); a late dose pushes the next one so that the
 * gap between two doses is never shorter than the schedule's (HPV dose 2 given at 3 months →
 * dose 3 four months after it).
 */
export function nextVaccineDose(
  schedule: VaccineSchedule,
  givenOn: readonly IsoDate[],
  options: VaccinationOptions = {},
): NextDose {
  const given = [...givenOn].sort();
  const first = given[0];
  const previous = given[given.length - 1];
  if (first === undefined || previous === undefined) return { status: 'not_started' };
  const needed = dosesNeeded(schedule, options);
  if (given.length >= needed)
    return schedule.boosterAfterMonths
      ? {
          status: 'complete',
          doses: given.length,
          boosterDueOn: addCalendar(previous, { months: schedule.boosterAfterMonths }),
        }
      : { status: 'complete', doses: given.length };
  const index = given.length;
  const fromFirst = addCalendar(first, schedule.doses[index] ?? {});
  const fromPrevious = addCalendar(previous, offsetFromPrevious(schedule, index));
  const dueOn = daysBetween(fromFirst, fromPrevious) > 0 ? fromPrevious : fromFirst;
  const latest = schedule.latest?.[index + 1];
  return latest
    ? { status: 'due', dose: index + 1, dueOn, latestOn: addCalendar(first, latest) }
    : { status: 'due', dose: index + 1, dueOn };
}

export const VACCINE_DOSE_REFUSALS = [
  'invalid_date',
  'vaccine_dose_same_day',
  'vaccine_schedule_complete',
  'vaccine_dose_too_early',
] as const;
export type VaccineDoseRefusal = (typeof VACCINE_DOSE_REFUSALS)[number];

/**
 * The earliest date the next dose may be recorded: the day after the dose given last, or the
 * catalogue's minimum interval after it where one is set (mpox: 28 days). Not the date the dose is
 * *due* (nextVaccineDose): a dose given before it is due was still given. Null before a first dose.
 */
export function earliestNextDose(schedule: VaccineSchedule, givenOn: readonly IsoDate[]): IsoDate | null {
  const given = [...givenOn].sort();
  const previous = given[given.length - 1];
  if (previous === undefined) return null;
  return addCalendar(previous, { days: Math.max(1, schedule.minIntervalDays ?? 1) });
}

/**
 * Why a new dose of this vaccine cannot be recorded, or null when it can: a date that is not a
 * calendar date, a second dose of the same vaccine the same day, a schedule already complete, or a
 * dose before the catalogue's minimum interval since the last dose given (a dose dated before the
 * last one is too early as well: doses are recorded in the order they were given).
 */
export function vaccineDoseRefusal(
  schedule: VaccineSchedule,
  givenOn: readonly IsoDate[],
  newDoseOn: string,
  options: VaccinationOptions = {},
): VaccineDoseRefusal | null {
  if (!parseCalendarDate(newDoseOn)) return 'invalid_date';
  if (givenOn.includes(newDoseOn)) return 'vaccine_dose_same_day';
  // A complete course takes boosters only where the schedule has a booster rule.
  if (givenOn.length >= dosesNeeded(schedule, options) && !schedule.boosterAfterMonths)
    return 'vaccine_schedule_complete';
  const earliest = earliestNextDose(schedule, givenOn);
  if (earliest && daysBetween(earliest, newDoseOn) < 0) return 'vaccine_dose_too_early';
  return null;
}
