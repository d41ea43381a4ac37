import { describe, expect, it } from 'vitest';
import { ADMIN, setUpCentre, startCore } from './helpers/core';

describe('setting up a centre and managing staff', () => {
  it('sets up, logs in, creates a nurse who must change the temporary password', async () => {
    const t = await setUpCentre();
    expect(t.recoveryCode).toMatch(/^([A-Z0-9]{4}-){7}[A-Z0-9]{4}$/);
    const { user, temporaryPassword } = await t.must(
      'users.create',
      { username: 'nina', displayName: 'Nina Infirmière', roles: ['nurse'], siteIds: [t.siteIds[0]] },
      t.token,
    );
    expect(user.mustChangePassword).toBe(true);

    const nurse = await t.must('auth.login', { username: 'nina', password: temporaryPassword });
    expect(nurse.mustChangePassword).toBe(true);
    const blocked = await t.call('centre.get', {}, nurse.token);
    expect(blocked.ok ? null : blocked.error.code).toBe('password_change_required');

    const tooShort = await t.call(
      'auth.changePassword',
      { currentPassword: temporaryPassword, newPassword: 'short' },
      nurse.token,
    );
    expect(tooShort.ok ? null : tooShort.error).toMatchObject({ code: 'validation', field: 'newPassword' });

    const changed = await t.must(
      'auth.changePassword',
      { currentPassword: temporaryPassword, newPassword: 'Infirmiere-Soins-42' },
      nurse.token,
    );
    expect(changed.mustChangePassword).toBe(false);
    expect((await t.call('centre.get', {}, nurse.token)).ok).toBe(true);
    // A nurse does not manage staff.
    const forbidden = await t.call('users.list', { page: 1, pageSize: 10 }, nurse.token);
    expect(forbidden.ok ? null : forbidden.error.code).toBe('forbidden');
  });

  it('the store opens again after a restart with a user password', async () => {
    const t = await setUpCentre();
    await t.core.close();
    const again = await startCore(t.dataDir, t.clock);
    expect((await again.must('setup.status', {})).state).toBe('locked');
    const s = await again.must('auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(s.centreName).toBe('SPOT Test');
    expect((await again.must('setup.status', {})).state).toBe('ready');
  });
});
