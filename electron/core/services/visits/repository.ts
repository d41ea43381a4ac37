/**
 * The visits' tables (`visit`, `visit_step`): every query on them. Other capabilities ask here
 * (a visit, the open visit of a person, the first visit), and change a visit through
 * `updateVisitRow` (an interview sets its next steps), never through the entities.
 */
import { IsNull, type EntityManager } from 'typeorm';
import { findRows, hotQuery } from '../../db/fast-read';
import { linkedTable } from '../../dossier/section';
import { VisitEntity, VisitStepEntity, type VisitRow, type VisitStepRow } from './entities';

export type { VisitRow, VisitStepRow };

/** A person's visits follow the file on a merge (their steps follow the visits). */
export const visitsTable = linkedTable('visits', VisitEntity);

/** A person's visits, newest first (the dossier's hot path: no per-row hydration). */
export function visitsOfPerson(em: EntityManager, personId: string): Promise<VisitRow[]> {
  return findRows(em, VisitEntity, { personId }, { column: 'openedAt', direction: 'DESC' });
}

export function findVisit(em: EntityManager, id: string): Promise<VisitRow | null> {
  return em.getRepository(VisitEntity).findOneBy({ id });
}

export function requireVisit(em: EntityManager, id: string): Promise<VisitRow> {
  return em.getRepository(VisitEntity).findOneByOrFail({ id });
}

export function hasOpenVisit(em: EntityManager, personId: string): Promise<boolean> {
  return em.getRepository(VisitEntity).existsBy({ personId, closedAt: IsNull() });
}

/**
 * The id of the person's open visit, if any. Declared hot path: the dossier's header asks it on
 * every opening, so plain SQL (portable: no dialect-specific syntax).
 */
export async function openVisitIdOf(em: EntityManager, personId: string): Promise<string | null> {
  // Prepared once (fast-read.ts `hotQuery`): the dossier summary look-up (docs/architecture.md "Data access").
  const [open] = await hotQuery<{ id: string }>(
    em,
    'SELECT id FROM visit WHERE person_id = ? AND closed_at IS NULL LIMIT 1',
    [personId],
  );
  return open?.id ?? null;
}

export function firstVisitOf(em: EntityManager, personId: string): Promise<VisitRow | null> {
  return em.getRepository(VisitEntity).findOne({ where: { personId }, order: { openedAt: 'ASC' } });
}

/** The open visits of a site, by arrival (the reception board). */
export function openVisitsAt(em: EntityManager, siteId: string): Promise<VisitRow[]> {
  return em
    .getRepository(VisitEntity)
    .find({ where: { siteId, closedAt: IsNull() }, order: { openedAt: 'ASC' } });
}

export async function insertVisit(em: EntityManager, row: VisitRow): Promise<void> {
  await em.getRepository(VisitEntity).insert(row);
}

export async function saveVisit(em: EntityManager, row: VisitRow): Promise<void> {
  await em.getRepository(VisitEntity).save(row);
}

export async function updateVisitRow(
  em: EntityManager,
  id: string,
  changes: Partial<Omit<VisitRow, 'id'>>,
): Promise<void> {
  await em.getRepository(VisitEntity).update({ id }, changes);
}

/** The steps a visit went through, oldest first (undoing a call looks for the step before it). */
export function stepsOf(em: EntityManager, visitId: string): Promise<VisitStepRow[]> {
  return em.getRepository(VisitStepEntity).find({ where: { visitId }, order: { at: 'ASC' } });
}

export async function insertStep(em: EntityManager, row: VisitStepRow): Promise<void> {
  await em.getRepository(VisitStepEntity).insert(row);
}
