/**
 * The appointments' table (`appointment`): every query on it. Other capabilities ask here, and
 * check-in marks an appointment arrived through `markArrived`, never through the entities.
 */
import { In, LessThan, MoreThan, Not, type EntityManager } from 'typeorm';
import { findRows } from '../../db/fast-read';
import { linkedTable } from '../../dossier/section';
import { AppointmentEntity, type AppointmentRow } from './entities';

export type { AppointmentRow };

/** A person's appointments follow the file on a merge. */
export const appointmentsTable = linkedTable('appointments', AppointmentEntity);

/** A person's appointments, latest first (the dossier's hot path: no per-row hydration). */
export function appointmentsOfPerson(em: EntityManager, personId: string): Promise<AppointmentRow[]> {
  return findRows(em, AppointmentEntity, { personId }, { column: 'startsAt', direction: 'DESC' });
}

export function findAppointment(em: EntityManager, id: string): Promise<AppointmentRow | null> {
  return em.getRepository(AppointmentEntity).findOneBy({ id });
}

export async function insertAppointment(em: EntityManager, row: AppointmentRow): Promise<void> {
  await em.getRepository(AppointmentEntity).insert(row);
}

export async function saveAppointment(em: EntityManager, row: AppointmentRow): Promise<void> {
  await em.getRepository(AppointmentEntity).save(row);
}

/**
 * The person has arrived for this appointment (check-in): its status becomes `arrived`, with the
 * next version. Returns the appointment as it was, or null when it is not this person's.
 */
export async function markArrived(
  em: EntityManager,
  id: string,
  personId: string,
  now: Date,
): Promise<AppointmentRow | null> {
  const appointment = await findAppointment(em, id);
  if (!appointment || appointment.personId !== personId) return null;
  await em
    .getRepository(AppointmentEntity)
    .update(
      { id: appointment.id },
      { status: 'arrived', updatedAt: now.toISOString(), version: appointment.version + 1 },
    );
  return appointment;
}

/** A person's appointments still booked that started before `before` (candidates for "absent"). */
export function bookedOfPersonBefore(
  em: EntityManager,
  personId: string,
  before: string,
): Promise<AppointmentRow[]> {
  return em.getRepository(AppointmentEntity).find({
    where: { personId, status: 'booked', startsAt: LessThan(before) },
    order: { startsAt: 'ASC' },
  });
}

/** Not honoured by the end of its day: `no_show`, with the next version. Returns the new row. */
export async function markNoShow(em: EntityManager, row: AppointmentRow, now: Date): Promise<AppointmentRow> {
  const next: AppointmentRow = {
    ...row,
    status: 'no_show',
    updatedAt: now.toISOString(),
    version: row.version + 1,
  };
  await em
    .getRepository(AppointmentEntity)
    .update({ id: row.id }, { status: next.status, updatedAt: next.updatedAt, version: next.version });
  return next;
}

/** The professional's appointments still on (not cancelled, not missed) that overlap [start, end). */
export function countOverlapping(
  em: EntityManager,
  professionalId: string,
  start: string,
  end: string,
  exceptId: string | null,
): Promise<number> {
  return em.getRepository(AppointmentEntity).count({
    where: {
      professionalId,
      status: Not(In(['cancelled', 'no_show'])),
      startsAt: LessThan(end),
      endsAt: MoreThan(start),
      ...(exceptId ? { id: Not(exceptId) } : {}),
    },
  });
}

export interface AgendaFilter {
  siteId: string;
  /** ISO instants: appointments overlapping [from, to). */
  from: string;
  to: string;
  professionalId?: string | undefined;
  room?: string | undefined;
  includeCancelled?: boolean | undefined;
}

/** The agenda of a site over a period, by start (at most 2000). */
export function agenda(em: EntityManager, filter: AgendaFilter): Promise<AppointmentRow[]> {
  const qb = em
    .getRepository(AppointmentEntity)
    .createQueryBuilder('a')
    .where('a.site_id = :siteId', { siteId: filter.siteId })
    .andWhere('a.starts_at < :to', { to: filter.to })
    .andWhere('a.ends_at > :from', { from: filter.from });
  if (filter.professionalId) qb.andWhere('a.professional_id = :pid', { pid: filter.professionalId });
  if (filter.room) qb.andWhere('a.room = :room', { room: filter.room });
  if (!filter.includeCancelled) qb.andWhere('a.status != :cancelled', { cancelled: 'cancelled' });
  return qb.orderBy('a.starts_at', 'ASC').take(2000).getMany();
}

/** A site's booked appointments starting after `from`, by start (the reminders). */
export function bookedAfter(em: EntityManager, siteId: string, from: string): Promise<AppointmentRow[]> {
  return em.getRepository(AppointmentEntity).find({
    where: { siteId, status: 'booked', startsAt: MoreThan(from) },
    order: { startsAt: 'ASC' },
  });
}
