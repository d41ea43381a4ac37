/**
 * Reading the audit log (`audit_log`) for the screens: the coordinator's list and a person's
 * "who looked at my file". Appending and verifying the chain are `audit-log.ts` (its hot path).
 */
import { Not, type EntityManager } from 'typeorm';
import { AuditEntity, type AuditRow } from './entities';

export type { AuditRow };

export interface AuditFilter {
  actorId?: string | undefined;
  personId?: string | undefined;
  /** Entries about any of these persons (a search by file number or name); empty: none match. */
  personIds?: readonly string[] | undefined;
  action?: string | undefined;
  /** ISO instants, inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

/** One page of entries, newest first, with the count of all that match. */
export function auditPage(em: EntityManager, filter: AuditFilter): Promise<[AuditRow[], number]> {
  const qb = em.getRepository(AuditEntity).createQueryBuilder('a');
  if (filter.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: filter.actorId });
  if (filter.personId) qb.andWhere('a.person_id = :personId', { personId: filter.personId });
  if (filter.personIds) {
    if (filter.personIds.length === 0) return Promise.resolve([[], 0]);
    qb.andWhere('a.person_id IN (:...personIds)', { personIds: filter.personIds });
  }
  if (filter.action) qb.andWhere('a.action = :action', { action: filter.action });
  if (filter.from) qb.andWhere('a.at >= :from', { from: filter.from });
  if (filter.to) qb.andWhere('a.at <= :to', { to: filter.to });
  return qb
    .orderBy('a.seq', 'DESC')
    .skip((filter.page - 1) * filter.pageSize)
    .take(filter.pageSize)
    .getManyAndCount();
}

/**
 * What was done with a person's file, newest first: refused attempts (`denied`) are left out —
 * nothing of the file was looked at, and the coordinator's audit viewer lists them.
 */
export function auditOfPerson(em: EntityManager, personId: string, take: number): Promise<AuditRow[]> {
  return em
    .getRepository(AuditEntity)
    .find({ where: { personId, action: Not('denied') }, order: { seq: 'DESC' }, take });
}

/**
 * Per person and hour since `since`, how many different dossiers they read or tried to read, when
 * more than `threshold`. A refused attempt (`denied`) counts: someone opening file after file they
 * may not read is exactly what this review is for. Grouped in SQL on the hour prefix of the ISO
 * instant (portable: `substr`).
 */
export async function readsPerHourAbove(
  em: EntityManager,
  since: string,
  threshold: number,
): Promise<Array<{ actorId: string; hour: string; dossiers: number }>> {
  const rows = await em
    .getRepository(AuditEntity)
    .createQueryBuilder('a')
    .select('a.actor_id', 'actorId')
    .addSelect('substr(a.at, 1, 13)', 'hour')
    .addSelect('count(distinct a.person_id)', 'dossiers')
    .where("a.action IN ('read', 'denied')")
    .andWhere('a.person_id IS NOT NULL')
    .andWhere('a.actor_id IS NOT NULL')
    .andWhere('a.at >= :since', { since })
    .groupBy('a.actor_id')
    .addGroupBy('substr(a.at, 1, 13)')
    .having('count(distinct a.person_id) > :threshold', { threshold })
    .orderBy('hour', 'DESC')
    .getRawMany<{ actorId: string; hour: string; dossiers: number | string }>();
  return rows.map((r) => ({
    actorId: r.actorId,
    hour: `${r.hour}:00:00.000Z`,
    dossiers: Number(r.dossiers),
  }));
}

/**
 * The sections `actorId` read on `personId` between `from` and `to` that the gate allowed only
 * through a break-the-glass grant (read entries marked `via: break_glass`).
 */
export async function sectionsReadUnderGrant(
  em: EntityManager,
  actorId: string,
  personId: string,
  from: string,
  to: string,
): Promise<string[]> {
  const rows = await em
    .getRepository(AuditEntity)
    .createQueryBuilder('a')
    .select('DISTINCT a.section', 'section')
    .where('a.person_id = :personId', { personId })
    .andWhere('a.actor_id = :actorId', { actorId })
    .andWhere("a.action = 'read'")
    .andWhere('a.section IS NOT NULL')
    .andWhere('a.at >= :from AND a.at <= :to', { from, to })
    .andWhere('a.detail LIKE :via', { via: '%"via":"break_glass"%' })
    .orderBy('a.section')
    .getRawMany<{ section: string }>();
  return rows.map((r) => r.section);
}
