/**
 * What the meeting form checks before sending: the core's rules it can know (participants who
 * read plans, a date not in the future, someone discussed), so a refusal shows next to its field
 * at once. Returns the reason code (`validation.reason.<code>` texts) per field.
 */
import type { Role } from '../../../shared/domain/roles';
import { mayOwnActions } from '../case-plans/action-rules';

export interface MeetingRuleValues {
  heldOn: string;
  participantIds: readonly string[];
  personIds: readonly string[];
}

export type MeetingProblem =
  | { field: 'participantIds'; reason: 'meeting_participants_required' | 'participant_cannot_read_plan' }
  | { field: 'heldOn'; reason: 'required' | 'date_in_future' }
  | { field: 'cases'; reason: 'meeting_cases_required' };

export function meetingProblems(
  values: MeetingRuleValues,
  today: string,
  rolesOf: (userId: string) => readonly Role[] | undefined,
): MeetingProblem[] {
  const problems: MeetingProblem[] = [];
  if (values.heldOn === '') problems.push({ field: 'heldOn', reason: 'required' });
  else if (values.heldOn > today) problems.push({ field: 'heldOn', reason: 'date_in_future' });
  if (values.participantIds.length === 0)
    problems.push({ field: 'participantIds', reason: 'meeting_participants_required' });
  else if (values.participantIds.some((id) => !mayOwnActions(rolesOf(id) ?? [])))
    problems.push({ field: 'participantIds', reason: 'participant_cannot_read_plan' });
  if (values.personIds.length === 0) problems.push({ field: 'cases', reason: 'meeting_cases_required' });
  return problems;
}
