/** Reading staff accounts with their roles and sites, as the contract shows them. */
import { In, type EntityManager } from 'typeorm';
import type { StaffUser } from '../../../../shared/contract/users';
import type { Role } from '../../../../shared/domain/roles';
import { notFound } from '../../errors';
import { StaffUserEntity, StaffUserRoleEntity, StaffUserSiteEntity, type StaffUserRow } from './entities';

export async function toStaffUsers(em: EntityManager, rows: StaffUserRow[]): Promise<StaffUser[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const roles = await em.getRepository(StaffUserRoleEntity).find({ where: { userId: In(ids) } });
  const sites = await em.getRepository(StaffUserSiteEntity).find({ where: { userId: In(ids) } });
  return rows.map((row) => ({
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    roles: roles
      .filter((r) => r.userId === row.id)
      .map((r) => r.role)
      .sort(),
    siteIds: sites
      .filter((s) => s.userId === row.id)
      .map((s) => s.siteId)
      .sort(),
    active: row.active,
    mustChangePassword: row.mustChangePassword,
    locale: row.locale === 'fr' || row.locale === 'en' ? row.locale : null,
    lastLoginAt: row.lastLoginAt,
    deactivatedAt: row.deactivatedAt,
    createdAt: row.createdAt,
    version: row.version,
  }));
}

export async function loadStaffUser(em: EntityManager, id: string): Promise<StaffUser> {
  const row = await em.getRepository(StaffUserEntity).findOneBy({ id });
  if (!row) throw notFound('staff user');
  const [user] = await toStaffUsers(em, [row]);
  return user;
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
