/**
 * What the hearing form checks before sending: the same rules the core applies, so a refusal shows
 * next to its field at once. Returns the reason code (`validation.reason.<code>` texts) per field.
 */
import { fromLocalInput } from '../../app/form-values';

export interface HearingValues {
  /** A `datetime-local` value: the workstation's wall clock (the workstation is at the site). */
  startsAt: string;
  place: string;
}

export type HearingProblem =
  | { field: 'place'; reason: 'text_required' }
  | { field: 'startsAt'; reason: 'required' | 'invalid_date' | 'hearing_before_procedure' };

export function hearingProblems(values: HearingValues, openedOn: string): HearingProblem[] {
  const problems: HearingProblem[] = [];
  if (values.startsAt === '') problems.push({ field: 'startsAt', reason: 'required' });
  else if (!fromLocalInput(values.startsAt)) problems.push({ field: 'startsAt', reason: 'invalid_date' });
  // The typed day is the site's day: the date part of the wall-clock value.
  else if (values.startsAt.slice(0, 10) < openedOn)
    problems.push({ field: 'startsAt', reason: 'hearing_before_procedure' });
  if (values.place.trim() === '') problems.push({ field: 'place', reason: 'text_required' });
  return problems;
}

/** An optional text: null when nothing but spaces was typed, else exactly as typed. */
export function blankToNull(text: string): string | null {
  return text.trim() === '' ? null : text;
}
