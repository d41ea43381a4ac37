/**
 * What the action form checks before sending: the same rules the core applies, so a refusal shows
 * next to its field at once. Returns the reason code (`validation.reason.<code>` texts) per field.
 */
import { sectionAccess } from '../../../shared/domain/access-policy';
import type { Role } from '../../../shared/domain/roles';
import { parseCalendarDate } from '../../../shared/domain/schedules';

export interface ActionValues {
  title: string;
  ownerId: string;
  dueOn: string;
}

export type ActionProblem =
  | { field: 'title'; reason: 'text_required' }
  | { field: 'ownerId'; reason: 'action_owner_required' | 'owner_cannot_read_plan' }
  | { field: 'dueOn'; reason: 'required' | 'invalid_date' | 'due_in_past' };

/** An owner must read case plans, so that "my actions" never shows a line its reader may not open. */
export function mayOwnActions(roles: readonly Role[]): boolean {
  return sectionAccess(roles, 'case_plan') !== 'none';
}

export function actionProblems(
  values: ActionValues,
  today: string,
  rolesOf: (userId: string) => readonly Role[] | undefined,
  isNew: boolean,
): ActionProblem[] {
  const problems: ActionProblem[] = [];
  if (values.title.trim() === '') problems.push({ field: 'title', reason: 'text_required' });
  if (values.ownerId === '') problems.push({ field: 'ownerId', reason: 'action_owner_required' });
  else if (!mayOwnActions(rolesOf(values.ownerId) ?? []))
    problems.push({ field: 'ownerId', reason: 'owner_cannot_read_plan' });
  if (values.dueOn === '') problems.push({ field: 'dueOn', reason: 'required' });
  else if (!parseCalendarDate(values.dueOn)) problems.push({ field: 'dueOn', reason: 'invalid_date' });
  else if (isNew && values.dueOn < today) problems.push({ field: 'dueOn', reason: 'due_in_past' });
  return problems;
}
