/** The PrEP tables (`prep_episode`, `prep_follow_up`): every query on them. */
import type { EntityManager, SelectQueryBuilder } from 'typeorm';

import { duePage, whereDueIn, type DueRange } from '../../db/due-worklist';
import { findRows } from '../../db/fast-read';
import { linkedTable } from '../../dossier/section';
import { hasCurrentConsent, joinPersonNames } from '../persons/repository';
import { PrepEpisodeEntity, PrepFollowUpEntity, type PrepEpisodeRow, type PrepFollowUpRow } from './entities';

export type { PrepEpisodeRow, PrepFollowUpRow };

/** A person's PrEP episodes and follow-ups follow the file on a merge. */
export const prepEpisodesTable = linkedTable('prep_episodes', PrepEpisodeEntity);
export const prepFollowUpsTable = linkedTable('prep_follow_ups', PrepFollowUpEntity);

/** A person's episodes, newest start first. */
export function episodesOfPerson(em: EntityManager, personId: string): Promise<PrepEpisodeRow[]> {
  return findRows(em, PrepEpisodeEntity, { personId }, { column: 'startedOn', direction: 'DESC' });
}

/** A person's follow-ups (all episodes), newest first. */
export function followUpsOfPerson(em: EntityManager, personId: string): Promise<PrepFollowUpRow[]> {
  return findRows(em, PrepFollowUpEntity, { personId }, { column: 'heldOn', direction: 'DESC' });
}

export function findEpisode(em: EntityManager, id: string): Promise<PrepEpisodeRow | null> {
  return em.getRepository(PrepEpisodeEntity).findOneBy({ id });
}

/**
 * Why a record of `personId` may not name this episode (a prescription's PrEP link): it does not
 * exist, or it is another person's. Null when the link is right.
 */
export function prepLinkRefusal(
  episode: { personId: string } | null,
  personId: string,
): 'unknown_prep_episode' | 'episode_of_another_person' | null {
  if (!episode) return 'unknown_prep_episode';
  return episode.personId === personId ? null : 'episode_of_another_person';
}

/** The person's active episode, if any (at most one: `prep.start` refuses a second). */
export function activeEpisodeOf(em: EntityManager, personId: string): Promise<PrepEpisodeRow | null> {
  return em.getRepository(PrepEpisodeEntity).findOneBy({ personId, status: 'active' });
}

/** The person's latest episode (the one a restart follows). */
export function latestEpisodeOf(em: EntityManager, personId: string): Promise<PrepEpisodeRow | null> {
  return em
    .getRepository(PrepEpisodeEntity)
    .findOne({ where: { personId }, order: { startedOn: 'DESC', createdAt: 'DESC' } });
}

export function followUpsOfEpisode(em: EntityManager, episodeId: string): Promise<PrepFollowUpRow[]> {
  return em.getRepository(PrepFollowUpEntity).find({ where: { episodeId }, order: { heldOn: 'DESC' } });
}

export async function saveEpisodeRow(em: EntityManager, row: PrepEpisodeRow): Promise<void> {
  await em.getRepository(PrepEpisodeEntity).save(row);
}

export async function insertFollowUpRow(em: EntityManager, row: PrepFollowUpRow): Promise<void> {
  await em.getRepository(PrepFollowUpEntity).insert(row);
}

/** A worklist's due-date range: `from` / `to` included when set. */
export type { DueRange };

export interface WorklistLine {
  episodeId: string;
  personId: string;
  siteId: string;
  startedOn: string;
  regimen: PrepEpisodeRow['regimen'];
  nextDueOn: string;
  fileNumber: string;
  nameUsed: string;
}

/**
 * Active episodes of these sites whose due date falls in one range per group of sites (sites in
 * different time zones may not be on the same date), of persons who share PrEP with the care team
 * or whose episode the reader started. One statement on `(status, site_id, next_due_on)`; a page is
 * joined to the person (through the persons repository) for the name and file number.
 */
function worklistQuery(
  em: EntityManager,
  ranges: readonly DueRange[],
  readerId: string,
): SelectQueryBuilder<PrepEpisodeRow> {
  const qb = em
    .getRepository(PrepEpisodeEntity)
    .createQueryBuilder('e')
    .where('e.status = :active', { active: 'active' });
  whereDueIn(qb, 'e', 'nextDueOn', ranges);
  qb.andWhere(`(${hasCurrentConsent(qb, 'e.person_id', 'care_team')} OR e.createdBy = :reader)`, {
    reader: readerId,
  });
  return qb;
}

type PageRow = Omit<WorklistLine, 'fileNumber' | 'nameUsed'> & {
  personFileNumber: string;
  personNameUsed: string;
};

export async function worklistPage(
  em: EntityManager,
  ranges: readonly DueRange[],
  readerId: string,
  page: { limit: number; after?: { dueOn: string; id: string } },
): Promise<WorklistLine[]> {
  const qb = worklistQuery(em, ranges, readerId)
    .select('e.id', 'episodeId')
    .addSelect('e.personId', 'personId')
    .addSelect('e.siteId', 'siteId')
    .addSelect('e.startedOn', 'startedOn')
    .addSelect('e.regimen', 'regimen')
    .addSelect('e.nextDueOn', 'nextDueOn');
  joinPersonNames(qb, 'e.person_id');
  const rows = await duePage(qb, 'e', 'nextDueOn', page).getRawMany<PageRow>();
  return rows.map(({ personFileNumber, personNameUsed, ...line }) => ({
    ...line,
    fileNumber: personFileNumber,
    nameUsed: personNameUsed,
  }));
}

export async function worklistCount(
  em: EntityManager,
  ranges: readonly DueRange[],
  readerId: string,
): Promise<number> {
  return worklistQuery(em, ranges, readerId).getCount();
}

/** The SQL of a worklist page, for the query-plan test (no personal data: parameters only). */
export function worklistSql(
  em: EntityManager,
  ranges: readonly DueRange[],
  readerId: string,
): [string, unknown[]] {
  const qb = worklistQuery(em, ranges, readerId).select('e.id');
  return joinPersonNames(qb, 'e.person_id')
    .orderBy('e.nextDueOn', 'ASC')
    .addOrderBy('e.id', 'ASC')
    .limit(51)
    .getQueryAndParameters();
}
