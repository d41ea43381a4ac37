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

async function assertSitesExist(em: EntityManager, siteIds: readonly string[]): Promise<void> {
  const found = await countSites(em, siteIds);
  if (found !== new Set(siteIds).size) throw invalid('siteIds', 'unknown_site');
}

export async function createUser(
  ctx: CoreContext,
  actor: Actor,
  input: In<'users.create'>,
): Promise<{ user: StaffUser; temporaryPassword: string }> {
  const store = ctx.vault.requireStore();
  const username = normalizeUsername(input.username);
  const password = temporaryPassword();
  const wrapped = await wrapKey(ctx.vault.requireDataKey(), password, ctx.kdfCost);
  const created = await store.transaction(async (em) => {
    if (await usernameTaken(em, username)) throw invalid('username', 'username_taken');
    await assertSitesExist(em, input.siteIds);
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
        detail: { roles: input.roles.join(',') },
      },
      ctx.clock(),
    );
    return { user: await loadStaffUser(em, row.id), temporaryPassword: password };
  });
  // After the commit: a transaction that fails (even at COMMIT) leaves no key for an account that
  // does not exist. Should this write fail, the account exists without a key: a reset gives it one.
  ctx.vault.getKeyring().setAccount(username, { userId: created.user.id, wrapped });
  return created;
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
    await assertSitesExist(em, input.siteIds);
    if (row.active) await assertKeepsACoordinator(em, row.id, input.roles);
    await updateUserRow(em, row.id, {
      displayName: input.displayName,
      locale: input.locale === undefined ? row.locale : input.locale,
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
        detail: { roles: input.roles.join(',') },
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
  const store = ctx.vault.requireStore();
  const password = temporaryPassword();
  const wrapped = await wrapKey(ctx.vault.requireDataKey(), password, ctx.kdfCost);
  const result = await store.transaction(async (em) => {
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
    return { user: await loadStaffUser(em, row.id), temporaryPassword: password, username: row.username };
  });
  // After the commit, so a failed transaction keeps the old key. Should this write fail, the old
  // password still opens the account, which must then change it (the database says so).
  ctx.vault.getKeyring().setAccount(result.username, { userId: input.id, wrapped });
  ctx.sessions.closeAllOf(input.id);
  return { user: result.user, temporaryPassword: result.temporaryPassword };
}

export async function deactivateUser(
  ctx: CoreContext,
  actor: Actor,
  input: In<'users.deactivate'>,
): Promise<StaffUser> {
  const store = ctx.vault.requireStore();
  const user = await store.transaction(async (em) => {
    const row = await lockedForUpdate(em, input.id, input.version);
    // Already inactive: nothing to write, but a key left by a keyring write that failed goes below.
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
    return loadStaffUser(em, row.id);
  });
  // After the commit, so a failed transaction leaves an active account with its key. Should this
  // write fail, the inactive account's key opens nothing (login checks the account is active),
  // and deactivating it again removes the key.
  const keyring = ctx.vault.getKeyring();
  if (!user.active && keyring.hasUser(user.id)) keyring.removeUser(user.id);
  ctx.sessions.closeAllOf(input.id);
  return user;
}
