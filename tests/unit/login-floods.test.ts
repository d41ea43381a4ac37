/**
 * Logins that resist lock-out and floods (fake clock): guesses from one place never lock the owner
 * out at their own desk; spraying one password over many names slows that place down; key
 * derivations run a bounded number at a time and a flood is told to come back in a moment; the
 * attempts file forgets and stays bounded.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChannelInput, Result } from '../../shared/contract';
import { KDF_CONCURRENCY, KDF_QUEUE, THROTTLE_FILE } from '../../electron/core/services/auth/throttle';
import { ADMIN, setUpCentre } from './helpers/core';

type Centre = Awaited<ReturnType<typeof setUpCentre>>;

function loginFrom(t: Centre, client: string, input: ChannelInput<'auth.login'>): Promise<Result<unknown>> {
  return t.core.dispatch('auth.login', input, { transport: 'http', client });
}

const code = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.code);
const OWNER = { username: ADMIN.username, password: ADMIN.password };

describe('logins under attack', () => {
  it('twenty wrong guesses from one address do not lock the owner out at another', async () => {
    const t = await setUpCentre();
    for (let i = 0; i < 20; i += 1) {
      const r = await loginFrom(t, '203.0.113.7', {
        username: ADMIN.username,
        password: `guess-${i}-xxxxxxxx`,
      });
      expect(['wrong_credentials', 'throttled']).toContain(code(r));
      t.clock.advance(1_000);
    }
    expect(code(await loginFrom(t, '203.0.113.7', OWNER))).toBe('throttled');
    expect(code(await loginFrom(t, '192.168.1.20', OWNER))).toBe('ok');
  });

  it('one password sprayed over many names slows that address down, for every name', async () => {
    const t = await setUpCentre();
    // A shared desk may mistype a few times across accounts: the eleventh failure starts the delay.
    for (let i = 0; i < 11; i += 1) {
      const r = await loginFrom(t, '198.51.100.9', { username: `agent${i}`, password: 'Printemps2026!' });
      expect(code(r)).toBe('wrong_credentials');
    }
    const next = await loginFrom(t, '198.51.100.9', { username: 'agent99', password: 'Printemps2026!' });
    expect(code(next)).toBe('throttled');
    expect(next.ok ? 0 : Number(next.error.details?.retryAfterSeconds)).toBeGreaterThan(0);
    // The centre's own desks are not slowed down by it.
    expect(code(await loginFrom(t, '192.168.1.20', OWNER))).toBe('ok');
  });

  it('a flood of parallel logins runs a bounded number of key derivations; beyond the queue, "try again"', async () => {
    const t = await setUpCentre();
    const flood = Array.from({ length: 40 }, (_, i) =>
      loginFrom(t, `10.9.0.${i}`, { username: `inconnu${i}`, password: 'Mot-de-passe-au-hasard' }),
    );
    const answers = (await Promise.all(flood)).map(code);
    expect(t.core.ctx.throttle.peakDerivations).toBeLessThanOrEqual(KDF_CONCURRENCY);
    const busy = answers.filter((c) => c === 'throttled').length;
    expect(busy).toBeGreaterThanOrEqual(40 - KDF_CONCURRENCY - KDF_QUEUE);
    expect(answers.filter((c) => c === 'wrong_credentials').length).toBe(40 - busy);
    // Once the flood has passed, the real login goes through.
    expect(code(await loginFrom(t, '192.168.1.20', OWNER))).toBe('ok');
  });

  it('the attempts file forgets after a day and never grows past its bound', async () => {
    const t = await setUpCentre();
    for (let i = 0; i < 30; i += 1)
      await loginFrom(t, `10.1.0.${i}`, { username: `nom${i}`, password: 'Mot-de-passe-au-hasard' });
    const file = path.join(t.dataDir, THROTTLE_FILE);
    const count = () => {
      const data = JSON.parse(readFileSync(file, 'utf8')) as { pairs: object; addresses: object };
      return Object.keys(data.pairs).length + Object.keys(data.addresses).length;
    };
    expect(count()).toBe(60);
    expect(readFileSync(file, 'utf8')).not.toContain('10.1.0.');
    t.clock.advance(25 * 3600_000);
    await loginFrom(t, '10.2.0.1', { username: 'nouveau', password: 'Mot-de-passe-au-hasard' });
    expect(count()).toBe(2);
  });
});

describe('a password change', () => {
  it('ends the other sessions of the account, including one opened with the old password', async () => {
    const t = await setUpCentre();
    const other = await t.must('auth.login', OWNER);
    await t.must(
      'auth.changePassword',
      { currentPassword: ADMIN.password, newPassword: 'Tortue-Piano-Lundi-47' },
      t.token,
    );
    const stale = await t.call('auth.session', {}, other.token);
    expect(stale.ok ? null : stale.error.code).toBe('unauthenticated');
    expect((await t.call('auth.session', {}, t.token)).ok).toBe(true);
  });
});
