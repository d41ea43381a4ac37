/**
 * The break-the-glass grants' table (`access_grant`): every query on it. A grant stays on the file
 * it was given for, even when that file is merged into another (it expires within the hour).
 */
import type { EntityManager } from 'typeorm';
import { findRows } from '../db/fast-read';
import {
  AccessGrantEntity,
  AccessGrantReviewEntity,
  type AccessGrantRow,
  type AccessGrantReviewRow,
} from './entities';

export type { AccessGrantRow, AccessGrantReviewRow };

export async function insertGrant(em: EntityManager, grant: AccessGrantRow): Promise<void> {
  await em.getRepository(AccessGrantEntity).insert(grant);
}

/** The latest-ending grant of this user on this person still running at `now`. */
export async function latestActiveGrant(
  em: EntityManager,
  userId: string,
  personId: string,
  now: Date,
): Promise<AccessGrantRow | null> {
  // Every dossier call's gate asks this: the reader's few grants on this person through the
  // prepared hot-path reader (index user_id, person_id), the latest one kept if still running.
  const [latest] = await findRows(
    em,
    AccessGrantEntity,
    { userId, personId },
    { column: 'expiresAt', direction: 'DESC' },
  );
  return latest && latest.expiresAt > now.toISOString() ? latest : null;
}

/** `latestActiveGrant` for many persons at once: by person, the grants still running at `now`. */
export async function latestActiveGrants(
  em: EntityManager,
  userId: string,
  personIds: readonly string[],
  now: Date,
): Promise<Map<string, AccessGrantRow>> {
  const out = new Map<string, AccessGrantRow>();
  const ids = [...new Set(personIds)];
  const at = now.toISOString();
  for (let start = 0; start < ids.length; start += 900) {
    const rows = await findRows(
      em,
      AccessGrantEntity,
      { userId, personId: ids.slice(start, start + 900) },
      { column: 'expiresAt', direction: 'DESC' },
    );
    // Latest-ending first: the first row of a person is theirs.
    for (const row of rows) if (!out.has(row.personId) && row.expiresAt > at) out.set(row.personId, row);
  }
  return out;
}

/** A grant with its review, if any: the coordination's review list. */
export interface GrantForReview extends AccessGrantRow {
  reviewedBy: string | null;
  reviewedAt: string | null;
}

/** One page of grants, newest first, with the count of all that match; unreviewed only unless `all`. */
export async function grantsForReview(
  em: EntityManager,
  filter: { all: boolean; page: number; pageSize: number },
): Promise<[GrantForReview[], number]> {
  const qb = em
    .getRepository(AccessGrantEntity)
    .createQueryBuilder('g')
    .leftJoin(AccessGrantReviewEntity.options.name, 'r', 'r.grant_id = g.id');
  if (!filter.all) qb.where('r.grant_id IS NULL');
  const total = await qb.getCount();
  const rows = await qb
    .select('g.id', 'id')
    .addSelect('g.user_id', 'userId')
    .addSelect('g.person_id', 'personId')
    .addSelect('g.reason', 'reason')
    .addSelect('g.granted_at', 'grantedAt')
    .addSelect('g.expires_at', 'expiresAt')
    .addSelect('r.reviewed_by', 'reviewedBy')
    .addSelect('r.reviewed_at', 'reviewedAt')
    .orderBy('g.granted_at', 'DESC')
    .addOrderBy('g.id', 'ASC')
    .offset((filter.page - 1) * filter.pageSize)
    .limit(filter.pageSize)
    .getRawMany<GrantForReview>();
  return [rows, total];
}

/** How many grants no one has reviewed. */
export function unreviewedGrantCount(em: EntityManager): Promise<number> {
  return em
    .getRepository(AccessGrantEntity)
    .createQueryBuilder('g')
    .leftJoin(AccessGrantReviewEntity.options.name, 'r', 'r.grant_id = g.id')
    .where('r.grant_id IS NULL')
    .getCount();
}

export function findGrant(em: EntityManager, id: string): Promise<AccessGrantRow | null> {
  return em.getRepository(AccessGrantEntity).findOneBy({ id });
}

export function reviewOfGrant(em: EntityManager, grantId: string): Promise<AccessGrantReviewRow | null> {
  return em.getRepository(AccessGrantReviewEntity).findOneBy({ grantId });
}

export async function insertGrantReview(em: EntityManager, review: AccessGrantReviewRow): Promise<void> {
  await em.getRepository(AccessGrantReviewEntity).insert(review);
}
