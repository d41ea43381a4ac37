/**
 * Visit states do not drift (issue 9, item 3): an interview started then cancelled puts the visit
 * back where it was waiting, with its waiting time; only a call made from that waiting step can be
 * undone.
 */
import { describe, expect, it } from 'vitest';
import { personInput, reception } from './helpers/reception';

describe('cancelling a started interview', () => {
  it('puts the visit back to waiting for the interview, with its waiting time and place, not as a requeue', async () => {
    const t = await reception();
    const site = t.siteIds[0];
    const first = await t.must('persons.create', personInput(t, { nameUsed: 'Premier' }), t.worker.token);
    const visit = await t.must('visits.checkIn', { personId: first.id, siteId: site }, t.worker.token);
    t.clock.advance(60_000);
    const second = await t.must('persons.create', personInput(t, { nameUsed: 'Second' }), t.worker.token);
    await t.must('visits.checkIn', { personId: second.id, siteId: site }, t.worker.token);
    t.clock.advance(10 * 60_000);
    const started = await t.must(
      'visits.move',
      { visitId: visit.id, version: visit.version, step: 'in_interview' },
      t.worker.token,
    );
    expect(started).toMatchObject({ step: 'in_interview', withUserId: t.worker.id });
    t.clock.advance(2 * 60_000);

    const back = await t.must(
      'visits.cancelStep',
      { visitId: visit.id, version: started.version },
      t.worker.token,
    );
    expect(back).toMatchObject({
      step: 'waiting_interview',
      stepSince: visit.stepSince,
      withUserId: null,
      requeued: 0,
    });
    const board = await t.must('visits.board', { siteId: site }, t.worker.token);
    expect(board.rows.map((r) => [r.nameUsed, r.step])).toEqual([
      ['Premier', 'waiting_interview'],
      ['Second', 'waiting_interview'],
    ]);
    expect(board.rows[0].waitingMinutes).toBe(13);

    // Cancelling again: nothing was started.
    const twice = await t.call(
      'visits.cancelStep',
      { visitId: visit.id, version: back.version },
      t.worker.token,
    );
    expect(twice.ok ? null : twice.error).toMatchObject({ code: 'validation', field: 'visitId' });
    // A stale version is a conflict, as for every visit change.
    const stale = await t.call(
      'visits.cancelStep',
      { visitId: visit.id, version: started.version },
      t.worker.token,
    );
    expect(stale.ok ? null : stale.error.code).toBe('conflict');
  });

  it('refuses to undo a step that was not called from its waiting step', async () => {
    const t = await reception();
    const p = await t.must('persons.create', personInput(t), t.worker.token);
    const visit = await t.must(
      'visits.checkIn',
      { personId: p.id, siteId: t.siteIds[0], step: 'waiting_doctor' },
      t.worker.token,
    );
    // Moved straight into an interview from the doctor's queue: there is no interview queue to go back to.
    const moved = await t.must(
      'visits.move',
      { visitId: visit.id, version: visit.version, step: 'in_interview' },
      t.worker.token,
    );
    const refused = await t.call(
      'visits.cancelStep',
      { visitId: visit.id, version: moved.version },
      t.worker.token,
    );
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'validation', field: 'visitId' });
  });
});
