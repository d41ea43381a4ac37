/**
 * The staff accounts' tables (`staff_user`, `staff_user_role`, `staff_user_site`): every query on
 * them. Other capabilities ask here (an account, its roles and sites), never through the entities;
 * staff names for lists are `staff-names.ts`.
 */
import { Brackets, type EntityManager } from 'typeorm';
import type { Role } from '../../../../shared/domain/roles';
import { findRows } from '../../db/fast-read';
import {
  StaffUserEntity,
  StaffUserRoleEntity,
  StaffUserSiteEntity,
  type StaffUserRoleRow,
  type StaffUserRow,
  type StaffUserSiteRow,
} from './entities';

export type { StaffUserRow };

export function findUser(em: EntityManager, id: string): Promise<StaffUserRow | null> {
  return em.getRepository(StaffUserEntity).findOneBy({ id });
}

export function findUserByUsername(em: EntityManager, username: string): Promise<StaffUserRow | null> {
  return em.getRepository(StaffUserEntity).findOneBy({ username });
}

export function usernameTaken(em: EntityManager, username: string): Promise<boolean> {
  return em.getRepository(StaffUserEntity).existsBy({ username });
}

export async function insertUser(em: EntityManager, row: StaffUserRow): Promise<void> {
  await em.getRepository(StaffUserEntity).insert(row);
}

export async function updateUserRow(
  em: EntityManager,
  id: string,
  changes: Partial<Omit<StaffUserRow, 'id'>>,
): Promise<void> {
  await em.getRepository(StaffUserEntity).update({ id }, changes);
}

/** Every account, by id (the export). */
export function allUsers(em: EntityManager): Promise<StaffUserRow[]> {
  return em.getRepository(StaffUserEntity).find({ order: { id: 'ASC' } });
}

export async function userIds(em: EntityManager): Promise<Set<string>> {
  return new Set((await em.getRepository(StaffUserEntity).find({ select: { id: true } })).map((u) => u.id));
}

export function activeUsersByName(em: EntityManager): Promise<StaffUserRow[]> {
  return em.getRepository(StaffUserEntity).find({ where: { active: true }, order: { displayName: 'ASC' } });
}

/** One page of accounts by display name, filtered by a text in the user name or display name. */
export function usersPage(
  em: EntityManager,
  filter: {
    includeInactive?: boolean | undefined;
    query?: string | undefined;
    page: number;
    pageSize: number;
  },
): Promise<[StaffUserRow[], number]> {
  const qb = em.getRepository(StaffUserEntity).createQueryBuilder('u');
  if (!filter.includeInactive) qb.andWhere('u.active = :active', { active: true });
  if (filter.query) {
    const like = `%${filter.query.toLowerCase()}%`;
    qb.andWhere(
      new Brackets((w) =>
        w
          .where('LOWER(u.username) LIKE :like', { like })
          .orWhere('LOWER(u.display_name) LIKE :like', { like }),
      ),
    );
  }
  return qb
    .orderBy('u.display_name', 'ASC')
    .skip((filter.page - 1) * filter.pageSize)
    .take(filter.pageSize)
    .getManyAndCount();
}

/** Active coordinators other than this account. */
export function otherActiveCoordinators(em: EntityManager, userId: string): Promise<number> {
  return em
    .getRepository(StaffUserRoleEntity)
    .createQueryBuilder('r')
    .innerJoin('staff_user', 'u', 'u.id = r.user_id')
    .where('r.role = :role', { role: 'coordinator' })
    .andWhere('u.active = :active', { active: true })
    .andWhere('u.id != :id', { id: userId })
    .getCount();
}

export async function rolesAndSitesOf(
  em: EntityManager,
  ids: readonly string[],
): Promise<{ roles: StaffUserRoleRow[]; sites: StaffUserSiteRow[] }> {
  // Plain rows, no entity hydration: read on every session check and worklist call.
  const roles = await findRows(
    em,
    StaffUserRoleEntity,
    { userId: ids },
    { column: 'userId', direction: 'ASC' },
  );
  const sites = await findRows(
    em,
    StaffUserSiteEntity,
    { userId: ids },
    { column: 'userId', direction: 'ASC' },
  );
  return { roles, sites };
}

export async function replaceRolesAndSites(
  em: EntityManager,
  userId: string,
  roles: readonly Role[],
  siteIds: readonly string[],
): Promise<void> {
  await em.getRepository(StaffUserRoleEntity).delete({ userId });
  await em.getRepository(StaffUserSiteEntity).delete({ userId });
  await em.getRepository(StaffUserRoleEntity).insert([...new Set(roles)].map((role) => ({ userId, role })));
  await em
    .getRepository(StaffUserSiteEntity)
    .insert([...new Set(siteIds)].map((siteId) => ({ userId, siteId })));
}
