/**
 * What the meeting form checks before sending: the core's rules it can know (participants who
 * read plans, a date not in the future, someone discussed, no text of spaces only), so a refusal shows next to its field
 * at once. Returns the reason code (`validation.reason.<code>` texts) per field.
 */
import type { Role } from '../../../shared/domain/roles';
import { mayOwnActions } from '../case-plans/action-rules';

export interface MeetingRuleValues {
  heldOn: string;
  externalParticipants?: string;
  generalNotes?: string;
  participantIds: readonly string[];
  personIds: readonly string[];
}

export type MeetingProblem =
  | { field: 'participantIds'; reason: 'meeting_participants_required' | 'participant_cannot_read_plan' }
  | { field: 'heldOn'; reason: 'required' | 'date_in_future' }
  | { field: 'cases'; reason: 'meeting_cases_required' }
  | { field: 'externalParticipants' | 'generalNotes'; reason: 'text_required' };

/** A text left empty is none; one of spaces only is refused (it is kept as typed otherwise). */
const onlySpaces = (text: string | undefined) => !!text && text.trim().length === 0;

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
  for (const field of ['externalParticipants', 'generalNotes'] as const)
    if (onlySpaces(values[field])) problems.push({ field, reason: 'text_required' });
  return problems;
}
