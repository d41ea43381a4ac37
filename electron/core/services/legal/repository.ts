/**
 * The legal tables (`legal_procedure`, `legal_step`, `hearing`): every query on them. The
 * calendar and "due this week" read hearings on `(status, site_id, starts_at)`.
 */
import { Brackets, In, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import type { HearingStatus } from '../../../../shared/domain/legal';
import { linkedTable } from '../../dossier/section';
import { hasCurrentConsent } from '../persons/repository';
import {
  HearingEntity,
  LegalStepEntity,
  ProcedureEntity,
  type HearingRow,
  type LegalStepRow,
  type ProcedureRow,
} from './entities';

export type { HearingRow, LegalStepRow, ProcedureRow };

/** Every legal record follows the file on a merge. */
export const proceduresTable = linkedTable('legal_procedures', ProcedureEntity);
export const legalStepsTable = linkedTable('legal_steps', LegalStepEntity);
export const hearingsTable = linkedTable('hearings', HearingEntity);

/** A procedure with everything the tab shows. */
export interface ProcedureWithParts extends ProcedureRow {
  steps: LegalStepRow[];
  hearings: HearingRow[];
}

export async function proceduresOfPerson(em: EntityManager, personId: string): Promise<ProcedureWithParts[]> {
  const procedures = await em
    .getRepository(ProcedureEntity)
    .find({ where: { personId }, order: { openedOn: 'DESC', id: 'ASC' } });
  if (procedures.length === 0) return [];
  const ids = procedures.map((p) => p.id);
  const [steps, hearings] = await Promise.all([
    em.getRepository(LegalStepEntity).find({ where: { procedureId: In(ids) }, order: { on: 'ASC' } }),
    em.getRepository(HearingEntity).find({ where: { procedureId: In(ids) }, order: { startsAt: 'ASC' } }),
  ]);
  return procedures.map((p) => ({
    ...p,
    steps: steps.filter((s) => s.procedureId === p.id),
    hearings: hearings.filter((h) => h.procedureId === p.id),
  }));
}

export function findProcedure(em: EntityManager, id: string): Promise<ProcedureRow | null> {
  return em.getRepository(ProcedureEntity).findOneBy({ id });
}
export function findHearing(em: EntityManager, id: string): Promise<HearingRow | null> {
  return em.getRepository(HearingEntity).findOneBy({ id });
}
export function hearingsOfProcedure(em: EntityManager, procedureId: string): Promise<HearingRow[]> {
  return em.getRepository(HearingEntity).findBy({ procedureId });
}
export async function saveProcedureRow(em: EntityManager, row: ProcedureRow): Promise<void> {
  await em.getRepository(ProcedureEntity).save(row);
}
export async function insertStepRow(em: EntityManager, row: LegalStepRow): Promise<void> {
  await em.getRepository(LegalStepEntity).insert(row);
}
export async function saveHearingRow(em: EntityManager, row: HearingRow): Promise<void> {
  await em.getRepository(HearingEntity).save(row);
}

// ---------------------------------------------------------------------------------------------
// The legal calendar and "due this week": hearings of some sites in a span, soonest first.

export interface HearingLineRow {
  hearingId: string;
  procedureId: string;
  personId: string;
  siteId: string;
  startsAt: string;
  place: string;
  kind: HearingRow['kind'];
  status: HearingRow['status'];
  procedureType: ProcedureRow['type'];
  fileNumber: string;
  nameUsed: string;
}

export interface HearingsScope {
  siteIds: readonly string[];
  statuses: readonly HearingStatus[];
  /** [from, to) instants in UTC. */
  from: string;
  to: string;
}

/**
 * Hearings of these statuses at these sites in the span, of persons who share with the social
 * and legal team or whose hearing the reader recorded. One range read on the
 * `(status, site_id, starts_at)` index, joined to the procedure and the person for the line.
 */
function hearingsQuery(
  em: EntityManager,
  scopes: Scopes,
  readerId: string,
): SelectQueryBuilder<HearingRow & ObjectLiteral> {
  const list: readonly HearingsScope[] = Array.isArray(scopes) ? scopes : [scopes as HearingsScope];
  const qb = em
    .getRepository(HearingEntity)
    .createQueryBuilder('h')
    .innerJoin('Person', 'p', 'p.id = h.personId');
  // Sites in zones on different calendars (one scope each, the usual case being one): their own
  // span each, still one range read per site on the index.
  qb.where(
    new Brackets((w) => {
      list.forEach((scope, i) =>
        w.orWhere(
          `(h.status IN (:...statuses${i}) AND h.siteId IN (:...sites${i}) AND h.startsAt >= :from${i} AND h.startsAt < :to${i})`,
          {
            [`statuses${i}`]: [...scope.statuses],
            [`sites${i}`]: [...scope.siteIds],
            [`from${i}`]: scope.from,
            [`to${i}`]: scope.to,
          },
        ),
      );
    }),
  );
  qb.andWhere(`(${hasCurrentConsent(qb, 'h.person_id', 'social_legal')} OR h.createdBy = :reader)`, {
    reader: readerId,
  });
  return qb;
}

/** One scope, or one per group of sites whose zones share a calendar day. */
export type Scopes = HearingsScope | readonly HearingsScope[];

export function hearingsPage(
  em: EntityManager,
  scope: Scopes,
  readerId: string,
  page: { limit: number; after?: { startsAt: string; id: string } },
): Promise<HearingLineRow[]> {
  const qb = hearingsQuery(em, scope, readerId)
    .innerJoin('LegalProcedure', 'lp', 'lp.id = h.procedureId')
    .select('h.id', 'hearingId')
    .addSelect('h.procedureId', 'procedureId')
    .addSelect('h.personId', 'personId')
    .addSelect('h.siteId', 'siteId')
    .addSelect('h.startsAt', 'startsAt')
    .addSelect('h.place', 'place')
    .addSelect('h.kind', 'kind')
    .addSelect('h.status', 'status')
    .addSelect('lp.type', 'procedureType')
    .addSelect('p.fileNumber', 'fileNumber')
    .addSelect('p.nameUsed', 'nameUsed');
  if (page.after)
    qb.andWhere('(h.startsAt > :afterAt OR (h.startsAt = :afterAt AND h.id > :afterId))', {
      afterAt: page.after.startsAt,
      afterId: page.after.id,
    });
  return qb
    .orderBy('h.startsAt', 'ASC')
    .addOrderBy('h.id', 'ASC')
    .limit(page.limit)
    .getRawMany<HearingLineRow>();
}

export function hearingsCount(em: EntityManager, scope: Scopes, readerId: string): Promise<number> {
  return hearingsQuery(em, scope, readerId).getCount();
}

/** The SQL of a hearings page, for the query-plan test (no personal data: parameters only). */
export function hearingsSql(em: EntityManager, scope: Scopes, readerId: string): [string, unknown[]] {
  return hearingsQuery(em, scope, readerId)
    .select('h.id')
    .orderBy('h.startsAt', 'ASC')
    .addOrderBy('h.id', 'ASC')
    .limit(51)
    .getQueryAndParameters();
}
