/**
 * The consent in force is the latest decision recorded: a decision dated in the future is refused
 * (it would stay "latest" and block every later withdrawal), and two decisions recorded in the
 * same millisecond keep the order in which they were made.
 */
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../electron/core/db/fingerprint';
import { ImportRefused, importText } from '../../electron/core/interchange/import';
import { personInput, reception } from './helpers/reception';

describe('consent decisions', () => {
  it('an import of a consent dated in the future is refused by its line and field, and writes nothing', async () => {
    const t = await reception();
    const site = t.siteIds[0];
    const text = [
      JSON.stringify({ type: 'person', id: 'p-1', siteId: site, nameUsed: 'Awa' }),
      JSON.stringify({
        type: 'consent',
        id: 'c-1',
        personId: 'p-1',
        scope: 'care_team',
        given: true,
        recordedAt: '2099-01-01T00:00:00Z',
        recordedBy: null,
        note: null,
      }),
    ].join('\n');
    const handle = t.core.ctx.vault.requireStore().handle;
    const before = fingerprint(handle);
    const refusal = await importText(t.core.ctx, { userId: 'x', roles: ['coordinator'] }, text).then(
      () => null,
      (err: unknown) => err,
    );
    expect(refusal).toBeInstanceOf(ImportRefused);
    expect((refusal as ImportRefused).errors).toEqual([
      expect.objectContaining({ line: 2, field: 'recordedAt', reason: 'in_future' }),
    ]);
    expect(fingerprint(handle)).toEqual(before);
  });

  it('given then withdrawn in the same millisecond: the withdrawal is in force', async () => {
    const t = await reception();
    const p = await t.must('persons.create', personInput(t), t.worker.token);
    for (let i = 0; i < 5; i += 1) {
      await t.must(
        'persons.recordConsent',
        { personId: p.id, scope: 'care_team', given: true },
        t.worker.token,
      );
      const after = await t.must(
        'persons.recordConsent',
        { personId: p.id, scope: 'care_team', given: false },
        t.worker.token,
      );
      expect(after.current.find((c) => c.scope === 'care_team')?.given).toBe(false);
      expect(after.history.slice(0, 2).map((h) => h.given)).toEqual([false, true]);
    }
  });
});
