/** How the board groups the open visits: one column per professional, waiting then called. */
import type { BoardRow } from '../../../shared/contract';
import type { Role } from '../../../shared/domain/roles';
import {
  CALLED_STEP,
  ROLE_QUEUES,
  VISIT_PRIORITIES,
  type VisitPriority,
  type VisitPriorityView,
  type VisitStep,
} from '../../../shared/domain/catalogues';

export const BOARD_COLUMNS = [
  { key: 'interview', steps: ['waiting_interview', 'in_interview'] },
  { key: 'doctor', steps: ['waiting_doctor', 'with_doctor'] },
  { key: 'nurse', steps: ['waiting_nurse', 'with_nurse'] },
  { key: 'specialist', steps: ['waiting_specialist', 'with_specialist'] },
] as const satisfies readonly { key: string; steps: readonly VisitStep[] }[];

/** Where a person can be sent next, from any step (a person may pick any part of the offer). */
export const NEXT_STEPS: readonly VisitStep[] = [
  'waiting_doctor',
  'waiting_nurse',
  'waiting_specialist',
  'done',
];

export const PRIORITIES: readonly VisitPriority[] = VISIT_PRIORITIES;

export function isWaiting(step: VisitStep): boolean {
  return CALLED_STEP[step] !== undefined;
}

export function calledStepOf(step: VisitStep): VisitStep | null {
  return CALLED_STEP[step] ?? null;
}

/** Rows of one step, in the board's order (priorities first, then arrival: the core's order). */
export function rowsAt(rows: readonly BoardRow[], step: VisitStep): BoardRow[] {
  return rows.filter((r) => r.step === step);
}

/** Waiting colour: calm under 30 minutes, orange from 30, red from 60. */
export function waitingColor(minutes: number): string {
  if (minutes >= 60) return 'red.8';
  if (minutes >= 30) return 'orange.8';
  return 'dimmed';
}

export const PRIORITY_COLOR: Record<VisitPriorityView, string | null> = {
  pep_72h: 'red',
  violence_72h: 'red',
  urgent: 'red',
  positive_to_treat: 'orange',
  // A priority whose reason this reader may not see.
  priority: 'red',
  normal: null,
};

export type BoardColumn = (typeof BOARD_COLUMNS)[number];

/**
 * "My queue": the steps the user's roles call people in from, and the steps of being with them
 * (the people they are seeing now). Empty for a role that works from no queue: the whole board.
 */
export function queueOf(roles: readonly Role[]): VisitStep[] {
  const waiting = [...new Set(roles.flatMap((role) => ROLE_QUEUES[role] ?? []))];
  return waiting.flatMap((step) => [step, ...(CALLED_STEP[step] ? [CALLED_STEP[step]] : [])]);
}

/**
 * Whether a user lands on their queue rather than the whole board: carers who call people in
 * (nurse, doctor, specialist). The community worker is at the desk too and sees everything.
 */
export function startsOnQueue(roles: readonly Role[]): boolean {
  return queueOf(roles).length > 0 && !roles.includes('community_worker');
}

/** A priority rises to the top of the board whatever its column (a reason this reader may not see too). */
export function isPriority(row: BoardRow): boolean {
  return row.priority !== 'normal';
}

/** The people waiting in a column, priorities included (they wait for that professional too). */
export function waitingIn(rows: readonly BoardRow[], column: BoardColumn): number {
  return rows.filter((r) => r.step === column.steps[0]).length;
}

/** How long is left before a deadline, in whole hours (or minutes under an hour); null once passed. */
export function timeLeft(deadline: string, now: number): { hours: number; minutes: number } | null {
  const ms = Date.parse(deadline) - now;
  if (ms <= 0) return null;
  const minutes = Math.floor(ms / 60_000);
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}
