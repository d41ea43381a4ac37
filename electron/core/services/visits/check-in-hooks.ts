/**
 * What other capabilities say about the priority a visit opens with. The desk chooses one at
 * check-in; a capability may raise it (a positive still to treat puts the visit first), never
 * lower it: the highest of the desk's choice and every hook's answer wins (VISIT_PRIORITIES order,
 * so `pep_72h` keeps precedence). One line here per capability that does.
 */
import type { EntityManager } from 'typeorm';
import { VISIT_PRIORITIES, type VisitPriority } from '../../../../shared/domain/catalogues';
import { priorityAtCheckIn } from '../treatments/priority';
import { violencePriorityAtCheckIn } from '../violence/priority';

export type CheckInPriorityHook = (
  em: EntityManager,
  personId: string,
  now: Date,
) => Promise<VisitPriority | null>;

export const CHECK_IN_PRIORITY_HOOKS: readonly CheckInPriorityHook[] = [
  // Test and Treat: an open to-treat item.
  priorityAtCheckIn,
  // Violence: an incident whose 72-hour protocol is open and before its deadline.
  violencePriorityAtCheckIn,
];

export async function checkInPriority(
  em: EntityManager,
  personId: string,
  chosen: VisitPriority,
  now: Date,
): Promise<VisitPriority> {
  let best = chosen;
  for (const hook of CHECK_IN_PRIORITY_HOOKS) {
    const asked = await hook(em, personId, now);
    if (asked && VISIT_PRIORITIES.indexOf(asked) < VISIT_PRIORITIES.indexOf(best)) best = asked;
  }
  return best;
}
