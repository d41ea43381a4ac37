/**
 * Case plans (docs/violence-care.md, sections 3 and 4): the enumerations of the `case-plans`
 * capability and its pure rules — which status changes are allowed (reopening included), whether
 * an action may still change, whether the safety plan is due a review at this contact. No clock
 * and no store here: the core and the renderer pass what they know.
 */

export const CASE_PLAN_STATUSES = ['open', 'active', 'on_hold', 'closed'] as const;
export type CasePlanStatus = (typeof CASE_PLAN_STATUSES)[number];

export const CLOSURE_REASONS = ['goals_met', 'moved', 'lost_to_follow_up', 'declined', 'deceased'] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

/** The five axes of the one-stop care ("guichet unique … médicale, psychologique, sociale et juridique"). */
export const PLAN_AXES = ['medical', 'psychological', 'social', 'legal', 'economic'] as const;
export type PlanAxis = (typeof PLAN_AXES)[number];

export const PLAN_ITEM_KINDS = ['need', 'objective'] as const;
export type PlanItemKind = (typeof PLAN_ITEM_KINDS)[number];

export const PLAN_ITEM_STATES = ['open', 'met', 'dropped'] as const;
export type PlanItemState = (typeof PLAN_ITEM_STATES)[number];

export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** The statuses "my actions" and the team view list: the few open among many closed. */
export const OPEN_ACTION_STATUSES = ['planned', 'in_progress'] as const satisfies readonly ActionStatus[];

export const PLAN_ITEM_TEXT_MAX = 500;
export const ACTION_TITLE_MAX = 200;
export const REASON_MAX = 500;
export const SAFETY_TEXT_MAX = 4000;
/** How many trusted people, safe places and code words a safety plan holds (each list). */
export const SAFETY_ROWS_MAX = 20;
/** The longest text of each field of a safety plan's rows (the form's inputs stop there too). */
export const SAFETY_ROW_TEXT_MAX = {
  contactName: 200,
  howToReach: 200,
  note: 500,
  place: 200,
  word: 100,
  meaning: 500,
} as const;

/**
 * The status changes a writer may ask for. `open → active` is also made by the first action;
 * `closed → active` is a reopening (a written reason); `closed` is reached from any other status.
 */
const NEXT: Record<CasePlanStatus, readonly CasePlanStatus[]> = {
  open: ['active', 'on_hold', 'closed'],
  active: ['on_hold', 'closed'],
  on_hold: ['active', 'closed'],
  closed: ['active'],
};

export function statusChangeAllowed(from: CasePlanStatus, to: CasePlanStatus): boolean {
  return NEXT[from].includes(to);
}

export function isReopening(from: CasePlanStatus, to: CasePlanStatus): boolean {
  return from === 'closed' && to === 'active';
}

/** An action's status moves forward; `done` and `cancelled` are final. */
const ACTION_NEXT: Record<ActionStatus, readonly ActionStatus[]> = {
  planned: ['planned', 'in_progress', 'done', 'cancelled'],
  in_progress: ['in_progress', 'done', 'cancelled'],
  done: [],
  cancelled: [],
};

export function actionChangeAllowed(from: ActionStatus, to: ActionStatus): boolean {
  return ACTION_NEXT[from].includes(to);
}

export function isOpenAction(status: ActionStatus): boolean {
  return status === 'planned' || status === 'in_progress';
}

/**
 * A review of the safety plan is due at each contact: when the person has an open visit that
 * arrived after the last review (or the plan was never reviewed). Instants are ISO strings in UTC.
 */
export function safetyReviewDue(reviewedAt: string | null, openVisitArrivedAt: string | null): boolean {
  if (!openVisitArrivedAt) return false;
  return reviewedAt === null || reviewedAt < openVisitArrivedAt;
}

/** "This week" for my actions: today to today + 6 days in the site's calendar (as "due this week"). */
export const DUE_THIS_WEEK_DAYS = 7;
