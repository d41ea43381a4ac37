/**
 * The interview form's values and their translation to the contract. Times are typed in local
 * time (`datetime-local`) and sent as UTC instants.
 */
import type { ChannelInput } from '../../../shared/contract';
import type { Interview } from '../../../shared/contract/interviews';
import {
  EXPOSURE_TYPES,
  INTERVIEW_NEEDS,
  PEP_WINDOW_HOURS,
  PREVENTION_TOOLS,
  SUBSTANCES,
  VIOLENCE_SCREENING,
} from '../../../shared/domain/catalogues';
import { fromLocalInput, oneOf, orNull, toLocalInput } from '../../app/form-values';

export interface InterviewFormValues {
  heldAt: string;
  reason: string;
  lastRiskAt: string;
  exposures: string[];
  practices: string;
  partnersCount: string | number;
  prevention: string[];
  substances: string[];
  chemsex: boolean;
  violenceScreening: string;
  needs: string[];
  summary: string;
  notes: string;
}

export function emptyInterview(now: Date): InterviewFormValues {
  return {
    heldAt: toLocalInput(now),
    reason: '',
    lastRiskAt: '',
    exposures: [],
    practices: '',
    partnersCount: '',
    prevention: [],
    substances: [],
    chemsex: false,
    violenceScreening: 'not_asked',
    needs: [],
    summary: '',
    notes: '',
  };
}

export function interviewValues(interview: Interview): InterviewFormValues {
  return {
    heldAt: toLocalInput(new Date(interview.heldAt)),
    reason: interview.reason ?? '',
    lastRiskAt: interview.lastRiskAt ? toLocalInput(new Date(interview.lastRiskAt)) : '',
    exposures: [...interview.exposures],
    practices: interview.practices ?? '',
    partnersCount: interview.partnersCount ?? '',
    prevention: [...interview.prevention],
    substances: [...interview.substances],
    chemsex: interview.chemsex,
    violenceScreening: interview.violenceScreening,
    needs: [...interview.needs],
    summary: interview.summary ?? '',
    notes: interview.notes ?? '',
  };
}

/** An unreadable time is passed on as typed: the contract's check then names the field. */
function instant(value: string): string {
  return fromLocalInput(value)?.toISOString() ?? value;
}

export function interviewInput(
  values: InterviewFormValues,
  ids: { personId: string; visitId: string | null; id?: string; version?: number },
): ChannelInput<'interviews.save'> {
  const violence = values.violenceScreening;
  return {
    personId: ids.personId,
    visitId: ids.visitId,
    ...(ids.id ? { id: ids.id, version: ids.version } : {}),
    heldAt: instant(values.heldAt),
    reason: orNull(values.reason),
    lastRiskAt: values.lastRiskAt ? instant(values.lastRiskAt) : null,
    exposures: values.exposures.filter(oneOf(EXPOSURE_TYPES)),
    practices: orNull(values.practices),
    partnersCount: values.partnersCount === '' ? null : Number(values.partnersCount),
    prevention: values.prevention.filter(oneOf(PREVENTION_TOOLS)),
    substances: values.substances.filter(oneOf(SUBSTANCES)),
    chemsex: values.chemsex,
    violenceScreening: oneOf(VIOLENCE_SCREENING)(violence) ? violence : 'not_asked',
    needs: values.needs.filter(oneOf(INTERVIEW_NEEDS)),
    summary: orNull(values.summary),
    notes: orNull(values.notes),
  };
}

/** Hours between the last risk and the interview, when both are known (negative: given in the wrong order). */
export function hoursSinceRisk(values: Pick<InterviewFormValues, 'heldAt' | 'lastRiskAt'>): number | null {
  const held = fromLocalInput(values.heldAt);
  const risk = fromLocalInput(values.lastRiskAt);
  if (!held || !risk) return null;
  // Negative when the risk is given after the interview: shown as such, and refused.
  return (held.getTime() - risk.getTime()) / 3_600_000;
}

/** The live PEP alert: a last risk less than 72 hours before the interview. */
export function pepWindow(values: Pick<InterviewFormValues, 'heldAt' | 'lastRiskAt'>) {
  const since = hoursSinceRisk(values);
  if (since === null || since < 0 || since >= PEP_WINDOW_HOURS) return null;
  return { since, left: PEP_WINDOW_HOURS - since };
}

export const INTERVIEW_FIELDS = [
  'heldAt',
  'reason',
  'lastRiskAt',
  'exposures',
  'practices',
  'partnersCount',
  'prevention',
  'substances',
  'chemsex',
  'violenceScreening',
  'needs',
  'summary',
  'notes',
] as const;

/** A contract field path → the form field that shows it (lists by their name). */
export function interviewFormPath(field: string): string | null {
  const head = field.split('.')[0] ?? '';
  return (INTERVIEW_FIELDS as readonly string[]).includes(head) ? head : null;
}
