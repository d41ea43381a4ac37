/** How the board groups the open visits: one column per professional, waiting then called. */
import type { BoardRow } from '../../../shared/contract';
import {
  CALLED_STEP,
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
  positive_to_treat: 'orange',
  // A priority whose reason this reader may not see.
  priority: 'red',
  normal: null,
};
