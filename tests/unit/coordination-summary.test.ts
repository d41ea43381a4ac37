/**
 * Coordination sees the board and the agenda as counts (issue 9, item 14): the access table gives
 * the coordinator no pathway, so `visits.summary` and `appointments.summary` answer numbers only —
 * no person, no reason — and only to `reports.read`.
 */
import { describe, expect, it } from 'vitest';
import { personInput, reception, staff } from './helpers/reception';

const HOUR = 3600_000;

describe('the board and the agenda as counts', () => {
  it('counts per step, the longest wait and the priorities, without a name; refused without reports.read', async () => {
    const t = await reception();
    const site = t.siteIds[0];
    const a = await t.must('persons.create', personInput(t, { nameUsed: 'Awa Diallo' }), t.worker.token);
    await t.must('visits.checkIn', { personId: a.id, siteId: site }, t.worker.token);
    t.clock.advance(3 * 60_000);
    const b = await t.must('persons.create', personInput(t, { nameUsed: 'Jo Petit' }), t.worker.token);
    await t.must(
      'visits.checkIn',
      { personId: b.id, siteId: site, priority: 'pep_72h', step: 'waiting_doctor' },
      t.worker.token,
    );
    t.clock.advance(2 * 60_000);

    const summary = await t.must('visits.summary', { siteId: site }, t.token);
    expect(summary.priorities).toBe(1);
    expect(summary.steps.find((s) => s.step === 'waiting_interview')).toEqual({
      step: 'waiting_interview',
      count: 1,
      longestWaitMinutes: 5,
    });
    expect(summary.steps.find((s) => s.step === 'waiting_doctor')).toMatchObject({
      count: 1,
      longestWaitMinutes: 2,
    });
    expect(JSON.stringify(summary)).not.toMatch(/Awa|Jo|pep/);

    const nurse = await staff(t, 'nurse-1', ['nurse']);
    const refused = await t.call('visits.summary', { siteId: site }, nurse.token);
    expect(refused.ok ? null : refused.error.code).toBe('forbidden');
  });

  it('counts a span of the agenda by status and the free walk-in slots', async () => {
    const t = await reception();
    const site = t.siteIds[0];
    const p = await t.must('persons.create', personInput(t, { nameUsed: 'Awa Diallo' }), t.worker.token);
    const start = new Date(t.clock.now().getTime() + HOUR);
    const slot = (hours: number) => ({
      startsAt: new Date(start.getTime() + hours * HOUR).toISOString(),
      endsAt: new Date(start.getTime() + hours * HOUR + 30 * 60_000).toISOString(),
    });
    await t.must(
      'appointments.book',
      { personId: p.id, siteId: site, professionalId: t.worker.id, type: 'screening', ...slot(0) },
      t.worker.token,
    );
    await t.must(
      'appointments.book',
      {
        personId: null,
        siteId: site,
        professionalId: t.worker.id,
        type: 'screening',
        walkInSlot: true,
        ...slot(1),
      },
      t.worker.token,
    );
    const summary = await t.must(
      'appointments.summary',
      {
        siteId: site,
        from: new Date(start.getTime() - HOUR).toISOString(),
        to: new Date(start.getTime() + 4 * HOUR).toISOString(),
      },
      t.token,
    );
    expect(summary).toEqual({
      byStatus: [
        { status: 'booked', count: 1 },
        { status: 'arrived', count: 0 },
        { status: 'cancelled', count: 0 },
        { status: 'no_show', count: 0 },
      ],
      walkInSlots: 1,
    });
  });
});
