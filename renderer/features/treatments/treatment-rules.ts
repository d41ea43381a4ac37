/**
 * The rules the Test and Treat forms check before sending (the core checks them again): each
 * problem names its field and a reason with a text under `validation.reason.*` (or `required`).
 */
import type { ToTreat } from '../../../shared/contract/treatments';
import type { AdministrationRoute } from '../../../shared/domain/clinical-catalogues';
import {
  PSEUDONYM_MAX,
  partnerMoveAllowed,
  pseudonymRefusal,
  type PartnerNotifier,
  type PartnerStatus,
} from '../../../shared/domain/treatments';
import { fromLocalInput, toLocalInput } from '../../app/form-values';

/** Reasons with a text under `validation.reason.*`, and the generic `required` / `too_big_string`. */
export type ProblemReason =
  | 'required'
  | 'too_big_string'
  | 'drug_required'
  | 'dose_required'
  | 'date_in_future'
  | 'treatment_before_result'
  | 'pseudonym_required'
  | 'pseudonym_contact'
  | 'partner_status_backward';

export interface Problem {
  field: string;
  reason: ProblemReason;
}

export interface TreatmentValues {
  drug: string;
  dose: string;
  route: AdministrationRoute;
  /** `datetime-local` text, in the workstation's zone. */
  givenAt: string;
  givenBy: string;
}

/** The form pre-filled from the catalogue's default for the item's infection, given now by me. */
export function treatmentDefaults(item: ToTreat, now: Date, me: string): TreatmentValues {
  return {
    drug: item.defaults?.drug ?? '',
    dose: item.defaults?.dose ?? '',
    route: item.defaults?.route ?? 'intramuscular',
    givenAt: toLocalInput(now),
    givenBy: me,
  };
}

/** A minute of clock drift is not the future (as the core). */
const TOLERANCE_MS = 5 * 60_000;

export function treatmentProblems(
  values: TreatmentValues,
  item: Pick<ToTreat, 'resultedAt'>,
  now: Date,
): Problem[] {
  const problems: Problem[] = [];
  if (!values.drug.trim()) problems.push({ field: 'drug', reason: 'drug_required' });
  else if (values.drug.length > 100) problems.push({ field: 'drug', reason: 'too_big_string' });
  if (!values.dose.trim()) problems.push({ field: 'dose', reason: 'dose_required' });
  else if (values.dose.length > 60) problems.push({ field: 'dose', reason: 'too_big_string' });
  const at = fromLocalInput(values.givenAt);
  if (!at) problems.push({ field: 'givenAt', reason: 'required' });
  else if (at.getTime() > now.getTime() + TOLERANCE_MS)
    problems.push({ field: 'givenAt', reason: 'date_in_future' });
  else if (item.resultedAt && at.getTime() < Math.floor(Date.parse(item.resultedAt) / 60_000) * 60_000)
    problems.push({ field: 'givenAt', reason: 'treatment_before_result' });
  return problems;
}

export interface PartnerLine {
  id?: string;
  version?: number;
  pseudonym: string;
  notifier: PartnerNotifier;
  status: PartnerStatus;
  /** The stored status (a move back from it is refused); undefined for a new line. */
  was?: PartnerStatus;
}

export function partnerLines(item: Pick<ToTreat, 'partners'>): PartnerLine[] {
  return item.partners.map((p) => ({
    id: p.id,
    version: p.version,
    pseudonym: p.pseudonym,
    notifier: p.notifier,
    status: p.status,
    was: p.status,
  }));
}

export function partnerProblems(lines: readonly PartnerLine[]): Problem[] {
  const problems: Problem[] = [];
  lines.forEach((line, i) => {
    const at = (field: string) => `partners.${i}.${field}`;
    if (!line.pseudonym.trim()) problems.push({ field: at('pseudonym'), reason: 'pseudonym_required' });
    else if (line.pseudonym.length > PSEUDONYM_MAX)
      problems.push({ field: at('pseudonym'), reason: 'too_big_string' });
    else if (pseudonymRefusal(line.pseudonym))
      problems.push({ field: at('pseudonym'), reason: 'pseudonym_contact' });
    if (line.was && !partnerMoveAllowed(line.was, line.status))
      problems.push({ field: at('status'), reason: 'partner_status_backward' });
  });
  return problems;
}
