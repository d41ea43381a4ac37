/**
 * Priorities rise with their time left (issue 9, item 6): a PEP priority on the board carries the
 * deadline the PEP must start by (72 h after the exposure recorded at the interview), but only for
 * a reader who may read the interview; a reader who may not sees a plain "priority", no deadline.
 */
import { describe, expect, it } from 'vitest';
import { personInput, reception, staff } from './helpers/reception';

type Centre = Awaited<ReturnType<typeof reception>>;

/** The sections the board's list reads were audited under, for one reader. */
async function boardReadSections(t: Centre, actorId: string): Promise<string[]> {
  const store = t.core.ctx.vault.requireStore();
  const rows = await store.exclusive(() =>
    store.manager.query<Array<{ section: string }>>(
      "SELECT section FROM audit_log WHERE actor_id = ? AND action = 'read' AND detail LIKE '%visits.board%' ORDER BY seq",
      [actorId],
    ),
  );
  return rows.map((r) => r.section);
}

const HOUR = 3600_000;

describe('the board’s PEP deadline', () => {
  it('is the exposure plus 72 h for a reader of the interview, and absent for one who may not read it', async () => {
    const t = await reception();
    const site = t.siteIds[0];
    const jo = await t.must('persons.create', personInput(t, { nameUsed: 'Jo' }), t.worker.token);
    await t.must(
      'persons.recordConsent',
      { personId: jo.id, scope: 'care_team', given: true },
      t.worker.token,
    );
    const visit = await t.must('visits.checkIn', { personId: jo.id, siteId: site }, t.worker.token);
    const lastRiskAt = new Date(t.clock.now().getTime() - 30 * HOUR).toISOString();
    await t.must(
      'interviews.save',
      {
        personId: jo.id,
        visitId: visit.id,
        heldAt: t.clock.now().toISOString(),
        lastRiskAt,
        exposures: ['anal_receptive'],
        needs: ['screening'],
      },
      t.worker.token,
    );
    const deadline = new Date(Date.parse(lastRiskAt) + 72 * HOUR).toISOString();

    const nurse = await staff(t, 'nurse-1', ['nurse']);
    const forNurse = await t.must('visits.board', { siteId: site }, nurse.token);
    expect(forNurse.rows[0]).toMatchObject({ priority: 'pep_72h', priorityDeadline: deadline });

    // The psychologist reads the pathway but not the interview: a priority, nothing more.
    const psy = await staff(t, 'psy-1', ['psychologist']);
    const forPsy = await t.must('visits.board', { siteId: site }, psy.token);
    expect(forPsy.rows[0]).toMatchObject({ priority: 'priority', priorityDeadline: null, nextSteps: [] });

    // The deadline is the interview's exposure: the nurse's board read is audited as a read of the
    // interview section too; the psychologist's, which shows none, only as a read of the pathway.
    expect(await boardReadSections(t, nurse.id)).toEqual(['pathway', 'interview']);
    expect(await boardReadSections(t, psy.id)).toEqual(['pathway']);
  });

  it('is absent for a priority without an exposure and for a normal visit', async () => {
    const t = await reception();
    const site = t.siteIds[0];
    const p = await t.must('persons.create', personInput(t, { nameUsed: 'Sans entretien' }), t.worker.token);
    await t.must(
      'persons.recordConsent',
      { personId: p.id, scope: 'care_team', given: true },
      t.worker.token,
    );
    await t.must('visits.checkIn', { personId: p.id, siteId: site, priority: 'pep_72h' }, t.worker.token);
    const q = await t.must('persons.create', personInput(t, { nameUsed: 'Normal' }), t.worker.token);
    await t.must('visits.checkIn', { personId: q.id, siteId: site }, t.worker.token);
    const board = await t.must('visits.board', { siteId: site }, t.worker.token);
    expect(board.rows.map((r) => [r.nameUsed, r.priority, r.priorityDeadline])).toEqual([
      ['Sans entretien', 'pep_72h', null],
      ['Normal', 'normal', null],
    ]);
  });
});
