/**
 * What the incident form checks before sending: the same rules the core applies (it checks them
 * again in the site's zone), so a refusal shows next to its field at once. Returns the reason code
 * (`validation.reason.<code>` texts) per field. The time is typed as the incident's site's wall
 * clock (whatever the workstation's own zone), so it always falls on the date typed there.
 */
import { parseCalendarDate } from '../../../shared/domain/schedules';
import { localParts, zonedToUtc } from '../../../shared/domain/zoned-time';
import type { SeedType } from '../../../shared/domain/violence';

export interface IncidentValues {
  occurredOn: string;
  /** `HH:MM`, or empty when the time is not known. */
  occurredTime: string;
  seedTypes: SeedType[];
  reportedOn: string;
}

export type IncidentProblem =
  | { field: 'occurredOn'; reason: 'required' | 'invalid_date' | 'date_in_future' }
  | { field: 'occurredTime'; reason: 'date_in_future' }
  | { field: 'seedTypes'; reason: 'types_required' }
  | { field: 'reportedOn'; reason: 'invalid_date' | 'date_in_future' | 'before_incident' };

/** The instant of a date and a wall-clock time at the site, or null without a (well-formed) time. */
export function occurredAtOf(
  values: Pick<IncidentValues, 'occurredOn' | 'occurredTime'>,
  timeZone: string,
): Date | null {
  if (!/^\d{2}:\d{2}$/.test(values.occurredTime) || !parseCalendarDate(values.occurredOn)) return null;
  const at = zonedToUtc(values.occurredOn, values.occurredTime, timeZone);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** The site's wall-clock "HH:MM" of a recorded instant (the form shows it as it was typed). */
export function siteTimeOf(iso: string, timeZone: string): string {
  const p = localParts(new Date(iso), timeZone);
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

export function incidentProblems(
  values: IncidentValues,
  today: string,
  now: Date,
  timeZone: string,
): IncidentProblem[] {
  const problems: IncidentProblem[] = [];
  if (values.occurredOn === '') problems.push({ field: 'occurredOn', reason: 'required' });
  else if (!parseCalendarDate(values.occurredOn))
    problems.push({ field: 'occurredOn', reason: 'invalid_date' });
  else if (values.occurredOn > today) problems.push({ field: 'occurredOn', reason: 'date_in_future' });
  else {
    const at = occurredAtOf(values, timeZone);
    if (at && at.getTime() > now.getTime())
      problems.push({ field: 'occurredTime', reason: 'date_in_future' });
  }
  if (values.seedTypes.length === 0) problems.push({ field: 'seedTypes', reason: 'types_required' });
  if (values.reportedOn !== '') {
    if (!parseCalendarDate(values.reportedOn)) problems.push({ field: 'reportedOn', reason: 'invalid_date' });
    else if (values.reportedOn > today) problems.push({ field: 'reportedOn', reason: 'date_in_future' });
    else if (values.occurredOn !== '' && values.reportedOn < values.occurredOn)
      problems.push({ field: 'reportedOn', reason: 'before_incident' });
  }
  return problems;
}
