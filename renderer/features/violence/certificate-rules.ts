/**
 * What the certificate form checks before sending: the same rules the core applies (it checks them
 * again against the incident's exact time at its site), so a refusal shows next to its field at
 * once. Returns the reason code (`validation.reason.<code>` texts, or `required` / `invalid_type`) per
 * form path.
 * Texts are never trimmed: a blank one is refused, a typed one is sent exactly as typed.
 */
import { parseCalendarDate } from '../../../shared/domain/schedules';
import {
  isBlank,
  ITT_MAX_DAYS,
  type CertificateRequester,
  type IdentityCheck,
} from '../../../shared/domain/violence';

export interface LesionValues {
  region: string;
  kind: string;
  /** As typed (a decimal with a comma or a dot), empty when not measured. */
  sizeCm: string;
  description: string;
}

export interface CertificateValues {
  examinedOn: string;
  /** `HH:MM`, the workstation's (the site's) wall clock. */
  examinedTime: string;
  requestedBy: CertificateRequester;
  requisitionRef: string;
  identityCheck: IdentityCheck;
  identityDocument: string;
  lesions: LesionValues[];
  /** As typed; empty when the ITT is not assessed. */
  ittDays: string;
}

export interface CertificateProblem {
  field: string;
  reason:
    | 'required'
    | 'invalid_type'
    | 'invalid_date'
    | 'date_in_future'
    | 'examination_before_incident'
    | 'itt_out_of_range'
    | 'requisition_ref_required'
    | 'identity_document_required'
    | 'lesion_incomplete';
}

export const emptyLesion = (): LesionValues => ({ region: '', kind: '', sizeCm: '', description: '' });

/** The instant of the examination at the workstation, or null when the date or time is missing. */
export function examinedAtOf(values: Pick<CertificateValues, 'examinedOn' | 'examinedTime'>): Date | null {
  if (!values.examinedTime || !parseCalendarDate(values.examinedOn)) return null;
  const at = new Date(`${values.examinedOn}T${values.examinedTime}`);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** The ITT as a number of days, null when empty, NaN when not a whole number. */
export function ittOf(text: string): number | null {
  if (text.trim() === '') return null;
  return /^\s*-?\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

/** A lesion's size in centimetres, null when empty, NaN when not a positive number. */
export function sizeOf(text: string): number | null {
  if (text.trim() === '') return null;
  const n = Number(text.trim().replace(',', '.'));
  return n > 0 ? n : Number.NaN;
}

export function certificateProblems(
  values: CertificateValues,
  incidentOn: string,
  now: Date,
): CertificateProblem[] {
  const problems: CertificateProblem[] = [];
  if (values.examinedOn === '') problems.push({ field: 'examinedOn', reason: 'required' });
  else if (!parseCalendarDate(values.examinedOn))
    problems.push({ field: 'examinedOn', reason: 'invalid_date' });
  else if (values.examinedOn < incidentOn)
    problems.push({ field: 'examinedOn', reason: 'examination_before_incident' });
  if (values.examinedTime === '') problems.push({ field: 'examinedTime', reason: 'required' });
  else {
    const at = examinedAtOf(values);
    if (at && at.getTime() > now.getTime())
      problems.push({ field: 'examinedTime', reason: 'date_in_future' });
  }
  if (values.requestedBy === 'requisition' && isBlank(values.requisitionRef))
    problems.push({ field: 'requisitionRef', reason: 'requisition_ref_required' });
  if (values.identityCheck === 'document' && isBlank(values.identityDocument))
    problems.push({ field: 'identityDocument', reason: 'identity_document_required' });
  values.lesions.forEach((l, i) => {
    if (isBlank(l.region)) problems.push({ field: `lesions.${i}.region`, reason: 'lesion_incomplete' });
    if (isBlank(l.kind)) problems.push({ field: `lesions.${i}.kind`, reason: 'lesion_incomplete' });
    if (Number.isNaN(sizeOf(l.sizeCm)))
      problems.push({ field: `lesions.${i}.sizeCm`, reason: 'invalid_type' });
  });
  const itt = ittOf(values.ittDays);
  if (itt !== null && (Number.isNaN(itt) || itt < 0 || itt > ITT_MAX_DAYS))
    problems.push({ field: 'ittDays', reason: 'itt_out_of_range' });
  return problems;
}
