/** The interviews' table (`interview`): every query on it. */
import type { EntityManager } from 'typeorm';
import { findRows } from '../../db/fast-read';
import { linkedTable } from '../../dossier/section';
import { InterviewEntity, type InterviewRow } from './entities';

export type { InterviewRow };

/** A person's interviews follow the file on a merge. */
export const interviewsTable = linkedTable('interviews', InterviewEntity);

/** A person's interviews, newest first (the dossier's hot path: no per-row hydration). */
export function interviewsOfPerson(em: EntityManager, personId: string): Promise<InterviewRow[]> {
  return findRows(em, InterviewEntity, { personId }, { column: 'heldAt', direction: 'DESC' });
}

/** The latest exposure (last risk) recorded at an interview of each person, for the board's PEP deadline. */
export async function lastRisksOf(
  em: EntityManager,
  personIds: readonly string[],
): Promise<Map<string, string>> {
  if (personIds.length === 0) return new Map();
  const rows = await em
    .getRepository(InterviewEntity)
    .createQueryBuilder('i')
    .select('i.personId', 'personId')
    .addSelect('MAX(i.lastRiskAt)', 'lastRiskAt')
    .where('i.personId IN (:...ids)', { ids: [...new Set(personIds)] })
    .andWhere('i.lastRiskAt IS NOT NULL')
    .groupBy('i.personId')
    .getRawMany<{ personId: string; lastRiskAt: string }>();
  return new Map(rows.map((r) => [r.personId, r.lastRiskAt]));
}

export function findInterview(em: EntityManager, id: string): Promise<InterviewRow | null> {
  return em.getRepository(InterviewEntity).findOneBy({ id });
}

export async function saveInterviewRow(em: EntityManager, row: InterviewRow): Promise<void> {
  await em.getRepository(InterviewEntity).save(row);
}
