/**
 * The break-the-glass grants' table (`access_grant`): every query on it. A grant stays on the file
 * it was given for, even when that file is merged into another (it expires within the hour).
 */
import { MoreThan, type EntityManager } from 'typeorm';
import { AccessGrantEntity, type AccessGrantRow } from './entities';

export type { AccessGrantRow };

export async function insertGrant(em: EntityManager, grant: AccessGrantRow): Promise<void> {
  await em.getRepository(AccessGrantEntity).insert(grant);
}

/** The latest-ending grant of this user on this person still running at `now`. */
export function latestActiveGrant(
  em: EntityManager,
  userId: string,
  personId: string,
  now: Date,
): Promise<AccessGrantRow | null> {
  return em.getRepository(AccessGrantEntity).findOne({
    where: { userId, personId, expiresAt: MoreThan(now.toISOString()) },
    order: { expiresAt: 'DESC' },
  });
}
