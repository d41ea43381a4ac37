/**
 * Meeting records of the interchange format (docs/violence-care.md, section 9): the centre record
 * `coordination_meeting` and each person discussed, `meeting_case`, whose plan must be the same
 * person's. The import does not replay the screens' rules on past meetings (participants' roles
 * may have changed since): it checks references and that the plan belongs to the person.
 */
import type { EntityManager } from 'typeorm';
import type { FileRecords } from '../../interchange/adapter';
import { authoredAdapter, refs } from '../../interchange/entity-adapter';
import { lineRefusals, personMerged } from '../../interchange/record-rules';
import { planById } from '../case-plans/repository';
import { CoordinationMeetingEntity, MeetingCaseEntity } from './entities';

async function planPerson(em: EntityManager, file: FileRecords, planId: string): Promise<string | null> {
  const inFile = file.find('case_plan', planId);
  if (inFile) return inFile.personId;
  return (await planById(em, planId))?.personId ?? null;
}

export const coordinationMeetingAdapter = authoredAdapter({
  type: 'coordination_meeting',
  entity: CoordinationMeetingEntity,
  references: (r) =>
    refs(
      ['siteId', 'site', r.siteId],
      ...r.participantIds.map((id): [string, 'user', string] => ['participantIds', 'user', id]),
      ['authorId', 'user', r.authorId],
    ),
});

export const meetingCaseAdapter = authoredAdapter({
  type: 'meeting_case',
  entity: MeetingCaseEntity,
  checkLines: (em, lines, file) =>
    lineRefusals(lines, async (r, refuse) => {
      if (await personMerged(em, file, r.personId)) refuse('personId', 'person_merged');
      const owner = await planPerson(em, file, r.planId);
      if (owner !== null && owner !== r.personId) refuse('planId', 'no_case_plan');
    }),
  references: (r) =>
    refs(
      ['meetingId', 'coordination_meeting', r.meetingId],
      ['personId', 'person', r.personId],
      ['planId', 'case_plan', r.planId],
      ['authorId', 'user', r.authorId],
    ),
});
