/**
 * Legal procedures (docs/violence-care.md, sections 3 and 4): the enumerations of the `legal`
 * capability and its pure rules — which stage moves are allowed (forward, skipping allowed,
 * `appeal` only after `decision`), whether a hearing may be dated then, and the "due this week"
 * span. No clock and no store here: the core and the renderer pass what they know.
 */

/** The procedures of the domain: civil registration of a child, first ID card, family law, a complaint. */
export const PROCEDURE_TYPES = [
  'child_civil_registration',
  'first_national_id',
  'divorce',
  'alimony',
  'paternity',
  'complaint',
  'other',
] as const;
export type ProcedureType = (typeof PROCEDURE_TYPES)[number];

/** Stages in their order: documents gathered → filed → hearings → decision → appeal → closed. */
export const PROCEDURE_STAGES = [
  'documents_gathered',
  'filed',
  'hearings',
  'decision',
  'appeal',
  'closed',
] as const;
export type ProcedureStage = (typeof PROCEDURE_STAGES)[number];

export const PROCEDURE_OUTCOMES = [
  'obtained',
  'won',
  'partly_won',
  'lost',
  'withdrawn',
  'dismissed',
  'settled',
] as const;
export type ProcedureOutcome = (typeof PROCEDURE_OUTCOMES)[number];

export const HEARING_KINDS = ['hearing', 'deliberation', 'mediation'] as const;
export type HearingKind = (typeof HEARING_KINDS)[number];

export const HEARING_STATUSES = ['scheduled', 'held', 'postponed', 'cancelled'] as const;
export type HearingStatus = (typeof HEARING_STATUSES)[number];

export const COURT_MAX = 200;
export const CASE_REFERENCE_MAX = 100;
export const PLACE_MAX = 200;
export const NOTE_MAX = 2000;

/** "Due this week": today to today + 6 days in the site's calendar (as `DUE_SOON_DAYS` for vaccines). */
export const HEARINGS_DUE_DAYS = 7;

const rank = (stage: ProcedureStage) => PROCEDURE_STAGES.indexOf(stage);

/**
 * Why a move from one stage to another is refused, or null when it is allowed: stages move
 * forward (one may be skipped), `appeal` only after `decision`, nothing after `closed`.
 */
export function stageMoveRefusal(
  from: ProcedureStage,
  to: ProcedureStage,
): 'stage_backwards' | 'procedure_closed' | null {
  if (from === 'closed') return 'procedure_closed';
  if (rank(to) <= rank(from)) return 'stage_backwards';
  if (to === 'appeal' && from !== 'decision') return 'stage_backwards';
  return null;
}

export function stageMoveAllowed(from: ProcedureStage, to: ProcedureStage): boolean {
  return stageMoveRefusal(from, to) === null;
}

/** A complaint is filed about an incident of the same person: it must name it. */
export function incidentRequired(type: ProcedureType): boolean {
  return type === 'complaint';
}

/**
 * A hearing is dated on or after the day the procedure was opened, at the site: `startsAtLocalDate`
 * is the hearing's calendar date in the site's zone.
 */
export function hearingBeforeProcedure(openedOn: string, startsAtLocalDate: string): boolean {
  return startsAtLocalDate < openedOn;
}

/** The first hearing moves a procedure still before the hearings to `hearings`. */
export function stageAfterHearing(stage: ProcedureStage): ProcedureStage {
  return rank(stage) < rank('hearings') ? 'hearings' : stage;
}

/** Hearings still ahead are listed in the calendar and "due this week". */
export const UPCOMING_HEARING_STATUSES = ['scheduled'] as const satisfies readonly HearingStatus[];
