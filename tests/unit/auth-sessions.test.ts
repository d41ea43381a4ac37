/**
 * Sessions (fake clock): idle auto-lock after the centre's delay, lock / unlock, the end of a
 * session after 12 hours, and what deactivating, resetting and editing staff accounts does to
 * sessions and data.
 */
import { describe, expect, it } from 'vitest';
import type { Result } from '../../shared/contract';
import { fingerprint } from '../../electron/core/db/fingerprint';
import { SESSION_MAX_HOURS } from '../../electron/core/services/auth/sessions';
import { ADMIN, setUpCentre, startCore, type TestCore } from './helpers/core';
import { staff } from './helpers/reception';

const MINUTE = 60_000;

function codeOf(r: Result<unknown>): string | null {
  return r.ok ? null : r.error.code;
}

function storeFingerprint(t: TestCore): unknown {
  return fingerprint(t.core.ctx.vault.requireStore().handle);
}

/** A nurse who has logged in and changed the temporary password. */
async function activeNurse(t: TestCore & { token: string; siteIds: string[] }, username = 'nina') {
  const password = 'Infirmiere-Soins-42';
  const created = await t.must(
    'users.create',
    { username, displayName: 'Nina Infirmière', roles: ['nurse'], siteIds: [t.siteIds[0]] },
    t.token,
  );
  const first = await t.must('auth.login', { username, password: created.temporaryPassword });
  await t.must(
    'auth.changePassword',
    { currentPassword: created.temporaryPassword, newPassword: password },
    first.token,
  );
  return { id: created.user.id, username, password, token: first.token };
}

async function userById(t: TestCore & { token: string }, id: string) {
  const list = await t.must('users.list', { page: 1, pageSize: 200, includeInactive: true }, t.token);
  const user = list.items.find((u) => u.id === id);
  if (!user) throw new Error(`user ${id} not listed`);
  return user;
}

describe('idle auto-lock', () => {
  it('locks after the centre’s autoLockMinutes without activity; unlock needs the right password', async () => {
    const t = await setUpCentre();
    const { autoLockMinutes } = await t.must('centre.get', {}, t.token);
    expect(autoLockMinutes).toBe(10);

    // Activity keeps the session open.
    for (let i = 0; i < 3; i += 1) {
      t.clock.advance((autoLockMinutes - 1) * MINUTE);
      expect(codeOf(await t.call('centre.get', {}, t.token))).toBeNull();
    }
    t.clock.advance(autoLockMinutes * MINUTE + 1000);
    expect(codeOf(await t.call('centre.get', {}, t.token))).toBe('locked');
    expect(codeOf(await t.call('users.list', { page: 1, pageSize: 10 }, t.token))).toBe('locked');
    const state = await t.must('auth.session', {}, t.token);
    expect(state.locked).toBe(true);

    const wrong = await t.call('auth.unlock', { password: 'not-my-password' }, t.token);
    expect(codeOf(wrong)).toBe('wrong_credentials');
    expect(codeOf(await t.call('centre.get', {}, t.token))).toBe('locked');
    t.clock.advance(1000); // the throttle of the failed unlock

    const unlocked = await t.must('auth.unlock', { password: ADMIN.password }, t.token);
    expect(unlocked.locked).toBe(false);
    expect(codeOf(await t.call('centre.get', {}, t.token))).toBeNull();
  });

  it('follows the delay the centre sets', async () => {
    const t = await setUpCentre();
    const centre = await t.must('centre.get', {}, t.token);
    await t.must(
      'centre.update',
      { version: centre.version, name: centre.name, autoLockMinutes: 2, defaultLocale: centre.defaultLocale },
      t.token,
    );
    t.clock.advance(2 * MINUTE - 1000);
    expect(codeOf(await t.call('centre.get', {}, t.token))).toBeNull();
    t.clock.advance(2 * MINUTE + 1000);
    expect(codeOf(await t.call('centre.get', {}, t.token))).toBe('locked');
    expect((await t.must('auth.session', {}, t.token)).autoLockMinutes).toBe(2);
  });

  it('auth.lock and lockAllSessions lock at once; logout still works while locked', async () => {
    const t = await setUpCentre();
    await t.must('auth.lock', {}, t.token);
    expect(codeOf(await t.call('centre.get', {}, t.token))).toBe('locked');
    expect((await t.must('auth.session', {}, t.token)).locked).toBe(true);
    await t.must('auth.unlock', { password: ADMIN.password }, t.token);
    expect(codeOf(await t.call('centre.get', {}, t.token))).toBeNull();

    const second = await t.must('auth.login', { username: ADMIN.username, password: ADMIN.password });
    t.core.lockAllSessions();
    expect(codeOf(await t.call('centre.get', {}, t.token))).toBe('locked');
    expect(codeOf(await t.call('centre.get', {}, second.token))).toBe('locked');

    await t.must('auth.logout', {}, second.token);
    expect(codeOf(await t.call('auth.session', {}, second.token))).toBe('unauthenticated');
    expect(codeOf(await t.call('auth.unlock', { password: ADMIN.password }, second.token))).toBe(
      'unauthenticated',
    );
  });

  it('a session ends after 12 hours, however active', async () => {
    const t = await setUpCentre();
    const start = t.clock.t;
    while (t.clock.t - start < SESSION_MAX_HOURS * 3600_000 - 5 * MINUTE) {
      t.clock.advance(5 * MINUTE);
      expect(
        codeOf(await t.call('centre.get', {}, t.token)),
        `at ${(t.clock.t - start) / MINUTE} min`,
      ).toBeNull();
    }
    t.clock.advance(10 * MINUTE);
    expect(codeOf(await t.call('centre.get', {}, t.token))).toBe('unauthenticated');
    expect(codeOf(await t.call('auth.session', {}, t.token))).toBe('unauthenticated');
    expect(codeOf(await t.call('auth.unlock', { password: ADMIN.password }, t.token))).toBe(
      'unauthenticated',
    );
    // Logging in again starts a new day.
    const again = await t.must('auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(codeOf(await t.call('centre.get', {}, again.token))).toBeNull();
  });
});

describe('staff accounts and their sessions', () => {
  it('deactivating a user ends their sessions and their login fails, also after a restart', async () => {
    const t = await setUpCentre();
    const nurse = await activeNurse(t);
    expect(codeOf(await t.call('centre.get', {}, nurse.token))).toBeNull();

    const { version } = await userById(t, nurse.id);
    const deactivated = await t.must('users.deactivate', { id: nurse.id, version }, t.token);
    expect(deactivated.active).toBe(false);
    expect(deactivated.deactivatedAt).toBe(t.clock.now().toISOString());

    expect(codeOf(await t.call('centre.get', {}, nurse.token))).toBe('unauthenticated');
    expect(codeOf(await t.call('auth.session', {}, nurse.token))).toBe('unauthenticated');
    const login = await t.call('auth.login', { username: nurse.username, password: nurse.password });
    const unknown = await t.call('auth.login', { username: 'nobody-at-all', password: nurse.password });
    expect(codeOf(login)).toBe('wrong_credentials');
    expect(login.ok ? null : login.error.message).toBe(unknown.ok ? null : unknown.error.message);

    await t.core.close();
    const again = await startCore(t.dataDir, t.clock);
    again.clock.advance(3600_000);
    expect(
      codeOf(await again.call('auth.login', { username: nurse.username, password: nurse.password })),
    ).toBe('wrong_credentials');
    // The history is kept.
    const admin = await again.must('auth.login', { username: ADMIN.username, password: ADMIN.password });
    const list = await again.must(
      'users.list',
      { page: 1, pageSize: 50, includeInactive: true },
      admin.token,
    );
    expect(list.items.find((u) => u.id === nurse.id)).toMatchObject({
      active: false,
      username: nurse.username,
    });
  });

  it('a password reset ends the sessions and forces a change at the next login', async () => {
    const t = await setUpCentre();
    const nurse = await activeNurse(t);
    const reset = await t.must('users.resetPassword', { id: nurse.id }, t.token);
    expect(reset.user.mustChangePassword).toBe(true);
    expect(codeOf(await t.call('centre.get', {}, nurse.token))).toBe('unauthenticated');
    expect(codeOf(await t.call('auth.login', { username: nurse.username, password: nurse.password }))).toBe(
      'wrong_credentials',
    );

    t.clock.advance(1000);
    const session = await t.must('auth.login', {
      username: nurse.username,
      password: reset.temporaryPassword,
    });
    expect(session.mustChangePassword).toBe(true);
    expect(codeOf(await t.call('centre.get', {}, session.token))).toBe('password_change_required');
    const changed = await t.must(
      'auth.changePassword',
      { currentPassword: reset.temporaryPassword, newPassword: 'Nouveau-Mot-De-Passe-7' },
      session.token,
    );
    expect(changed.mustChangePassword).toBe(false);
    expect(codeOf(await t.call('centre.get', {}, session.token))).toBeNull();
  });

  it('the last active coordinator can neither be deactivated nor lose the coordinator role', async () => {
    const t = await setUpCentre();
    const me = (await t.must('auth.session', {}, t.token)).user;
    const mine = await userById(t, me.id);
    const before = storeFingerprint(t);

    const deactivate = await t.call('users.deactivate', { id: me.id, version: mine.version }, t.token);
    expect(deactivate.ok ? null : deactivate.error).toMatchObject({
      code: 'validation',
      field: 'id',
      details: { reason: 'last_coordinator' },
    });
    const demote = await t.call(
      'users.update',
      {
        id: me.id,
        version: mine.version,
        displayName: mine.displayName,
        roles: ['nurse'],
        siteIds: mine.siteIds,
      },
      t.token,
    );
    expect(demote.ok ? null : demote.error).toMatchObject({
      code: 'validation',
      field: 'roles',
      details: { reason: 'last_coordinator' },
    });
    expect(storeFingerprint(t)).toEqual(before);

    // An inactive coordinator does not count.
    const other = await t.must(
      'users.create',
      { username: 'claude', displayName: 'Claude', roles: ['coordinator'], siteIds: t.siteIds },
      t.token,
    );
    await t.must('users.deactivate', { id: other.user.id, version: other.user.version }, t.token);
    expect(codeOf(await t.call('users.deactivate', { id: me.id, version: mine.version }, t.token))).toBe(
      'validation',
    );

    // With another active coordinator, the first one may be moved to another role (by that
    // other coordinator: nobody grants themselves a role).
    const dominique = await staff(t, 'dominique', ['coordinator', 'doctor']);
    const stepped = await t.must(
      'users.update',
      {
        id: me.id,
        version: mine.version,
        displayName: mine.displayName,
        roles: ['nurse'],
        siteIds: mine.siteIds,
      },
      dominique.token,
    );
    expect(stepped.roles).toEqual(['nurse']);
  });

  it('users.update with a stale version is a conflict and changes nothing', async () => {
    const t = await setUpCentre();
    const nurse = await activeNurse(t);
    const current = await userById(t, nurse.id);
    await t.must(
      'users.update',
      {
        id: nurse.id,
        version: current.version,
        displayName: 'Nina (soins)',
        roles: ['nurse'],
        siteIds: current.siteIds,
      },
      t.token,
    );

    const before = storeFingerprint(t);
    const stale = await t.call(
      'users.update',
      {
        id: nurse.id,
        version: current.version,
        displayName: 'Overwritten',
        roles: ['doctor'],
        siteIds: t.siteIds,
      },
      t.token,
    );
    expect(codeOf(stale)).toBe('conflict');
    const staleDeactivate = await t.call(
      'users.deactivate',
      { id: nurse.id, version: current.version },
      t.token,
    );
    expect(codeOf(staleDeactivate)).toBe('conflict');
    expect(storeFingerprint(t)).toEqual(before);
    expect(await userById(t, nurse.id)).toMatchObject({
      displayName: 'Nina (soins)',
      roles: ['nurse'],
      active: true,
      version: current.version + 1,
    });
    expect(codeOf(await t.call('centre.get', {}, nurse.token))).toBeNull();
  });
});
