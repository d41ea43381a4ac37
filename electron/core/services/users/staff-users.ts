/** Staff accounts with their roles and sites, as the contract shows them (row → view). */
import type { EntityManager } from 'typeorm';
import type { StaffUser } from '../../../../shared/contract/users';
import { notFound } from '../../errors';
import { findUser, rolesAndSitesOf, type StaffUserRow } from './repository';

export async function toStaffUsers(em: EntityManager, rows: StaffUserRow[]): Promise<StaffUser[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const { roles, sites } = await rolesAndSitesOf(em, ids);
  return rows.map((row) => {
    const siteIds = sites
      .filter((s) => s.userId === row.id)
      .map((s) => s.siteId)
      .sort();
    return {
      id: row.id,
      username: row.username,
      displayName: row.displayName,
      roles: roles
        .filter((r) => r.userId === row.id)
        .map((r) => r.role)
        .sort(),
      siteIds,
      // A usual site the user no longer works on is no usual site.
      usualSiteId: row.usualSiteId && siteIds.includes(row.usualSiteId) ? row.usualSiteId : null,
      professionalNumber: row.professionalNumber ?? null,
      active: row.active,
      mustChangePassword: row.mustChangePassword,
      locale: row.locale === 'fr' || row.locale === 'en' ? row.locale : null,
      lastLoginAt: row.lastLoginAt,
      deactivatedAt: row.deactivatedAt,
      createdAt: row.createdAt,
      version: row.version,
    };
  });
}

export async function loadStaffUser(em: EntityManager, id: string): Promise<StaffUser> {
  const row = await findUser(em, id);
  if (!row) throw notFound('staff user');
  const [user] = await toStaffUsers(em, [row]);
  return user;
}
