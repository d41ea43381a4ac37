/**
 * The coordinator's audit viewer names the files (file number, name used) instead of their UUID,
 * filters by file number or name through the persons search, and that answer is an audited read
 * of identity. Break-the-glass grants come in a review list with what was read under them; a
 * review mark is kept beside the log (which is append-only) and is itself audited.
 */
import { describe, expect, it } from 'vitest';
import { personInput, reception, staff } from './helpers/reception';

type Centre = Awaited<ReturnType<typeof reception>>;

async function auditRows(t: Centre) {
  const store = t.core.ctx.vault.requireStore();
  return store.exclusive(() =>
    store.manager.query<
      Array<{
        actor_id: string;
        action: string;
        target_id: string | null;
        person_id: string | null;
        detail: string | null;
      }>
    >('SELECT actor_id, action, target_id, person_id, detail FROM audit_log ORDER BY seq'),
  );
}

/** Two files with their own history: Amélie (MTP-…-00001) and Bastien (MTP-…-00002). */
async function twoFiles(t: Centre) {
  const amelie = await t.must('persons.create', personInput(t, { nameUsed: 'Amélie' }), t.worker.token);
  const bastien = await t.must('persons.create', personInput(t, { nameUsed: 'Bastien' }), t.worker.token);
  await t.must('persons.get', { id: amelie.id }, t.worker.token);
  await t.must('persons.get', { id: bastien.id }, t.worker.token);
  return { amelie, bastien };
}

/** A doctor breaks the glass on a file without the care-team consent and reads the interview. */
async function brokenGlass(t: Centre, personId: string, username = 'dr-house') {
  await t.must('persons.recordConsent', { personId, scope: 'care_team', given: false }, t.worker.token);
  const doctor = await staff(t, username, ['doctor']);
  const reason = 'Urgence vitale, personne inconsciente aux urgences';
  await t.must('persons.breakGlass', { personId, reason }, doctor.token);
  await t.must('interviews.forPerson', { personId }, doctor.token);
  return { doctor, reason };
}

describe('audit viewer', () => {
  it('shows the file number and name used to a coordinator, and audits that read of identity', async () => {
    const t = await reception();
    const { amelie } = await twoFiles(t);
    const before = (await auditRows(t)).length;
    const page = await t.must('audit.list', { page: 1, pageSize: 50 }, t.token);
    const about = page.items.filter((e) => e.personId === amelie.id);
    expect(about.length).toBeGreaterThan(0);
    for (const entry of about)
      expect(entry.person).toEqual({ fileNumber: amelie.fileNumber, nameUsed: 'Amélie' });
    expect(amelie.fileNumber).toMatch(/^MTP-2026-\d{5}$/);

    const rows = await auditRows(t);
    expect(rows.length).toBe(before + 1);
    const last = rows[rows.length - 1];
    expect(last.action).toBe('read');
    expect(JSON.parse(last.detail ?? '{}')).toMatchObject({
      channel: 'audit.list',
      results: page.items.length,
    });
  });

  it('filters by file number, by its ending and by name; a UUID still works', async () => {
    const t = await reception();
    const { amelie, bastien } = await twoFiles(t);
    const persons = async (person: string) =>
      new Set(
        (await t.must('audit.list', { page: 1, pageSize: 50, person }, t.token)).items.map((e) => e.personId),
      );

    expect(await persons(amelie.fileNumber)).toEqual(new Set([amelie.id]));
    expect(await persons(bastien.fileNumber.slice(-5))).toEqual(new Set([bastien.id]));
    expect(await persons('amelie')).toEqual(new Set([amelie.id]));
    expect(await persons('Bastien')).toEqual(new Set([bastien.id]));
    expect(await persons(bastien.id)).toEqual(new Set([bastien.id]));
    const none = await t.must('audit.list', { page: 1, pageSize: 50, person: 'Zoé' }, t.token);
    expect(none).toMatchObject({ items: [], total: 0 });
  });

  it('is refused to a role without the audit permission', async () => {
    const t = await reception();
    const r = await t.call('audit.list', { page: 1, pageSize: 10 }, t.worker.token);
    expect(r.ok ? null : r.error.code).toBe('forbidden');
  });
});

describe('break-the-glass review', () => {
  it('lists who, when, which file, which sections and the reason; counts the unreviewed', async () => {
    const t = await reception();
    const { amelie } = await twoFiles(t);
    expect(await t.must('audit.breakGlassCount', {}, t.token)).toEqual({ unreviewed: 0 });
    const { doctor, reason } = await brokenGlass(t, amelie.id);

    expect(await t.must('audit.breakGlassCount', {}, t.token)).toEqual({ unreviewed: 1 });
    const list = await t.must('audit.breakGlass', { page: 1, pageSize: 20 }, t.token);
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({
      actorId: doctor.id,
      actorName: 'dr-house (test)',
      at: t.clock.now().toISOString(),
      personId: amelie.id,
      person: { fileNumber: amelie.fileNumber, nameUsed: 'Amélie' },
      sections: ['interview'],
      reason,
      reviewedAt: null,
      reviewedByName: null,
    });
    // A list naming files is an audited read of identity, like any list of persons.
    const last = (await auditRows(t)).at(-1);
    expect(JSON.parse(last?.detail ?? '{}')).toMatchObject({ channel: 'audit.breakGlass', results: 1 });
  });

  it('a review mark records who and when, is audited, and a second mark changes nothing', async () => {
    const t = await reception();
    const { amelie, bastien } = await twoFiles(t);
    await brokenGlass(t, amelie.id);
    await brokenGlass(t, bastien.id, 'dr-who');
    expect(await t.must('audit.breakGlassCount', {}, t.token)).toEqual({ unreviewed: 2 });
    const [first] = (await t.must('audit.breakGlass', { page: 1, pageSize: 20 }, t.token)).items;

    t.clock.advance(5 * 60_000);
    const reviewedAt = t.clock.now().toISOString();
    const mark = await t.must('audit.reviewBreakGlass', { id: first.id }, t.token);
    expect(mark).toEqual({ reviewedAt, reviewedByName: 'Camille Coordination', already: false });
    const review = (await auditRows(t)).at(-1);
    expect(review).toMatchObject({ action: 'review', target_id: first.id, person_id: null });

    expect(await t.must('audit.breakGlassCount', {}, t.token)).toEqual({ unreviewed: 1 });
    const unreviewed = await t.must('audit.breakGlass', { page: 1, pageSize: 20 }, t.token);
    expect(unreviewed.items.map((e) => e.id)).not.toContain(first.id);
    const all = await t.must('audit.breakGlass', { page: 1, pageSize: 20, all: true }, t.token);
    expect(all.items.find((e) => e.id === first.id)).toMatchObject({
      reviewedAt,
      reviewedByName: 'Camille Coordination',
    });

    // Twice: idempotent. The first review stays (who, when); nothing is written again.
    const otherCoordinator = await staff(t, 'dominique', ['coordinator']);
    t.clock.advance(60_000);
    const entries = (await auditRows(t)).length;
    const again = await t.must('audit.reviewBreakGlass', { id: first.id }, otherCoordinator.token);
    expect(again).toEqual({ reviewedAt, reviewedByName: 'Camille Coordination', already: true });
    expect(await auditRows(t)).toHaveLength(entries);
    expect(await t.must('audit.breakGlassCount', {}, t.token)).toEqual({ unreviewed: 1 });
  });

  it('an unknown grant is not found; the review channels are the coordination’s only', async () => {
    const t = await reception();
    const missing = await t.call('audit.reviewBreakGlass', { id: 'no-such-grant' }, t.token);
    expect(missing.ok ? null : missing.error.code).toBe('not_found');
    for (const r of [
      await t.call('audit.breakGlass', { page: 1, pageSize: 20 }, t.worker.token),
      await t.call('audit.breakGlassCount', {}, t.worker.token),
      await t.call('audit.reviewBreakGlass', { id: 'no-such-grant' }, t.worker.token),
    ])
      expect(r.ok ? null : r.error.code).toBe('forbidden');
  });
});
