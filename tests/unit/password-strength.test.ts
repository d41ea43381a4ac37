/**
 * Every staff password unwraps the data key and the backups offline: one a dictionary finds is
 * refused — at set-up and at every change — with the reason, next to its field, writing nothing.
 */
import { describe, expect, it } from 'vitest';
import { estimatePassword, MIN_PASSWORD_SCORE } from '../../shared/domain/password-strength';
import { ADMIN, setUpCentre, startCore } from './helpers/core';

const WEAK = ['aaaaaaaaaa', '1234567890', 'password12', 'Parcours2026', '          ', 'motdepasse123'];

describe('password strength', () => {
  it('the estimate says the known-weak passwords are too easy to guess, and a passphrase is not', () => {
    for (const p of WEAK) expect([p, estimatePassword(p).strongEnough]).toEqual([p, false]);
    expect(estimatePassword('Tortue-Piano-Lundi-47').score).toBeGreaterThanOrEqual(MIN_PASSWORD_SCORE);
    // The person's own names and the centre's are among the first guesses.
    expect(estimatePassword('Montpellier1984', ['SPOT Montpellier']).strongEnough).toBe(false);
  });

  it.each(WEAK)('set-up refuses %j next to the password, and sets nothing up', async (password) => {
    const t = await startCore();
    const r = await t.call('setup.initialize', {
      centreName: 'SPOT Test',
      locale: 'fr',
      sites: [{ code: 'MTP', name: 'Montpellier centre' }],
      admin: { ...ADMIN, password },
    });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'validation', field: 'admin.password' });
    expect(await t.must('setup.status', {})).toEqual({ state: 'needs_setup' });
  });

  it('a password change to a guessable one is refused with the reason; the old one still opens', async () => {
    const t = await setUpCentre();
    const r = await t.call(
      'auth.changePassword',
      { currentPassword: ADMIN.password, newPassword: 'Password2026' },
      t.token,
    );
    expect(r.ok ? null : r.error).toMatchObject({
      code: 'validation',
      field: 'newPassword',
      details: { reason: 'password_too_weak' },
    });
    expect((await t.call('auth.login', { username: ADMIN.username, password: ADMIN.password })).ok).toBe(
      true,
    );
  });
});
