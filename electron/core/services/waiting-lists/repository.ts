/**
 * The waiting lists' tables (`waiting_list_entry`, `workshop`): every query on them. Other
 * capabilities never read them; the appointments' arrival reaches them through `on-arrival.ts`.
 */
import { In, MoreThanOrEqual, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { WaitingListList } from '../../../../shared/domain/waiting-lists';
import { findRows } from '../../db/fast-read';
import { linkedTable } from '../../dossier/section';
import { hasCurrentConsent, joinPersonNames } from '../persons/repository';
import {
  WaitingListEntryEntity,
  WorkshopEntity,
  type WaitingListEntryRow,
  type WorkshopRow,
} from './entities';

export type { WaitingListEntryRow, WorkshopRow };

/** A person's waiting-list entries follow the file on a merge. */
export const waitingListTable = linkedTable('waiting_list_entries', WaitingListEntryEntity);

/** A person's entries, latest request first (the dossier's hot path: no per-row hydration). */
export function entriesOfPerson(em: EntityManager, personId: string): Promise<WaitingListEntryRow[]> {
  return findRows(em, WaitingListEntryEntity, { personId }, { column: 'requestedOn', direction: 'DESC' });
}

export function findEntry(em: EntityManager, id: string): Promise<WaitingListEntryRow | null> {
  return em.getRepository(WaitingListEntryEntity).findOneBy({ id });
}

export async function insertEntry(em: EntityManager, row: WaitingListEntryRow): Promise<void> {
  await em.getRepository(WaitingListEntryEntity).insert(row);
}

export async function saveEntry(em: EntityManager, row: WaitingListEntryRow): Promise<void> {
  await em.getRepository(WaitingListEntryEntity).save(row);
}

/**
 * The person's oldest open entry (waiting or booked) of a specialty: the one a specialist
 * consultation answers. Oldest request first, then the earliest written.
 */
export function oldestOpenEntry(
  em: EntityManager,
  personId: string,
  specialty: string,
): Promise<WaitingListEntryRow | null> {
  return em.getRepository(WaitingListEntryEntity).findOne({
    where: [
      { personId, specialty, status: 'waiting' },
      { personId, specialty, status: 'booked' },
    ],
    order: { requestedOn: 'ASC', createdAt: 'ASC' },
  });
}

/** The entries booked on an appointment (one, unless an import says otherwise). */
export function bookedEntriesOfAppointment(
  em: EntityManager,
  appointmentId: string,
): Promise<WaitingListEntryRow[]> {
  return em.getRepository(WaitingListEntryEntity).findBy({ appointmentId, status: 'booked' });
}

/** Seats taken in each workshop: its entries booked or already seen. */
export async function seatsTaken(
  em: EntityManager,
  workshopIds: readonly string[],
): Promise<Map<string, number>> {
  if (workshopIds.length === 0) return new Map();
  const rows = await em
    .getRepository(WaitingListEntryEntity)
    .createQueryBuilder('e')
    .select('e.workshopId', 'workshopId')
    .addSelect('COUNT(*)', 'taken')
    .where('e.workshopId IN (:...ids)', { ids: [...new Set(workshopIds)] })
    .andWhere('e.status IN (:...taken)', { taken: ['booked', 'seen'] })
    .groupBy('e.workshopId')
    .getRawMany<{ workshopId: string; taken: number | string }>();
  return new Map(rows.map((r) => [r.workshopId, Number(r.taken)]));
}

/** The entries holding a seat in a workshop (booked or seen), by id. */
export async function seatHolderIds(em: EntityManager, workshopId: string): Promise<string[]> {
  const rows = await em
    .getRepository(WaitingListEntryEntity)
    .find({ select: { id: true }, where: { workshopId, status: In(['booked', 'seen']) } });
  return rows.map((r) => r.id);
}

/** Whether the person already holds a seat in the workshop. */
export async function holdsSeat(em: EntityManager, workshopId: string, personId: string): Promise<boolean> {
  const count = await em
    .getRepository(WaitingListEntryEntity)
    .countBy({ workshopId, personId, status: In(['booked', 'seen']) });
  return count > 0;
}

export interface WorklistFilter {
  specialty: string;
  list: WaitingListList;
  siteIds: readonly string[];
  /** The reader: their own referrals stay on their list whatever the consent. */
  readerId: string;
  after: { requestedOn: string; id: string } | null;
  limit: number;
}

export interface WorklistRaw {
  id: string;
  personId: string;
  siteId: string;
  specialty: string;
  requestedOn: string;
  origin: WaitingListEntryRow['origin'];
  note: string | null;
  status: WaitingListEntryRow['status'];
  version: number;
  personNameUsed: string;
  personFileNumber: string;
}

/**
 * One specialty's list as one statement on its `(specialty, status, site_id, requested_on)` index:
 * the open range, the reader's sites, the keyset after the cursor; joined to the person (name, file
 * number) and to the consent filter. Exported so that the query plan can be checked.
 */
export function worklistQuery(em: EntityManager, filter: WorklistFilter) {
  const qb = em
    .getRepository(WaitingListEntryEntity)
    .createQueryBuilder('e')
    .select('e.id', 'id')
    .addSelect('e.personId', 'personId')
    .addSelect('e.siteId', 'siteId')
    .addSelect('e.specialty', 'specialty')
    .addSelect('e.requestedOn', 'requestedOn')
    .addSelect('e.origin', 'origin')
    .addSelect('e.note', 'note')
    .addSelect('e.status', 'status')
    .addSelect('e.version', 'version')
    .where('e.specialty = :specialty', { specialty: filter.specialty })
    .andWhere('e.status = :status', { status: filter.list })
    .andWhere('e.siteId IN (:...siteIds)', { siteIds: [...filter.siteIds] });
  joinPersonNames(qb, 'e.person_id');
  if (filter.after)
    qb.andWhere('e.requestedOn >= :afterOn', { afterOn: filter.after.requestedOn }).andWhere(
      '(e.requestedOn > :afterOn OR e.id > :afterId)',
      { afterId: filter.after.id },
    );
  qb.andWhere(`(${hasCurrentConsent(qb, 'e.person_id', 'care_team')} OR e.requestedBy = :readerId)`, {
    readerId: filter.readerId,
  });
  return qb.orderBy('e.requestedOn', 'ASC').addOrderBy('e.id', 'ASC').limit(filter.limit);
}

export function worklistPage(em: EntityManager, filter: WorklistFilter): Promise<WorklistRaw[]> {
  return worklistQuery(em, filter).getRawMany<WorklistRaw>();
}

/**
 * How many entries wait and are booked per specialty, with the list's filters, in one statement
 * on the same index (an `IN` over the specialties, the two open states and the sites).
 */
export function worklistCountsQuery(
  em: EntityManager,
  filter: { specialties: readonly string[]; siteIds: readonly string[]; readerId: string },
) {
  const qb = em
    .getRepository(WaitingListEntryEntity)
    .createQueryBuilder('e')
    .select('e.specialty', 'specialty')
    .addSelect('e.status', 'status')
    .addSelect('COUNT(*)', 'count')
    .where('e.specialty IN (:...specialties)', { specialties: [...filter.specialties] })
    .andWhere('e.status IN (:...open)', { open: ['waiting', 'booked'] })
    .andWhere('e.siteId IN (:...siteIds)', { siteIds: [...filter.siteIds] });
  qb.andWhere(`(${hasCurrentConsent(qb, 'e.person_id', 'care_team')} OR e.requestedBy = :readerId)`, {
    readerId: filter.readerId,
  });
  return qb.groupBy('e.specialty').addGroupBy('e.status');
}

export async function worklistCounts(
  em: EntityManager,
  filter: { specialties: readonly string[]; siteIds: readonly string[]; readerId: string },
): Promise<Array<{ specialty: string; status: string; count: number }>> {
  if (filter.specialties.length === 0 || filter.siteIds.length === 0) return [];
  const rows = await worklistCountsQuery(em, filter).getRawMany<{
    specialty: string;
    status: string;
    count: number | string;
  }>();
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

/** Every entry, by id (the export). */
export function allEntries(em: EntityManager): Promise<WaitingListEntryRow[]> {
  return em.getRepository(WaitingListEntryEntity).find({ order: { id: 'ASC' } });
}

// ---------------------------------------------------------------------------------------------
// Workshops (centre data)

export function findWorkshop(em: EntityManager, id: string): Promise<WorkshopRow | null> {
  return em.getRepository(WorkshopEntity).findOneBy({ id });
}

export function workshopsByIds(em: EntityManager, ids: readonly string[]): Promise<WorkshopRow[]> {
  return ids.length
    ? em.getRepository(WorkshopEntity).findBy({ id: In([...new Set(ids)]) })
    : Promise.resolve([]);
}

export async function saveWorkshopRow(em: EntityManager, row: WorkshopRow): Promise<void> {
  await em.getRepository(WorkshopEntity).save(row);
}

/** The workshops from an instant on (a site, a specialty), by start; at most 500. */
export function workshopsFrom(
  em: EntityManager,
  filter: { siteId?: string | undefined; specialty?: string | undefined; from: string },
): Promise<WorkshopRow[]> {
  const where: FindOptionsWhere<WorkshopRow> = { startsAt: MoreThanOrEqual(filter.from) };
  if (filter.siteId) where.siteId = filter.siteId;
  if (filter.specialty) where.specialty = filter.specialty;
  return em.getRepository(WorkshopEntity).find({ where, order: { startsAt: 'ASC', id: 'ASC' }, take: 500 });
}

/** Every workshop, by id (the export). */
export function allWorkshops(em: EntityManager): Promise<WorkshopRow[]> {
  return em.getRepository(WorkshopEntity).find({ order: { id: 'ASC' } });
}
