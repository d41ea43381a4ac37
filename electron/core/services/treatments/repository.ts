/** The Test and Treat tables (`to_treat`, `treatment`, `partner`): every query on them. */
import { In, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import type { TreatmentWorklist } from '../../../../shared/domain/treatments';
import { findRows } from '../../db/fast-read';
import { linkedTable } from '../../dossier/section';
import { hasCurrentConsent } from '../persons/repository';
import {
  PartnerEntity,
  ToTreatEntity,
  TreatmentEntity,
  type PartnerRow,
  type ToTreatRow,
  type TreatmentRow,
} from './entities';

export type { PartnerRow, ToTreatRow, TreatmentRow };

/** A person's items, treatments and partners follow the file on a merge. */
export const toTreatTable = linkedTable('to_treat', ToTreatEntity);
export const treatmentsTable = linkedTable('treatments', TreatmentEntity);
export const partnersTable = linkedTable('partners', PartnerEntity);

/** An item with what hangs on it: what the dossier section loads. */
export interface ToTreatWithDetails extends ToTreatRow {
  treatment: TreatmentRow | null;
  partners: PartnerRow[];
}

/** A person's items, newest first, each with its treatment and partners (three statements on person_id). */
export async function toTreatOfPerson(em: EntityManager, personId: string): Promise<ToTreatWithDetails[]> {
  const items = await findRows(em, ToTreatEntity, { personId }, { column: 'openedOn', direction: 'DESC' });
  if (items.length === 0) return [];
  const treatments = await findRows(
    em,
    TreatmentEntity,
    { personId },
    { column: 'givenAt', direction: 'ASC' },
  );
  const partners = await findRows(em, PartnerEntity, { personId }, { column: 'createdAt', direction: 'ASC' });
  const treatmentOf = new Map(treatments.filter((t) => t.toTreatId).map((t) => [t.toTreatId!, t]));
  return items.map((item) => ({
    ...item,
    treatment: treatmentOf.get(item.id) ?? null,
    partners: partners.filter((p) => p.toTreatId === item.id),
  }));
}

export function findToTreat(em: EntityManager, id: string): Promise<ToTreatRow | null> {
  return em.getRepository(ToTreatEntity).findOneBy({ id });
}

/** The person's items in these states (open items decide the visit's priority). */
export function itemsOfPersonIn(
  em: EntityManager,
  personId: string,
  statuses: readonly ToTreatRow['status'][],
): Promise<ToTreatRow[]> {
  return em.getRepository(ToTreatEntity).find({ where: { personId, status: In([...statuses]) } });
}

export function itemsOfReferral(em: EntityManager, referralId: string): Promise<ToTreatRow[]> {
  return em.getRepository(ToTreatEntity).find({ where: { referralId } });
}

export async function insertToTreat(em: EntityManager, row: ToTreatRow): Promise<void> {
  await em.getRepository(ToTreatEntity).insert(row);
}

export async function saveToTreat(em: EntityManager, row: ToTreatRow): Promise<void> {
  await em.getRepository(ToTreatEntity).save(row);
}

export function findTreatment(em: EntityManager, id: string): Promise<TreatmentRow | null> {
  return em.getRepository(TreatmentEntity).findOneBy({ id });
}

export async function insertTreatment(em: EntityManager, row: TreatmentRow): Promise<void> {
  await em.getRepository(TreatmentEntity).insert(row);
}

export function partnersOf(em: EntityManager, toTreatId: string): Promise<PartnerRow[]> {
  return em
    .getRepository(PartnerEntity)
    .find({ where: { toTreatId }, order: { createdAt: 'ASC', id: 'ASC' } });
}

export async function savePartner(em: EntityManager, row: PartnerRow): Promise<void> {
  await em.getRepository(PartnerEntity).save(row);
}

/** Every row of the three tables (interchange export), oldest first. */
export async function allTreatmentRows(em: EntityManager) {
  return {
    items: await em.getRepository(ToTreatEntity).find({ order: { createdAt: 'ASC', id: 'ASC' } }),
    treatments: await em.getRepository(TreatmentEntity).find({ order: { createdAt: 'ASC', id: 'ASC' } }),
    partners: await em.getRepository(PartnerEntity).find({ order: { createdAt: 'ASC', id: 'ASC' } }),
  };
}

// ---------------------------------------------------------------------------------------------
// The worklists: each one statement on its leading-state index, joined to the person, filtered
// by the care-team consent (or the reader's own record).

/** Sites on the same calendar date, and that date (`today`). */
export interface SiteDay {
  siteIds: readonly string[];
  today: string;
  /** Inclusive upper bound of a due date on this day (tests of cure due within the week). */
  dueUntil: string;
}

export interface WorklistLine {
  id: string;
  toTreatId: string;
  personId: string;
  siteId: string;
  infection: ToTreatRow['infection'];
  on: string;
  pseudonym: string | null;
  appointmentOn: string | null;
  fileNumber: string;
  nameUsed: string;
}

function siteGroups(
  qb: SelectQueryBuilder<ObjectLiteral>,
  alias: string,
  days: readonly SiteDay[],
  extra?: (i: number) => string,
) {
  const groups = days.map((day, i) => {
    qb.setParameter(`sites${i}`, [...day.siteIds]);
    qb.setParameter(`today${i}`, day.today);
    qb.setParameter(`until${i}`, day.dueUntil);
    const parts = [`${alias}.site_id IN (:...sites${i})`];
    if (extra) parts.push(extra(i));
    return `(${parts.join(' AND ')})`;
  });
  qb.andWhere(`(${groups.join(' OR ')})`);
}

/** The query of one list, with its sort column (the second key is the row's id). */
function worklistQuery(
  em: EntityManager,
  list: TreatmentWorklist,
  days: readonly SiteDay[],
  readerId: string,
): { qb: SelectQueryBuilder<ObjectLiteral>; alias: string; sort: string } {
  if (list === 'partners_to_notify') {
    const qb = em
      .getRepository(PartnerEntity)
      .createQueryBuilder('pa')
      .innerJoin('ToTreat', 'tt', 'tt.id = pa.to_treat_id')
      .innerJoin('Person', 'p', 'p.id = pa.person_id')
      .where('pa.status = :state', { state: 'to_notify' }) as SelectQueryBuilder<ObjectLiteral>;
    siteGroups(qb, 'pa', days);
    qb.andWhere(`(${hasCurrentConsent(qb, 'pa.person_id', 'care_team')} OR pa.created_by = :reader)`, {
      reader: readerId,
    });
    return { qb, alias: 'pa', sort: 'pa.status_on' };
  }
  const qb = em
    .getRepository(ToTreatEntity)
    .createQueryBuilder('tt')
    .innerJoin('Person', 'p', 'p.id = tt.person_id') as SelectQueryBuilder<ObjectLiteral>;
  let sort = 'tt.opened_on';
  if (list === 'to_treat') {
    qb.where('tt.status = :state', { state: 'open' });
    siteGroups(qb, 'tt', days);
  } else if (list === 'referrals_not_attended') {
    // Referred, and the first appointment is past (or was never given a date).
    qb.where('tt.status = :state', { state: 'referred' });
    siteGroups(qb, 'tt', days, (i) => `(tt.appointment_on IS NULL OR tt.appointment_on < :today${i})`);
  } else {
    // Tests of cure due within the week or overdue, not yet done (the date is cleared then).
    qb.where('tt.cure_test_due_on IS NOT NULL');
    siteGroups(qb, 'tt', days, (i) => `tt.cure_test_due_on <= :until${i}`);
    sort = 'tt.cure_test_due_on';
  }
  qb.andWhere(`(${hasCurrentConsent(qb, 'tt.person_id', 'care_team')} OR tt.created_by = :reader)`, {
    reader: readerId,
  });
  return { qb, alias: 'tt', sort };
}

export function worklistPage(
  em: EntityManager,
  list: TreatmentWorklist,
  days: readonly SiteDay[],
  readerId: string,
  page: { limit: number; after?: { on: string; id: string } },
): Promise<WorklistLine[]> {
  const { qb, alias, sort } = worklistQuery(em, list, days, readerId);
  qb.select(`${alias}.id`, 'id')
    .addSelect(alias === 'pa' ? 'pa.to_treat_id' : 'tt.id', 'toTreatId')
    .addSelect(`${alias}.person_id`, 'personId')
    .addSelect(`${alias}.site_id`, 'siteId')
    .addSelect('tt.infection', 'infection')
    .addSelect(sort, 'on')
    .addSelect(alias === 'pa' ? 'pa.pseudonym' : 'NULL', 'pseudonym')
    .addSelect('tt.appointment_on', 'appointmentOn')
    .addSelect('p.file_number', 'fileNumber')
    .addSelect('p.name_used', 'nameUsed');
  if (page.after)
    qb.andWhere(`(${sort} > :afterOn OR (${sort} = :afterOn AND ${alias}.id > :afterId))`, {
      afterOn: page.after.on,
      afterId: page.after.id,
    });
  return qb
    .orderBy(sort, 'ASC')
    .addOrderBy(`${alias}.id`, 'ASC')
    .limit(page.limit)
    .getRawMany<WorklistLine>();
}

export function worklistCount(
  em: EntityManager,
  list: TreatmentWorklist,
  days: readonly SiteDay[],
  readerId: string,
): Promise<number> {
  return worklistQuery(em, list, days, readerId).qb.getCount();
}

/** The SQL of a worklist page, for the query-plan test (parameters only, no personal data). */
export function worklistSql(
  em: EntityManager,
  list: TreatmentWorklist,
  days: readonly SiteDay[],
  readerId: string,
): [string, unknown[]] {
  const { qb, alias, sort } = worklistQuery(em, list, days, readerId);
  return qb
    .select(`${alias}.id`)
    .orderBy(sort, 'ASC')
    .addOrderBy(`${alias}.id`, 'ASC')
    .limit(51)
    .getQueryAndParameters();
}
