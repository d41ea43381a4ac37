/**
 * What the dose form checks before sending, from the courses the tab already holds: the same rules
 * the core applies (it checks them again on the site's calendar), so a refusal shows next to its
 * field at once. Returns the reason code (`validation.reason.<code>` texts) per field.
 */
import type { VaccineCourse } from '../../../shared/contract/vaccinations';
import type { VaccineCode } from '../../../shared/domain/clinical-catalogues';
import { parseCalendarDate } from '../../../shared/domain/schedules';
import { VACCINE_LOT_MAX } from '../../../shared/domain/vaccinations';

export interface DoseValues {
  vaccineCode: VaccineCode;
  givenOn: string;
  lot: string;
  givenBy: string;
  smallpoxVaccinated: boolean;
}

/** The course a dose of this vaccine goes into (the one in progress), and the latest course. */
export function courseFor(courses: readonly VaccineCourse[], code: VaccineCode) {
  const ofVaccine = courses
    .filter((c) => c.vaccineCode === code)
    .sort((a, b) => b.startedOn.localeCompare(a.startedOn));
  const latest = ofVaccine[0] ?? null;
  // A complete course with a booster due (the catalogue's booster rule) takes its booster.
  const boosted = latest?.status === 'complete' && latest.nextDueOn ? latest : null;
  return { open: ofVaccine.find((c) => c.status === 'in_progress') ?? boosted, latest };
}

export type DoseProblem =
  | {
      field: 'givenOn';
      reason:
        | 'required'
        | 'invalid_date'
        | 'date_in_future'
        | 'vaccine_dose_same_day'
        | 'vaccine_dose_too_early'
        | 'vaccine_schedule_complete';
    }
  | { field: 'lot'; reason: 'lot_required' | 'too_big_string' }
  | { field: 'givenBy'; reason: 'required' };

export function doseProblems(
  values: DoseValues,
  courses: readonly VaccineCourse[],
  today: string,
): DoseProblem[] {
  const problems: DoseProblem[] = [];
  const { open, latest } = courseFor(courses, values.vaccineCode);
  if (values.givenOn === '') problems.push({ field: 'givenOn', reason: 'required' });
  else if (!parseCalendarDate(values.givenOn)) problems.push({ field: 'givenOn', reason: 'invalid_date' });
  else if (values.givenOn > today) problems.push({ field: 'givenOn', reason: 'date_in_future' });
  else if (open?.doses.some((d) => d.givenOn === values.givenOn))
    problems.push({ field: 'givenOn', reason: 'vaccine_dose_same_day' });
  else if (open?.earliestNextOn && values.givenOn < open.earliestNextOn)
    problems.push({ field: 'givenOn', reason: 'vaccine_dose_too_early' });
  else if (!open && latest?.status === 'complete')
    problems.push({ field: 'givenOn', reason: 'vaccine_schedule_complete' });
  if (values.lot.trim() === '') problems.push({ field: 'lot', reason: 'lot_required' });
  else if (values.lot.length > VACCINE_LOT_MAX) problems.push({ field: 'lot', reason: 'too_big_string' });
  if (values.givenBy === '') problems.push({ field: 'givenBy', reason: 'required' });
  return problems;
}
