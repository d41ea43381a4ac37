/**
 * Logging in unwraps the data key with the password: the first login after a start opens the
 * store. A wrong password or an unknown user name get the same answer, take the same time, slow
 * the next attempt down, and never touch the database file.
 */
import type { ParsedInput as In } from '../../../../shared/contract';
import type { SessionState } from '../../../../shared/contract/auth';
import { permissionsOf } from '../../../../shared/domain/access-policy';
import { appendAudit } from '../../audit/audit-log';
import type { CoreContext } from '../../context';
import { StoreError } from '../../db/errors';
import { normalizeUsername } from '../../db/keyring';
import { unwrapDecoy, unwrapKey, wrapKey } from '../../db/keywrap';
import { DomainError } from '../../errors';
import { readCentre } from '../centre/centre-service';
import { findUser, updateUserRow } from '../users/repository';
import { loadStaffUser } from '../users/staff-users';
import { checkNewPassword } from './passwords';
import { LoginBusy } from './throttle';
import type { Session } from './sessions';
import { sitesByIds } from '../centre/repository';

const WRONG = 'wrong user name or password';

async function verifyPassword(
  ctx: CoreContext,
  username: string,
  password: string,
  client: string,
): Promise<{ key: Buffer; userId: string }> {
  const keyring = ctx.vault.getKeyring();
  const lookupId = keyring.lookupId(username);
  // One attempt at a time per account: a guess sent in parallel waits for the verdict on the one
  // before it, and then meets the throttle, instead of all passing the check at once.
  return ctx.throttle.oneAtATime(lookupId, async () => {
    const wait = ctx.throttle.retryAfter(lookupId, client);
    if (wait > 0)
      throw new DomainError('throttled', 'too many failed attempts; wait', undefined, {
        retryAfterSeconds: wait,
      });
    const account = keyring.account(username);
    let key: Buffer | null;
    try {
      key = await ctx.throttle.derive(() =>
        account ? unwrapKey(account.wrapped, password) : unwrapDecoy(password, ctx.kdfCost),
      );
    } catch (err) {
      if (err instanceof LoginBusy)
        throw new DomainError('throttled', 'too many logins at once; try again in a moment', undefined, {
          retryAfterSeconds: 2,
        });
      throw err;
    }
    if (!account || !key) {
      const delay = ctx.throttle.recordFailure(lookupId, client);
      throw new DomainError('wrong_credentials', WRONG, undefined, { retryAfterSeconds: delay });
    }
    ctx.throttle.recordSuccess(lookupId, client);
    return { key, userId: account.userId };
  });
}

export async function sessionState(ctx: CoreContext, session: Session): Promise<SessionState> {
  const store = ctx.vault.requireStore();
  return store.exclusive(async () => {
    const em = store.manager;
    const user = await loadStaffUser(em, session.userId);
    const centre = await readCentre(em);
    const sites = await sitesByIds(em, user.siteIds);
    return {
      user: {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        roles: user.roles,
        permissions: permissionsOf(user.roles),
        sites: sites
          .sort((a, b) => a.code.localeCompare(b.code))
          .map((s) => ({ id: s.id, code: s.code, name: s.name })),
        usualSiteId: user.usualSiteId,
        professionalNumber: user.professionalNumber ?? null,
        locale: user.locale,
      },
      mustChangePassword: session.mustChangePassword,
      locked: session.locked,
      autoLockMinutes: centre.autoLockMinutes,
      centreName: centre.name,
    };
  });
}

export async function login(
  ctx: CoreContext,
  input: In<'auth.login'>,
  client: string,
): Promise<SessionState & { token: string }> {
  const { key, userId } = await verifyPassword(ctx, input.username, input.password, client);
  let store;
  try {
    store = await ctx.vault.unlockWith(key);
  } catch (err) {
    if (err instanceof StoreError)
      throw new DomainError('store_unavailable', err.message, undefined, { problem: err.problem });
    throw err;
  } finally {
    key.fill(0);
  }
  const user = await store.transaction(async (em) => {
    const row = await findUser(em, userId);
    // A key without an active account (should not happen: deactivation removes it) opens nothing.
    if (!row || !row.active) throw new DomainError('wrong_credentials', WRONG);
    await updateUserRow(em, row.id, { lastLoginAt: ctx.clock().toISOString() });
    await appendAudit(
      em,
      { actorId: row.id, action: 'login', targetType: 'staff_user', targetId: row.id },
      ctx.clock(),
    );
    return row;
  });
  const session = ctx.sessions.open(user.id, user.username, user.mustChangePassword);
  return { ...(await sessionState(ctx, session)), token: session.token };
}

export async function logout(ctx: CoreContext, session: Session): Promise<Record<string, never>> {
  ctx.sessions.close(session.token);
  await ctx.vault
    .requireStore()
    .transaction((em) => appendAudit(em, { actorId: session.userId, action: 'logout' }, ctx.clock()));
  return {};
}

export async function unlock(
  ctx: CoreContext,
  session: Session,
  input: In<'auth.unlock'>,
  client: string,
): Promise<SessionState> {
  const { key } = await verifyPassword(ctx, session.username, input.password, client);
  key.fill(0);
  session.locked = false;
  ctx.sessions.touch(session);
  await ctx.vault
    .requireStore()
    .transaction((em) => appendAudit(em, { actorId: session.userId, action: 'unlock' }, ctx.clock()));
  return sessionState(ctx, session);
}

export async function changePassword(
  ctx: CoreContext,
  session: Session,
  input: In<'auth.changePassword'>,
  client: string,
): Promise<SessionState> {
  try {
    const { key } = await verifyPassword(ctx, session.username, input.currentPassword, client);
    key.fill(0);
  } catch (err) {
    // Say which field is wrong here: the person is already logged in.
    if (err instanceof DomainError && err.code === 'wrong_credentials')
      throw new DomainError('validation', 'current password is wrong', 'currentPassword', {
        issue: 'custom',
        reason: 'current_password_wrong',
      });
    throw err;
  }
  checkNewPassword('newPassword', input.newPassword, session.username, input.currentPassword);
  const wrapped = await wrapKey(ctx.vault.requireDataKey(), input.newPassword, ctx.kdfCost);
  // The keyring changes last, in the same unit of work: both change, or neither (vault.ts).
  await ctx.vault.keyringTransaction(async (em, keyring) => {
    const row = await findUser(em, session.userId);
    if (!row || !row.active) throw new DomainError('unauthenticated', 'account is no longer active');
    await updateUserRow(em, row.id, {
      mustChangePassword: false,
      updatedAt: ctx.clock().toISOString(),
      version: row.version + 1,
    });
    await appendAudit(
      em,
      { actorId: row.id, action: 'password_change', targetType: 'staff_user', targetId: row.id },
      ctx.clock(),
    );
    keyring.setAccount(normalizeUsername(row.username), { userId: row.id, wrapped });
  });
  session.mustChangePassword = false;
  // Whoever knew the old password (or the temporary one) loses the sessions it opened.
  ctx.sessions.closeAllOf(session.userId, session.token);
  return sessionState(ctx, session);
}
