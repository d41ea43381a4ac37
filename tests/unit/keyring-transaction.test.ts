/**
 * The keyring file never keeps a change whose database transaction failed: a transaction that
 * fails — here at COMMIT itself, after the keyring was written — leaves the keyring file and the
 * keyring in memory as they were, so the file never holds a key for an account the database does
 * not have, nor loses the key of one it still has. (The other way round — a keyring write that
 * fails rolls the transaction back — is tests/unit/store-open.test.ts.)
 *
 * The failure is real: a deferred foreign key, broken by a trigger on `staff_user`, is checked by
 * SQLite only at COMMIT, after every statement of the service ran.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Keyring } from '../../electron/core/db/keyring';
import { setUpCentre, type TestCore } from './helpers/core';

type Centre = Awaited<ReturnType<typeof setUpCentre>>;

function keyringState(t: TestCore) {
  return {
    file: readFileSync(Keyring.path(t.dataDir), 'utf8'),
    memory: t.core.ctx.vault.getKeyring().snapshot(),
  };
}

/** Makes the next COMMIT after an INSERT or UPDATE of `staff_user` fail. */
function trapCommit(t: TestCore, on: 'INSERT' | 'UPDATE'): () => void {
  const db = t.core.ctx.vault.requireStore().handle;
  db.exec(`
    CREATE TABLE trap_parent (id TEXT PRIMARY KEY);
    CREATE TABLE trap_child (ref TEXT REFERENCES trap_parent (id) DEFERRABLE INITIALLY DEFERRED);
    CREATE TRIGGER trap AFTER ${on} ON staff_user BEGIN INSERT INTO trap_child (ref) VALUES ('none'); END;
  `);
  return () => db.exec('DROP TRIGGER trap; DROP TABLE trap_child; DROP TABLE trap_parent;');
}

async function nurse(t: Centre) {
  const password = 'Infirmiere-Soins-42';
  const created = await t.must(
    'users.create',
    { username: 'nina', displayName: 'Nina Infirmière', roles: ['nurse'], siteIds: [t.siteIds[0]] },
    t.token,
  );
  const first = await t.must('auth.login', { username: 'nina', password: created.temporaryPassword });
  await t.must(
    'auth.changePassword',
    { currentPassword: created.temporaryPassword, newPassword: password },
    first.token,
  );
  const session = await t.must('auth.login', { username: 'nina', password });
  return { id: created.user.id, password, token: session.token };
}

describe('a transaction that fails at COMMIT leaves the keyring as it was', () => {
  it('a user creation whose transaction fails leaves the keyring unchanged', async () => {
    const t = await setUpCentre();
    const before = keyringState(t);
    const untrap = trapCommit(t, 'INSERT');
    const r = await t.call(
      'users.create',
      { username: 'leo', displayName: 'Léo Accueil', roles: ['community_worker'], siteIds: [t.siteIds[0]] },
      t.token,
    );
    untrap();
    expect(r.ok).toBe(false);
    expect(keyringState(t)).toEqual(before);
    expect(t.core.ctx.vault.getKeyring().account('leo')).toBeNull();
    const list = await t.must('users.list', { page: 1, pageSize: 50, includeInactive: true }, t.token);
    expect(list.items.map((u) => u.username)).not.toContain('leo');

    // The same creation, once nothing fails, writes both.
    const created = await t.must(
      'users.create',
      { username: 'leo', displayName: 'Léo Accueil', roles: ['community_worker'], siteIds: [t.siteIds[0]] },
      t.token,
    );
    expect(t.core.ctx.vault.getKeyring().account('leo')?.userId).toBe(created.user.id);
    await t.must('auth.login', { username: 'leo', password: created.temporaryPassword });
  });

  it('a password reset whose transaction fails keeps the old key', async () => {
    const t = await setUpCentre();
    const n = await nurse(t);
    const before = keyringState(t);
    const untrap = trapCommit(t, 'UPDATE');
    const r = await t.call('users.resetPassword', { id: n.id }, t.token);
    untrap();
    expect(r.ok).toBe(false);
    expect(keyringState(t)).toEqual(before);
    const again = await t.must('auth.login', { username: 'nina', password: n.password });
    expect(again.mustChangePassword).toBe(false);
  });

  it('a deactivation whose transaction fails keeps the account’s key', async () => {
    const t = await setUpCentre();
    const n = await nurse(t);
    const user = (await t.must('users.list', { page: 1, pageSize: 50 }, t.token)).items.find(
      (u) => u.id === n.id,
    );
    const before = keyringState(t);
    const untrap = trapCommit(t, 'UPDATE');
    const r = await t.call('users.deactivate', { id: n.id, version: user!.version }, t.token);
    untrap();
    expect(r.ok).toBe(false);
    expect(keyringState(t)).toEqual(before);
    await t.must('auth.login', { username: 'nina', password: n.password });

    // Once it commits, the key goes.
    const current = (await t.must('users.list', { page: 1, pageSize: 50 }, t.token)).items.find(
      (u) => u.id === n.id,
    );
    await t.must('users.deactivate', { id: n.id, version: current!.version }, t.token);
    expect(t.core.ctx.vault.getKeyring().hasUser(n.id)).toBe(false);
  });

  it('a password change whose transaction fails keeps the current password', async () => {
    const t = await setUpCentre();
    const n = await nurse(t);
    const before = keyringState(t);
    const untrap = trapCommit(t, 'UPDATE');
    const r = await t.call(
      'auth.changePassword',
      { currentPassword: n.password, newPassword: 'Autre-Mot-De-Passe-77' },
      n.token,
    );
    untrap();
    expect(r.ok).toBe(false);
    expect(keyringState(t)).toEqual(before);
    t.clock.advance(1000);
    await t.must('auth.login', { username: 'nina', password: n.password });
    expect((await t.call('auth.login', { username: 'nina', password: 'Autre-Mot-De-Passe-77' })).ok).toBe(
      false,
    );
  });
});
