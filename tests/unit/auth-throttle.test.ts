/**
 * Login throttling (fake clock): each wrong attempt makes the next one wait longer, a throttled
 * attempt is refused even with the right password, the count survives a restart, and unknown
 * user names get exactly the same treatment as wrong passwords.
 */
import { describe, expect, it } from 'vitest';
import type { Result } from '../../shared/contract';
import { ADMIN, setUpCentre, startCore } from './helpers/core';

function errorOf(r: Result<unknown>): {
  code: string;
  message: string;
  field?: string;
  details?: Record<string, unknown>;
} {
  if (r.ok) throw new Error('expected a refusal, got a success');
  return r.error;
}

const retryAfter = (r: Result<unknown>): unknown => errorOf(r).details?.retryAfterSeconds;

describe('login throttling', () => {
  it('wrong password: one calm message that does not say which part was wrong', async () => {
    const t = await setUpCentre();
    const wrongPassword = errorOf(
      await t.call('auth.login', { username: ADMIN.username, password: 'not-the-password' }),
    );
    const unknownUser = errorOf(
      await t.call('auth.login', { username: 'nobody-here', password: ADMIN.password }),
    );
    expect(wrongPassword).toEqual(unknownUser);
    expect(wrongPassword.code).toBe('wrong_credentials');
    expect(wrongPassword.field).toBeUndefined();
    expect(Object.keys(wrongPassword.details ?? {})).toEqual(['retryAfterSeconds']);
    expect(wrongPassword.message).not.toMatch(
      /unknown|not found|no such|exist|incorrect password|wrong password/i,
    );
  });

  it('each failure makes the next attempt wait longer; early attempts are throttled even with the right password', async () => {
    const t = await setUpCentre();
    const delays: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      const wrong = await t.call('auth.login', { username: ADMIN.username, password: `wrong-${i}` });
      expect(errorOf(wrong).code).toBe('wrong_credentials');
      const delay = retryAfter(wrong) as number;
      delays.push(delay);

      // Before the delay is over, even the right password is refused, with the seconds left.
      const early = await t.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
      expect(errorOf(early)).toMatchObject({ code: 'throttled', details: { retryAfterSeconds: delay } });
      if (delay > 1) {
        t.clock.advance((delay - 1) * 1000);
        expect(
          errorOf(await t.call('auth.login', { username: ADMIN.username, password: ADMIN.password })),
        ).toMatchObject({ code: 'throttled', details: { retryAfterSeconds: 1 } });
        t.clock.advance(1000);
      } else t.clock.advance(1000);
    }
    for (let i = 1; i < delays.length; i += 1)
      expect(delays[i], `delay after failure ${i + 1}`).toBeGreaterThan(delays[i - 1]);
    expect(delays[0]).toBeGreaterThan(0);

    // The delay is over: the right password works, and the count starts again from the beginning.
    await t.must('auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(
      retryAfter(await t.call('auth.login', { username: ADMIN.username, password: 'wrong-again' })),
    ).toBe(delays[0]);
  });

  it('the throttle survives a restart of the core', async () => {
    const t = await setUpCentre();
    let delay = 0;
    for (let i = 0; i < 6; i += 1) {
      delay = retryAfter(
        await t.call('auth.login', { username: ADMIN.username, password: `wrong-${i}` }),
      ) as number;
      if (i < 5) t.clock.advance(delay * 1000);
    }
    expect(delay).toBeGreaterThanOrEqual(16);
    t.clock.advance(5000);
    await t.core.close();

    const again = await startCore(t.dataDir, t.clock);
    const throttled = await again.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(errorOf(throttled)).toMatchObject({
      code: 'throttled',
      details: { retryAfterSeconds: delay - 5 },
    });
    // A throttled attempt does not even open the store.
    expect((await again.must('setup.status', {})).state).toBe('locked');

    again.clock.advance((delay - 5) * 1000);
    const session = await again.must('auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(session.user.username).toBe(ADMIN.username);
    expect(
      retryAfter(await again.call('auth.login', { username: ADMIN.username, password: 'wrong-once-more' })),
    ).toBe(1);
  });

  it('unknown user names get the same code and are throttled too', async () => {
    const t = await setUpCentre();
    const first = await t.call('auth.login', { username: 'ghost', password: 'whatever-it-is' });
    expect(errorOf(first)).toMatchObject({ code: 'wrong_credentials', details: { retryAfterSeconds: 1 } });
    expect(
      errorOf(await t.call('auth.login', { username: 'ghost', password: 'whatever-it-is' })),
    ).toMatchObject({ code: 'throttled' });
    t.clock.advance(1000);
    const second = await t.call('auth.login', { username: 'ghost', password: 'another-guess' });
    expect(errorOf(second)).toMatchObject({ code: 'wrong_credentials', details: { retryAfterSeconds: 2 } });
    expect(errorOf(second).message).toBe(errorOf(first).message);
  });

  it('changing the case or spacing of the user name does not escape the throttle', async () => {
    const t = await setUpCentre();
    await t.call('auth.login', { username: ADMIN.username, password: 'wrong-guess' });
    for (const variant of [ADMIN.username.toUpperCase(), ` ${ADMIN.username} `, 'Camille']) {
      expect(
        errorOf(await t.call('auth.login', { username: variant, password: ADMIN.password })).code,
        JSON.stringify(variant),
      ).toBe('throttled');
    }
  });

  it('throttling one account does not lock out the others', async () => {
    const t = await setUpCentre();
    const { temporaryPassword } = await t.must(
      'users.create',
      { username: 'nina', displayName: 'Nina', roles: ['nurse'], siteIds: [t.siteIds[0]] },
      t.token,
    );
    for (let i = 0; i < 3; i += 1)
      await t.call('auth.login', { username: ADMIN.username, password: `wrong-${i}` });
    expect(
      errorOf(await t.call('auth.login', { username: ADMIN.username, password: ADMIN.password })).code,
    ).toBe('throttled');
    expect((await t.call('auth.login', { username: 'nina', password: temporaryPassword })).ok).toBe(true);
  });

  it('failures are forgotten after a day without any', async () => {
    const t = await setUpCentre();
    let delay = 0;
    for (let i = 0; i < 5; i += 1) {
      delay = retryAfter(
        await t.call('auth.login', { username: ADMIN.username, password: `wrong-${i}` }),
      ) as number;
      t.clock.advance(delay * 1000);
    }
    expect(delay).toBe(16);
    t.clock.advance(25 * 3600_000);
    expect(
      retryAfter(await t.call('auth.login', { username: ADMIN.username, password: 'wrong-next-day' })),
    ).toBe(1);
  });

  it('guesses sent in parallel do not escape the throttle: one is tried, the others wait', async () => {
    const t = await setUpCentre();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t.call('auth.login', { username: ADMIN.username, password: `parallel-guess-${i}` }),
      ),
    );
    const codes = results.map((r) => errorOf(r).code).sort();
    expect(codes).toEqual([
      'throttled',
      'throttled',
      'throttled',
      'throttled',
      'throttled',
      'throttled',
      'throttled',
      'wrong_credentials',
    ]);
    // Only that one failure counts: after its delay, the next wrong guess waits 2 s, not 2^8.
    t.clock.advance(1000);
    expect(
      retryAfter(await t.call('auth.login', { username: ADMIN.username, password: 'one-more-guess' })),
    ).toBe(2);
  });
});
