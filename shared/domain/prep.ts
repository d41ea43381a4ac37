/**
 * PrEP episodes and follow-ups (docs/clinical-pathway.md, sections 3 and 4): the words the core,
 * the contract and the screens share. The schedule itself is in schedules.ts, its rules in the
 * centre's `prep` catalogue.
 */
import type { TestCode } from './clinical-catalogues';

export const PREP_EPISODE_STATUSES = ['active', 'stopped'] as const;
export type PrepEpisodeStatus = (typeof PREP_EPISODE_STATUSES)[number];

/** Why PrEP stopped (the person's own words go in the note). */
export const PREP_STOP_REASONS = [
  'no_longer_exposed',
  'side_effects',
  'renal_function',
  'hiv_infection',
  'person_choice',
  'followed_elsewhere',
  'other',
] as const;
export type PrepStopReason = (typeof PREP_STOP_REASONS)[number];

/**
 * One line of the baseline checklist: a sample of that test taken within `PREP_BASELINE_WINDOW_DAYS`
 * of the start ticks it (`sampleId`); `ordered` when the only sample is still to be taken.
 */
export interface PrepBaselineEntry {
  readonly testCode: TestCode;
  readonly state: 'done' | 'ordered' | 'missing';
  readonly sampleId: string | null;
}

/** Samples up to this many days before or after the start count for the baseline. */
export const PREP_BASELINE_WINDOW_DAYS = 30;

/** The PrEP worklists (docs/clinical-pathway.md, section 10). */
export const PREP_WORKLISTS = ['due_this_week', 'overdue', 'lost_to_follow_up'] as const;
export type PrepWorklist = (typeof PREP_WORKLISTS)[number];

/** Longest adherence note / stop note kept. */
export const PREP_NOTE_MAX = 2000;

/**
 * The drugs of PrEP (emtricitabine / tenofovir disoproxil, generics or Truvada): a prescription
 * naming one is offered as its episode's, ticked for the prescriber to confirm. A hint for the
 * screen only — the link itself is what the prescriber sends.
 */
export function isPrepDrug(drug: string): boolean {
  return /emtricitabin|t[ée]nofovir|truvada/i.test(drug);
}
