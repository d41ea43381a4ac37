/**
 * The meeting tables (`coordination_meeting`, `meeting_case`): every query on them. Actions are
 * written through case-plans (its service's rules, its repository).
 */
import { In, type EntityManager } from 'typeorm';
import { linkedTable } from '../../dossier/section';
import { hasCurrentConsent } from '../persons/repository';
import {
  CoordinationMeetingEntity,
  MeetingCaseEntity,
  type CoordinationMeetingRow,
  type MeetingCaseRow,
} from './entities';

export type { CoordinationMeetingRow, MeetingCaseRow };

/** A person's rows follow the file on a merge (two files that both have a plan are not merged). */
export const meetingCasesTable = linkedTable('meeting_cases', MeetingCaseEntity);

export function findMeeting(em: EntityManager, id: string): Promise<CoordinationMeetingRow | null> {
  return em.getRepository(CoordinationMeetingEntity).findOneBy({ id });
}

export function casesOfMeeting(em: EntityManager, meetingId: string): Promise<MeetingCaseRow[]> {
  return em.getRepository(MeetingCaseEntity).find({ where: { meetingId }, order: { position: 'ASC' } });
}

/** Every meeting where the person was discussed (her `meeting_case` rows). */
export function casesOfPerson(em: EntityManager, personId: string): Promise<MeetingCaseRow[]> {
  return em.getRepository(MeetingCaseEntity).findBy({ personId });
}

export function meetingsByIds(em: EntityManager, ids: readonly string[]): Promise<CoordinationMeetingRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return em.getRepository(CoordinationMeetingEntity).findBy({ id: In([...ids]) });
}

/** The persons a meeting discussed (the gate of `meetings.get` runs for each). */
export async function personsOfMeeting(em: EntityManager, meetingId: string): Promise<string[]> {
  return (await casesOfMeeting(em, meetingId)).map((c) => c.personId);
}

export async function insertMeeting(em: EntityManager, row: CoordinationMeetingRow): Promise<void> {
  await em.getRepository(CoordinationMeetingEntity).insert(row);
}

export async function insertMeetingCase(em: EntityManager, row: MeetingCaseRow): Promise<void> {
  await em.getRepository(MeetingCaseEntity).insert(row);
}

export interface MeetingLineRow {
  id: string;
  siteId: string;
  heldOn: string;
  participantIds: string;
  casesCount: number;
}

/**
 * A page of the meetings of some sites, latest first (the `(site_id, held_on)` index), with how
 * many persons discussed the reader may see — as `meetings.get` would show them: those who share
 * with the social and legal team, all of them for the meeting's recorder. A count of persons the
 * reader may not read would tell that someone was discussed whose consent is withdrawn.
 */
export function meetingsPage(
  em: EntityManager,
  siteIds: readonly string[],
  readerId: string,
  page: { limit: number; after?: { heldOn: string; id: string } },
): Promise<MeetingLineRow[]> {
  const qb = em.getRepository(CoordinationMeetingEntity).createQueryBuilder('m');
  const shared = hasCurrentConsent(qb, 'mc.person_id', 'social_legal');
  qb.select('m.id', 'id')
    .addSelect('m.siteId', 'siteId')
    .addSelect('m.heldOn', 'heldOn')
    .addSelect('m.participant_ids', 'participantIds')
    .addSelect(
      `(SELECT count(*) FROM meeting_case mc WHERE mc.meeting_id = m.id AND (m.created_by = :reader OR ${shared}))`,
      'casesCount',
    )
    .setParameter('reader', readerId)
    .where('m.siteId IN (:...sites)', { sites: [...siteIds] });
  if (page.after)
    qb.andWhere('(m.heldOn < :afterOn OR (m.heldOn = :afterOn AND m.id < :afterId))', {
      afterOn: page.after.heldOn,
      afterId: page.after.id,
    });
  return qb
    .orderBy('m.heldOn', 'DESC')
    .addOrderBy('m.id', 'DESC')
    .limit(page.limit)
    .getRawMany<MeetingLineRow>();
}
