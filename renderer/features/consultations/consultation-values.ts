/**
 * The consultation form's values and their translation to the contract. Everything is kept as
 * typed (renewals "-1" is sent as -1 and refused next to its field, never clamped; empty renewals
 * are asked for, never read as 0; prescription words are not trimmed); the tests to
 * order are the ticked boxes, one per test or per test and anatomical site (CT/NG).
 */
import type { ChannelInput } from '../../../shared/contract';
import type { Consultation } from '../../../shared/contract/consultations';
import {
  ADMINISTRATION_ROUTES,
  ANATOMICAL_SITES,
  TEST_CODES,
  type AnatomicalSite,
  type TestCode,
  type TreatmentDefault,
} from '../../../shared/domain/clinical-catalogues';
import { instantOrTyped, oneOf, orNull, toLocalInput } from '../../app/form-values';

export interface PrescriptionLineValues {
  drug: string;
  dose: string;
  /** '' when not given. */
  route: string;
  frequency: string;
  duration: string;
}

export interface ConsultationFormValues {
  heldAt: string;
  reason: string;
  history: string;
  examination: string;
  conclusion: string;
  diagnoses: string[];
  /** `testCode` or `testCode:site` (one box per CT/NG site). */
  tests: string[];
  lines: PrescriptionLineValues[];
  renewals: string | number;
  /** The PrEP episode the prescription starts or renews, or null. */
  prepEpisodeId: string | null;
}

export function emptyConsultation(now: Date, prepEpisodeId: string | null = null): ConsultationFormValues {
  return {
    heldAt: toLocalInput(now),
    reason: '',
    history: '',
    examination: '',
    conclusion: '',
    diagnoses: [],
    tests: [],
    lines: [],
    renewals: 0,
    prepEpisodeId,
  };
}

export function consultationValues(c: Consultation): ConsultationFormValues {
  return {
    heldAt: toLocalInput(new Date(c.heldAt)),
    reason: c.reason ?? '',
    history: c.history ?? '',
    examination: c.examination ?? '',
    conclusion: c.conclusion ?? '',
    diagnoses: [...c.diagnoses],
    // Tests already ordered are samples now (the Tests tab): the boxes are for new orders.
    tests: [],
    lines: (c.prescription?.lines ?? []).map((l) => ({ ...l, route: l.route ?? '' })),
    renewals: c.prescription?.renewals ?? 0,
    prepEpisodeId: c.prescription?.prepEpisodeId ?? null,
  };
}

export const testBox = (code: TestCode, site?: AnatomicalSite): string => (site ? `${code}:${site}` : code);

function orderOf(box: string): { testCode: TestCode; anatomicalSite?: AnatomicalSite } | null {
  const [code, site] = box.split(':');
  if (!oneOf(TEST_CODES)(code)) return null;
  return site && oneOf(ANATOMICAL_SITES)(site)
    ? { testCode: code, anatomicalSite: site }
    : { testCode: code };
}

export function consultationInput(
  values: ConsultationFormValues,
  ids: { personId: string; visitId: string | null; id?: string; version?: number },
): ChannelInput<'consultations.save'> {
  return {
    personId: ids.personId,
    visitId: ids.visitId,
    ...(ids.id ? { id: ids.id, version: ids.version } : {}),
    heldAt: instantOrTyped(values.heldAt),
    reason: orNull(values.reason),
    history: orNull(values.history),
    examination: orNull(values.examination),
    conclusion: orNull(values.conclusion),
    diagnoses: [...values.diagnoses],
    orderTests: values.tests.map(orderOf).filter((o) => o !== null),
    prescription:
      values.lines.length === 0
        ? null
        : {
            // Kept exactly as typed (printed so): an empty drug is refused next to its field, not dropped.
            lines: values.lines.map((l) => ({
              drug: l.drug,
              dose: l.dose,
              route: oneOf(ADMINISTRATION_ROUTES)(l.route) ? l.route : null,
              frequency: l.frequency,
              duration: l.duration,
            })),
            // Empty is never read as 0: `consultationFormProblems` asks for a number first.
            renewals: Number(values.renewals),
            prepEpisodeId: values.prepEpisodeId,
          },
  };
}

/**
 * What the form refuses before the contract sees it: renewals left empty (the field starts at 0;
 * emptied, it is asked for rather than read as "none").
 */
export function consultationFormProblems(values: ConsultationFormValues): Record<string, 'required'> {
  return values.lines.length > 0 && values.renewals === '' ? { renewals: 'required' } : {};
}

/** A contract field path → the form field that shows it. */
export function consultationFormPath(field: string): string | null {
  const parts = field.split('.');
  const head = parts[0] ?? '';
  if (head === 'prescription') {
    if (parts[1] === 'renewals') return 'renewals';
    if (parts[1] === 'prepEpisodeId') return 'prepEpisodeId';
    if (parts[1] === 'lines' && parts.length >= 4) return `lines.${parts[2]}.${parts[3]}`;
    return 'lines';
  }
  if (head === 'orderTests') return 'tests';
  if (head === 'diagnoses') return 'diagnoses';
  return ['heldAt', 'reason', 'history', 'examination', 'conclusion'].includes(head) ? head : null;
}

/** A prescription line pre-filled from a drug of the treatments catalogue (every word editable). */
export function lineFromTreatment(
  treatment: Extract<TreatmentDefault, { kind: 'drug' }>,
  words: { once: string; timesPerDay: (n: number) => string; days: (n: number) => string },
): PrescriptionLineValues {
  const single = treatment.timesPerDay === 1 && treatment.durationDays === 1;
  return {
    drug: treatment.drug,
    dose: treatment.dose,
    route: treatment.route,
    frequency: single ? words.once : words.timesPerDay(treatment.timesPerDay),
    duration: words.days(treatment.durationDays),
  };
}
