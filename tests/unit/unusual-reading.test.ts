/**
 * The coordination reviews unusual reading: a person who opens more different dossiers in one hour
 * than the threshold the centre sets is listed, with the hour and the count; ordinary work is not.
 */
import { describe, expect, it } from 'vitest';
import { deniedEvents } from '../../electron/core/api/access';
import { appendAudits } from '../../electron/core/audit/audit-log';
import { personInput, reception, staff } from './helpers/reception';

describe('unusual reading', () => {
  it('lists who opened more dossiers in an hour than the centre allows, and nobody else', async () => {
    const t = await reception();
    const lawyer = await staff(t, 'lea', ['legal']);
    const centre = await t.must('centre.get', {}, t.token);
    await t.must(
      'centre.update',
      {
        version: centre.version,
        name: centre.name,
        autoLockMinutes: 10,
        unusualReadsPerHour: 5,
        defaultLocale: 'fr',
      },
      t.token,
    );
    const ids: string[] = [];
    for (let i = 0; i < 7; i += 1)
      ids.push(
        (await t.must('persons.create', personInput(t, { nameUsed: `Personne ${i}` }), t.worker.token)).id,
      );
    // The lawyer opens seven files in one hour; the worker opens two.
    for (const id of ids) await t.must('persons.dossier', { id }, lawyer.token);
    for (const id of ids.slice(0, 2)) await t.must('persons.dossier', { id }, t.worker.token);

    const review = await t.must('audit.unusualReading', { days: 7 }, t.token);
    expect(review.threshold).toBe(5);
    expect(review.items).toEqual([
      { actorId: lawyer.id, actorName: 'lea (test)', hour: '2026-03-02T09:00:00.000Z', dossiers: 7 },
    ]);
    // Only the coordination reads it.
    const refused = await t.call('audit.unusualReading', { days: 7 }, lawyer.token);
    expect(refused.ok ? null : refused.error.code).toBe('forbidden');
  });

  it('counts the files someone tried to open and was refused (denied) with those they read', async () => {
    const t = await reception();
    const worker = t.worker;
    const centre = await t.must('centre.get', {}, t.token);
    await t.must(
      'centre.update',
      {
        version: centre.version,
        name: centre.name,
        autoLockMinutes: 10,
        unusualReadsPerHour: 5,
        defaultLocale: 'fr',
      },
      t.token,
    );
    const ids: string[] = [];
    for (let i = 0; i < 6; i += 1)
      ids.push((await t.must('persons.create', personInput(t, { nameUsed: `P ${i}` }), worker.token)).id);
    // Three files read; three others refused on a concealed section (as the gate writes them).
    for (const id of ids.slice(0, 3)) await t.must('persons.dossier', { id }, worker.token);
    const store = t.core.ctx.vault.requireStore();
    await store.transaction((em) =>
      appendAudits(
        em,
        deniedEvents(
          { userId: worker.id, roles: ['community_worker'] },
          'violence',
          'persons.dossier',
          ids.slice(3).map((personId) => ({ personId, code: 'forbidden' })),
        ),
        t.clock.now(),
      ),
    );
    const review = await t.must('audit.unusualReading', { days: 7 }, t.token);
    expect(review.items).toEqual([
      { actorId: worker.id, actorName: 'kasey (test)', hour: '2026-03-02T09:00:00.000Z', dossiers: 6 },
    ]);
  });

  it('refuses a threshold outside its range next to the field, and keeps the old one', async () => {
    const t = await reception();
    const centre = await t.must('centre.get', {}, t.token);
    const r = await t.call(
      'centre.update',
      {
        version: centre.version,
        name: centre.name,
        autoLockMinutes: 10,
        unusualReadsPerHour: 1,
        defaultLocale: 'fr',
      },
      t.token,
    );
    expect(r.ok ? null : r.error).toMatchObject({ code: 'validation', field: 'unusualReadsPerHour' });
    expect((await t.must('centre.get', {}, t.token)).unusualReadsPerHour).toBe(40);
  });
});
