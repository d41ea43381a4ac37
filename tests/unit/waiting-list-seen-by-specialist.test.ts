/**
 * A specialist waiting-list entry becomes "seen" when that specialty's consultation is saved for the
 * person (docs/clinical-pathway.md section 15): the oldest open entry (waiting or booked) of that
 * specialty, in the consultation's transaction, audited in the referrals section; other
 * specialties, other persons and an edit of the notes leave entries as they are; a refused save
 * changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { personInput, reception, staff } from './helpers/reception';

async function centre() {
  const t = await reception();
  const sexologist = await staff(t, 'dr-sexo', ['specialist']);
  const person = async (nameUsed: string) => {
    const p = await t.must('persons.create', personInput(t, { nameUsed }), t.worker.token);
    await t.must(
      'persons.recordConsent',
      { personId: p.id, scope: 'care_team', given: true },
      t.worker.token,
    );
    return p;
  };
  const refer = (personId: string, specialty: string, requestedOn: string) =>
    t.must(
      'waitingLists.refer',
      { personId, siteId: t.siteIds[0], specialty, requestedOn, origin: 'interview' },
      t.worker.token,
    );
  const statuses = async (personId: string) =>
    (await t.must('waitingLists.forPerson', { personId }, t.worker.token)).items
      .map((e) => [e.specialty, e.requestedOn, e.status])
      .sort((a, b) => `${a[0]}${a[1]}`.localeCompare(`${b[0]}${b[1]}`));
  const consult = (personId: string, kind: string, extra: Record<string, unknown> = {}) =>
    t.call(
      'consultations.saveSpecialist',
      { personId, kind, heldAt: t.clock.now().toISOString(), conclusion: 'Vu·e', ...extra },
      sexologist.token,
    );
  return { t, sexologist, person, refer, statuses, consult };
}

describe('a specialist consultation and the waiting list', () => {
  it('marks the oldest open entry of that specialty seen, in the same save, audited under referrals; nothing else', async () => {
    const c = await centre();
    const p = await c.person('Sacha');
    const other = await c.person('Noa');
    await c.refer(p.id, 'sexology', '2026-02-20');
    await c.refer(p.id, 'sexology', '2026-02-27');
    await c.refer(p.id, 'psychology', '2026-02-10');
    await c.refer(other.id, 'sexology', '2026-02-01');

    const saved = await c.consult(p.id, 'sexology');
    expect(saved.ok).toBe(true);
    expect(await c.statuses(p.id)).toEqual([
      ['psychology', '2026-02-10', 'waiting'],
      ['sexology', '2026-02-20', 'seen'],
      ['sexology', '2026-02-27', 'waiting'],
    ]);
    expect(await c.statuses(other.id)).toEqual([['sexology', '2026-02-01', 'waiting']]);

    const store = c.t.core.ctx.vault.requireStore();
    const audit = await store.exclusive(() =>
      store.manager.query<Array<{ section: string; target_type: string }>>(
        "SELECT section, target_type FROM audit_log WHERE action = 'update' AND person_id = ? AND actor_id = ?",
        [p.id, c.sexologist.id],
      ),
    );
    expect(audit).toContainEqual({ section: 'referrals', target_type: 'waiting_list_entry' });

    // Editing the notes is not a second visit: the next entry keeps waiting.
    if (!saved.ok) return;
    const edited = await c.consult(p.id, 'sexology', {
      id: saved.value.id,
      version: saved.value.version,
      conclusion: 'Revu·e',
    });
    expect(edited.ok).toBe(true);
    expect((await c.statuses(p.id))[2]).toEqual(['sexology', '2026-02-27', 'waiting']);

    // A new consultation sees the next one.
    expect((await c.consult(p.id, 'sexology')).ok).toBe(true);
    expect((await c.statuses(p.id))[2]).toEqual(['sexology', '2026-02-27', 'seen']);
  });

  it('a booked entry is seen too; a refused save leaves the entry as it was', async () => {
    const c = await centre();
    const p = await c.person('Sacha');
    const entry = await c.refer(p.id, 'sexology', '2026-02-20');
    await c.t.must(
      'waitingLists.book',
      {
        personId: p.id,
        id: entry.id,
        version: entry.version,
        mode: 'appointment',
        siteId: c.t.siteIds[0],
        professionalId: c.sexologist.id,
        startsAt: '2026-03-03T10:00:00Z',
        endsAt: '2026-03-03T10:30:00Z',
      },
      c.sexologist.token,
    );
    expect(await c.statuses(p.id)).toEqual([['sexology', '2026-02-20', 'booked']]);
    const refused = await c.consult(p.id, 'sexology', { heldAt: '2099-01-01T10:00:00.000Z' });
    expect(refused.ok).toBe(false);
    expect(await c.statuses(p.id)).toEqual([['sexology', '2026-02-20', 'booked']]);
    expect((await c.consult(p.id, 'sexology')).ok).toBe(true);
    expect(await c.statuses(p.id)).toEqual([['sexology', '2026-02-20', 'seen']]);
  });
});
