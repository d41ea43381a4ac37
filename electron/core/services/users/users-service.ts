/**
 * Staff accounts: a coordinator creates an account with a temporary password that must be changed
 * at first login, resets it, changes roles and sites, deactivates (history kept, wrapped key
 * removed so the account can no longer open the data).
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ChannelOutput, ParsedInput as In } from '../../../../shared/contract';
import type { StaffUser } from '../../../../shared/contract/users';
import type { Role } from '../../../../shared/domain/roles';
import type { Actor } from '../../access/gate';
import { appendAudit } from '../../audit/audit-log';
import type { CoreContext } from '../../context';
import { normalizeUsername } from '../../db/keyring';
import { wrapKey } from '../../db/keywrap';
import { conflict, invalid } from '../../errors';
import { temporaryPassword } from '../auth/passwords';
import { countSites } from '../centre/repository';
import {
  activeUsersByName,
  findUser,
  insertUser,
  otherActiveCoordinators,
  replaceRolesAndSites,
  updateUserRow,
  usernameTaken,
  usersPage,
  type StaffUserRow,
} from './repository';
import { loadStaffUser, toStaffUsers } from './staff-users';

export async function listUsers(
  ctx: CoreContext,
  input: In<'users.list'>,
): Promise<ChannelOutput<'users.list'>> {
  const store = ctx.vault.requireStore();
  return store.exclusive(async () => {
    const { page, pageSize } = input;
    const [rows, total] = await usersPage(store.manager, input);
    return { items: await toStaffUsers(store.manager, rows), total, page, pageSize };
  });
}

export async function listProfessionals(
  ctx: CoreContext,
  input: In<'users.professionals'>,
): Promise<ChannelOutput<'users.professionals'>> {
  const store = ctx.vault.requireStore();
  return store.exclusive(async () => {
    const rows = await activeUsersByName(store.manager);
    const users = await toStaffUsers(store.manager, rows);
    return users
      .filter((u) => !input.siteId || u.siteIds.includes(input.siteId))
      .filter((u) => u.roles.some((r) => r !== 'coordinator'))
      .map((u) => ({ id: u.id, displayName: u.displayName, roles: u.roles, siteIds: u.siteIds }));
  });
}

/** The usual site is one of the user's sites (or none). */
export function usualSiteOf(input: {
  siteIds: readonly string[];
  usualSiteId?: string | null;
}): string | null {
  const usual = input.usualSiteId ?? null;
  if (usual !== null && !input.siteIds.includes(usual))
    throw invalid('usualSiteId', 'usual_site_not_assigned');
  return usual;
}

async function assertSitesExist(em: EntityManager, siteIds: readonly string[]): Promise<void> {
  const found = await countSites(em, siteIds);
  if (found !== new Set(siteIds).size) throw invalid('siteIds', 'unknown_site');
}

export async function createUser(
  ctx: CoreContext,
  actor: Actor,
  input: In<'users.create'>,
): Promise<{ user: StaffUser; temporaryPassword: string }> {
  ctx.vault.requireStore(); // locked: refuse before the slow key wrap
  const username = normalizeUsername(input.username);
  const password = temporaryPassword();
  const wrapped = await wrapKey(ctx.vault.requireDataKey(), password, ctx.kdfCost);
  // The keyring changes last, in the same unit of work: both change, or neither (vault.ts).
  return ctx.vault.keyringTransaction(async (em, keyring) => {
    if (await usernameTaken(em, username)) throw invalid('username', 'username_taken');
    await assertSitesExist(em, input.siteIds);
    const usualSiteId = usualSiteOf(input);
    const now = ctx.clock().toISOString();
    const row: StaffUserRow = {
      id: randomUUID(),
      username,
      displayName: input.displayName,
      mustChangePassword: true,
      active: true,
      locale: input.locale ?? null,
      lastLoginAt: null,
      deactivatedAt: null,
      usualSiteId,
      professionalNumber: input.professionalNumber || null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await insertUser(em, row);
    await replaceRolesAndSites(em, row.id, input.roles, input.siteIds);
    await appendAudit(
      em,
      {
        actorId: actor.userId,
        action: 'create',
        targetType: 'staff_user',
        targetId: row.id,
        detail: { rolesBefore: '', rolesAfter: [...new Set(input.roles)].sort().join(',') },
      },
      ctx.clock(),
    );
    const user = await loadStaffUser(em, row.id);
    keyring.setAccount(username, { userId: row.id, wrapped });
    return { user, temporaryPassword: password };
  });
}

/** A centre must always keep one active coordinator, or nobody could manage it any more. */
async function assertKeepsACoordinator(
  em: EntityManager,
  userId: string,
  rolesAfter: readonly Role[] | null,
): Promise<void> {
  if (rolesAfter?.includes('coordinator')) return;
  const coordinators = await otherActiveCoordinators(em, userId);
  if (coordinators === 0) throw invalid(rolesAfter ? 'roles' : 'id', 'last_coordinator');
}

async function lockedForUpdate(em: EntityManager, id: string, version: number): Promise<StaffUserRow> {
  const row = await findUser(em, id);
  if (!row) throw invalid('id', 'unknown_user');
  if (row.version !== version) throw conflict('staff user');
  return row;
}

export async function updateUser(
  ctx: CoreContext,
  actor: Actor,
  input: In<'users.update'>,
): Promise<StaffUser> {
  const store = ctx.vault.requireStore();
  return store.transaction(async (em) => {
    const row = await lockedForUpdate(em, input.id, input.version);
    const before = [...(await loadStaffUser(em, row.id)).roles].sort();
    const after = [...new Set(input.roles)].sort();
    const rolesChange = before.join(',') !== after.join(',');
    await assertSitesExist(em, input.siteIds);
    if (row.active) await assertKeepsACoordinator(em, row.id, input.roles);
    // Nobody grants themselves a role: a coordinator adding "doctor" to their own account would
    // open every clinical note. Giving one up is allowed; another coordinator grants, audited.
    const gains = after.some((role) => !before.includes(role));
    if (gains && input.id === actor.userId) throw invalid('roles', 'own_roles');
    await updateUserRow(em, row.id, {
      displayName: input.displayName,
      locale: input.locale === undefined ? row.locale : input.locale,
      // Left out: the stored one while it is still one of the account's sites; a site taken away
      // takes the usual site with it (stored as none, not kept stale behind a mask).
      usualSiteId:
        input.usualSiteId === undefined
          ? row.usualSiteId && input.siteIds.includes(row.usualSiteId)
            ? row.usualSiteId
            : null
          : usualSiteOf(input),
      professionalNumber:
        input.professionalNumber === undefined
          ? (row.professionalNumber ?? null)
          : input.professionalNumber || null,
      updatedAt: ctx.clock().toISOString(),
      version: row.version + 1,
    });
    await replaceRolesAndSites(em, row.id, input.roles, input.siteIds);
    await appendAudit(
      em,
      {
        actorId: actor.userId,
        action: 'update',
        targetType: 'staff_user',
        targetId: row.id,
        detail: rolesChange
          ? { rolesBefore: before.join(','), rolesAfter: after.join(',') }
          : { roles: after.join(',') },
      },
      ctx.clock(),
    );
    return loadStaffUser(em, row.id);
  });
}

export async function resetPassword(
  ctx: CoreContext,
  actor: Actor,
  input: In<'users.resetPassword'>,
): Promise<{ user: StaffUser; temporaryPassword: string }> {
  const password = temporaryPassword();
  const wrapped = await wrapKey(ctx.vault.requireDataKey(), password, ctx.kdfCost);
  const result = await ctx.vault.keyringTransaction(async (em, keyring) => {
    const row = await findUser(em, input.id);
    if (!row) throw invalid('id', 'unknown_user');
    if (!row.active) throw invalid('id', 'user_inactive');
    await updateUserRow(em, row.id, {
      mustChangePassword: true,
      updatedAt: ctx.clock().toISOString(),
      version: row.version + 1,
    });
    await appendAudit(
      em,
      { actorId: actor.userId, action: 'password_reset', targetType: 'staff_user', targetId: row.id },
      ctx.clock(),
    );
    const user = await loadStaffUser(em, row.id);
    keyring.setAccount(row.username, { userId: row.id, wrapped });
    return { user, temporaryPassword: password };
  });
  ctx.sessions.closeAllOf(input.id);
  return result;
}

export async function deactivateUser(
  ctx: CoreContext,
  actor: Actor,
  input: In<'users.deactivate'>,
): Promise<StaffUser> {
  const user = await ctx.vault.keyringTransaction(async (em, keyring) => {
    const row = await lockedForUpdate(em, input.id, input.version);
    if (!row.active) return loadStaffUser(em, row.id);
    await assertKeepsACoordinator(em, row.id, null);
    const now = ctx.clock().toISOString();
    await updateUserRow(em, row.id, {
      active: false,
      deactivatedAt: now,
      updatedAt: now,
      version: row.version + 1,
    });
    await appendAudit(
      em,
      { actorId: actor.userId, action: 'deactivate', targetType: 'staff_user', targetId: row.id },
      ctx.clock(),
    );
    const deactivated = await loadStaffUser(em, row.id);
    keyring.removeUser(row.id);
    return deactivated;
  });
  ctx.sessions.closeAllOf(input.id);
  return user;
}
