/**
 * What the incident form checks before sending: the same rules the core applies (it checks them
 * again in the site's zone), so a refusal shows next to its field at once. Returns the reason code
 * (`validation.reason.<code>` texts) per field. The time is typed as the workstation's (the site's)
 * wall clock, so it always falls on the date typed.
 */
import { parseCalendarDate } from '../../../shared/domain/schedules';
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

/** The instant of a date and a wall-clock time at the workstation, or null without a time. */
export function occurredAtOf(values: Pick<IncidentValues, 'occurredOn' | 'occurredTime'>): Date | null {
  if (!values.occurredTime || !parseCalendarDate(values.occurredOn)) return null;
  const at = new Date(`${values.occurredOn}T${values.occurredTime}`);
  return Number.isNaN(at.getTime()) ? null : at;
}

export function incidentProblems(values: IncidentValues, today: string, now: Date): IncidentProblem[] {
  const problems: IncidentProblem[] = [];
  if (values.occurredOn === '') problems.push({ field: 'occurredOn', reason: 'required' });
  else if (!parseCalendarDate(values.occurredOn))
    problems.push({ field: 'occurredOn', reason: 'invalid_date' });
  else if (values.occurredOn > today) problems.push({ field: 'occurredOn', reason: 'date_in_future' });
  else {
    const at = occurredAtOf(values);
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
