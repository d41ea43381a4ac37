/**
 * Economic autonomy (docs/violence-care.md, sections 3 and 4): vocational trainings and
 * micro-credit applications, their enumerations and the pure rules of their status moves. No
 * clock and no store here: the core and the renderer pass what they know.
 */

/** The trainings the centres' partners offer (cooking and pastry, hairdressing and beauty, sewing). */
export const TRAINING_FIELDS = ['cooking_pastry', 'hairdressing_beauty', 'sewing', 'other'] as const;
export type TrainingField = (typeof TRAINING_FIELDS)[number];

/** In their order: enrolled → in progress → completed → employed; `dropped` from any open status. */
export const TRAINING_STATUSES = ['enrolled', 'in_progress', 'completed', 'employed', 'dropped'] as const;
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];

export const MICRO_CREDIT_STATUSES = [
  'preparing',
  'submitted',
  'approved',
  'refused',
  'disbursed',
  'repaid',
  'withdrawn',
] as const;
export type MicroCreditStatus = (typeof MICRO_CREDIT_STATUSES)[number];

export const FIELD_LABEL_MAX = 200;
export const PURPOSE_MAX = 300;
export const STEP_NOTE_MAX = 2000;

const trainingRank = (status: TrainingStatus) => TRAINING_STATUSES.indexOf(status);

/**
 * Whether a training may go from one status to another: unchanged (a correction of its other
 * details), forward (a status may be skipped: enrolled → completed), or to `dropped` while it is
 * not finished. `employed` and `dropped` are final; a completed training is not dropped.
 */
export function trainingMoveAllowed(from: TrainingStatus, to: TrainingStatus): boolean {
  if (from === to) return true;
  if (from === 'dropped' || from === 'employed') return false;
  if (to === 'dropped') return from === 'enrolled' || from === 'in_progress';
  return trainingRank(to) > trainingRank(from);
}

/**
 * The moves of a micro-credit application, each recorded as a step: prepared, submitted to the
 * lender, approved or refused, disbursed, repaid; withdrawn by the person until it is disbursed.
 */
const MICRO_CREDIT_MOVES: Readonly<Record<MicroCreditStatus, readonly MicroCreditStatus[]>> = {
  preparing: ['submitted', 'withdrawn'],
  submitted: ['approved', 'refused', 'withdrawn'],
  approved: ['disbursed', 'withdrawn'],
  refused: [],
  disbursed: ['repaid'],
  repaid: [],
  withdrawn: [],
};

export function microCreditMoveAllowed(from: MicroCreditStatus, to: MicroCreditStatus): boolean {
  return MICRO_CREDIT_MOVES[from].includes(to);
}

/** The statuses an application may move to next (the step form offers only these). */
export function nextMicroCreditStatuses(from: MicroCreditStatus): readonly MicroCreditStatus[] {
  return MICRO_CREDIT_MOVES[from];
}

/** The statuses a training may take next, its own included (the form offers only these). */
export function allowedTrainingStatuses(from: TrainingStatus): TrainingStatus[] {
  return TRAINING_STATUSES.filter((to) => trainingMoveAllowed(from, to));
}

/** A training's end is on or after its start (both calendar dates `YYYY-MM-DD`). */
export function endsBeforeStart(startsOn: string, endsOn: string | null): boolean {
  return endsOn !== null && endsOn < startsOn;
}
