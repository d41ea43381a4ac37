import type { RecordOf } from '../../../../shared/contract/interchange';
import type { StaffUser } from '../../../../shared/contract/users';
import type { RecordAdapter } from '../../interchange/adapter';
import { recordFromView } from '../../interchange/entity-adapter';
import { normalizeUsername } from '../../db/keyring';
import { invalid } from '../../errors';
import { StaffUserEntity } from './entities';
import {
  allUsers,
  findUser,
  insertUser,
  replaceRolesAndSites,
  updateUserRow,
  userIds,
  usernameTaken,
} from './repository';
import { toStaffUsers } from './staff-users';
import { usualSiteOf } from './users-service';

/**
 * Staff accounts travel without any secret: an imported account cannot log in until a
 * coordinator resets its password (it then gets a temporary one, as for a new account).
 */
function userRecord(u: StaffUser): RecordOf<'user'> {
  return recordFromView('user', u);
}

export const userAdapter: RecordAdapter<'user'> = {
  type: 'user',
  entity: StaffUserEntity,
  async exportAll(em) {
    const rows = await allUsers(em);
    return (await toStaffUsers(em, rows)).map(userRecord);
  },
  async find(em, id) {
    const row = await findUser(em, id);
    if (!row) return null;
    const [u] = await toStaffUsers(em, [row]);
    return userRecord(u);
  },
  async existingIds(em) {
    return userIds(em);
  },
  references: (r) => [
    ...r.siteIds.map((id, i) => ({ field: `siteIds.${i}`, type: 'site' as const, id })),
    ...(r.usualSiteId ? [{ field: 'usualSiteId', type: 'site' as const, id: r.usualSiteId }] : []),
  ],
  normalize: (r) => ({
    ...r,
    username: normalizeUsername(r.username),
    roles: [...new Set(r.roles)].sort(),
    siteIds: [...new Set(r.siteIds)].sort(),
  }),
  async create(em, r, now) {
    usualSiteOf(r);
    const username = normalizeUsername(r.username);
    if (await usernameTaken(em, username)) throw invalid('username', 'username_taken');
    await insertUser(em, {
      id: r.id,
      username,
      displayName: r.displayName,
      mustChangePassword: true,
      active: r.active,
      locale: r.locale,
      usualSiteId: r.usualSiteId,
      professionalNumber: r.professionalNumber,
      lastLoginAt: null,
      deactivatedAt: r.active ? null : now,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
    await replaceRolesAndSites(em, r.id, r.roles, r.siteIds);
  },
  async update(em, r, now) {
    const row = await findUser(em, r.id);
    if (!row) throw new Error('an update names an account that exists');
    usualSiteOf(r);
    if (normalizeUsername(r.username) !== row.username) throw invalid('username', 'username_immutable');
    await updateUserRow(em, r.id, {
      displayName: r.displayName,
      active: r.active,
      locale: r.locale,
      usualSiteId: r.usualSiteId,
      professionalNumber: r.professionalNumber,
      deactivatedAt: r.active ? null : (row.deactivatedAt ?? now),
      updatedAt: now,
      version: row.version + 1,
    });
    await replaceRolesAndSites(em, r.id, r.roles, r.siteIds);
  },
};
