/** The Test and Treat tables (`to_treat`, `treatment`, `partner`): every query on them. */
import { In, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import type { TreatmentWorklist } from '../../../../shared/domain/treatments';
import { duePage, whereDueIn, type DueRange } from '../../db/due-worklist';
import { findRows } from '../../db/fast-read';
import { insertRows } from '../../db/fast-write';
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

/**
 * `itemsOfPersonIn` for many persons at once (a lab file's): one statement per 900 persons, by the
 * `(person_id, opened_on)` index only, the states kept here. With the states in the WHERE too,
 * SQLite led a long list of persons by the `(status, site_id, opened_on)` index instead: every
 * treated item of the centre read, 0.4 s a chunk on a ten-year centre (docs/benchmarks.md).
 */
export async function itemsOfPersonsIn(
  em: EntityManager,
  personIds: readonly string[],
  statuses: readonly ToTreatRow['status'][],
): Promise<ToTreatRow[]> {
  const ids = [...new Set(personIds)];
  const wanted = new Set<string>(statuses);
  const rows: ToTreatRow[] = [];
  for (let start = 0; start < ids.length; start += 900)
    for (const row of await findRows(
      em,
      ToTreatEntity,
      { personId: ids.slice(start, start + 900) },
      { column: 'openedOn', direction: 'ASC' },
    ))
      if (wanted.has(row.status)) rows.push(row);
  return rows;
}

/** Many new items in a few statements (the lab import's positives). */
export async function insertToTreatRows(em: EntityManager, rows: readonly ToTreatRow[]): Promise<void> {
  await insertRows(em, ToTreatEntity, rows);
}

export function itemsOfReferral(em: EntityManager, referralId: string): Promise<ToTreatRow[]> {
  return em.getRepository(ToTreatEntity).find({ where: { referralId } });
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

/** The ranges of one list over the groups of sites: tests of cure due within the week or before;
 * referrals whose first appointment is past or was never given a date; the others undated. */
function rangesOf(list: TreatmentWorklist, days: readonly SiteDay[]): DueRange[] {
  return days.map((day) => {
    if (list === 'cure_tests_due') return { siteIds: day.siteIds, to: day.dueUntil };
    if (list === 'referrals_not_attended')
      return { siteIds: day.siteIds, before: day.today, orUndated: true };
    return { siteIds: day.siteIds };
  });
}

/** The query of one list, with its due column (the sort; the second key is the row's id). */
function worklistQuery(
  em: EntityManager,
  list: TreatmentWorklist,
  days: readonly SiteDay[],
  readerId: string,
): { qb: SelectQueryBuilder<ObjectLiteral>; alias: string; due: string } {
  const partners = list === 'partners_to_notify';
  const alias = partners ? 'pa' : 'tt';
  const qb = (
    partners
      ? em
          .getRepository(PartnerEntity)
          .createQueryBuilder('pa')
          .innerJoin('ToTreat', 'tt', 'tt.id = pa.to_treat_id')
          .where('pa.status = :state', { state: 'to_notify' })
      : em.getRepository(ToTreatEntity).createQueryBuilder('tt')
  ).innerJoin('Person', 'p', `p.id = ${alias}.person_id`) as SelectQueryBuilder<ObjectLiteral>;
  // Each list reads the range of its leading state: open, referred, or a test of cure awaited (the
  // date is cleared when done).
  if (list === 'to_treat') qb.where('tt.status = :state', { state: 'open' });
  else if (list === 'referrals_not_attended') qb.where('tt.status = :state', { state: 'referred' });
  else if (list === 'cure_tests_due') qb.where('tt.cure_test_due_on IS NOT NULL');
  const due =
    list === 'partners_to_notify'
      ? 'statusOn'
      : list === 'cure_tests_due'
        ? 'cureTestDueOn'
        : list === 'referrals_not_attended'
          ? 'appointmentOn'
          : 'openedOn';
  whereDueIn(qb, alias, due, rangesOf(list, days));
  qb.andWhere(
    `(${hasCurrentConsent(qb, `${alias}.person_id`, 'care_team')} OR ${alias}.created_by = :reader)`,
    {
      reader: readerId,
    },
  );
  // Referrals are listed by the item's opening, as the other item lists.
  return { qb, alias, due: list === 'referrals_not_attended' ? 'openedOn' : due };
}

export function worklistPage(
  em: EntityManager,
  list: TreatmentWorklist,
  days: readonly SiteDay[],
  readerId: string,
  page: { limit: number; after?: { on: string; id: string } },
): Promise<WorklistLine[]> {
  const { qb, alias, due } = worklistQuery(em, list, days, readerId);
  qb.select(`${alias}.id`, 'id')
    .addSelect(alias === 'pa' ? 'pa.to_treat_id' : 'tt.id', 'toTreatId')
    .addSelect(`${alias}.person_id`, 'personId')
    .addSelect(`${alias}.site_id`, 'siteId')
    .addSelect('tt.infection', 'infection')
    .addSelect(`${alias}.${due}`, 'on')
    .addSelect(alias === 'pa' ? 'pa.pseudonym' : 'NULL', 'pseudonym')
    .addSelect('tt.appointment_on', 'appointmentOn')
    .addSelect('p.file_number', 'fileNumber')
    .addSelect('p.name_used', 'nameUsed');
  const after = page.after && { dueOn: page.after.on, id: page.after.id };
  return duePage(qb, alias, due, { limit: page.limit, after }).getRawMany<WorklistLine>();
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
  const { qb, alias, due } = worklistQuery(em, list, days, readerId);
  return duePage(qb.select(`${alias}.id`), alias, due, { limit: 51 }).getQueryAndParameters();
}
