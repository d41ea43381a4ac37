/**
 * Every list over many persons is a read of personal data and leaves an audit entry: who, when,
 * which channel, how many results — never the query's text. Generated from the route table: a
 * new list channel only needs a sample input below. A polled list is audited again only when
 * its answer changes.
 */
import { describe, expect, it } from 'vitest';
import type { ChannelInput, ChannelName } from '../../shared/contract';
import { ROUTES } from '../../electron/core/api/routes';
import { personInput, reception, staff, type Centre } from './helpers/reception';

type Samples = { [C in ChannelName]?: (t: Centre) => ChannelInput<C> };

/** A laboratory file with its header only. */
const LAB_HEADER = 'file_number;sample_date;test_code;result;result_date\n';

const SAMPLES: Samples = {
  'persons.search': () => ({ query: 'Amandine' }),
  'persons.duplicates': () => ({ nameUsed: 'Amandine' }),
  'visits.board': (t) => ({ siteId: t.siteIds[0] }),
  'appointments.list': (t) => ({
    siteId: t.siteIds[0],
    from: '2026-03-01T00:00:00Z',
    to: '2026-03-08T00:00:00Z',
  }),
  'appointments.reminders': (t) => ({ siteId: t.siteIds[0], date: '2026-03-03' }),
  'waitingLists.worklist': () => ({ specialty: 'sexology' }),
  'waitingLists.worklistCounts': () => ({}),
  'audit.list': () => ({ person: 'Amandine' }),
  'audit.breakGlass': () => ({}),
  'vaccinations.worklist': () => ({ list: 'due' }),
  'vaccinations.worklistCounts': () => ({}),
  'treatments.worklist': () => ({ list: 'to_treat' }),
  'treatments.worklistCounts': () => ({}),
  'prep.worklist': () => ({ list: 'overdue' }),
  'prep.worklistCounts': () => ({}),
  'screenings.worklist': () => ({ list: 'results_to_give' }),
  'screenings.worklistCounts': () => ({}),
  'violence.openProtocols': () => ({ list: 'open' }),
  'violence.openProtocolsCounts': () => ({}),
  'casePlans.myActions': () => ({ list: 'week' }),
  'casePlans.teamActions': () => ({ list: 'all' }),
  'casePlans.actionsCounts': () => ({}),
  'legal.calendar': () => ({ from: '2026-03-02' }),
  'legal.dueThisWeek': () => ({ list: 'week' }),
  'legal.hearingsCounts': () => ({}),
  'meetings.list': () => ({}),
  'screenings.importPreview': () => ({ fileName: 'lab.csv', content: LAB_HEADER }),
  'screenings.importCommit': () => ({ fileName: 'lab.csv', content: LAB_HEADER }),
};

/** The laboratory import (permission `results.import`) is a nurse's: called as one. */
const AS_NURSE: ReadonlySet<ChannelName> = new Set(['screenings.importPreview', 'screenings.importCommit']);

/** Lists of the violence and case-plan sections (reception may not read them): called as a social worker. */
const AS_SOCIAL_WORKER: ReadonlySet<ChannelName> = new Set([
  'violence.openProtocols',
  'violence.openProtocolsCounts',
  'casePlans.myActions',
  'casePlans.teamActions',
  'casePlans.actionsCounts',
  'legal.calendar',
  'legal.dueThisWeek',
  'legal.hearingsCounts',
  'meetings.list',
]);

/** Lists of the coordination (they need `audit.read`): called as the centre's coordinator. */
const AS_COORDINATOR: ReadonlySet<ChannelName> = new Set(['audit.list', 'audit.breakGlass']);

const LIST_CHANNELS = (Object.keys(ROUTES) as ChannelName[]).filter((c) => {
  const route = ROUTES[c];
  return route.access === 'session' && route.touches.kind === 'persons';
});

async function auditRows(t: Centre) {
  const store = t.core.ctx.vault.requireStore();
  return store.exclusive(() =>
    store.manager.query<Array<{ actor_id: string; action: string; detail: string | null }>>(
      'SELECT actor_id, action, detail FROM audit_log ORDER BY seq',
    ),
  );
}

describe('lists of persons are audited reads', () => {
  it('has a sample input for every list channel', () => {
    expect(LIST_CHANNELS.filter((c) => !SAMPLES[c])).toEqual([]);
  });

  it.each(LIST_CHANNELS)(
    '%s writes who, which channel and how many results, not what was asked',
    async (channel) => {
      const t = await reception();
      const p = await t.must('persons.create', personInput(t, { nameUsed: 'Amandine' }), t.worker.token);
      await t.must('visits.checkIn', { personId: p.id, siteId: t.siteIds[0] }, t.worker.token);
      const token = AS_COORDINATOR.has(channel)
        ? t.token
        : AS_NURSE.has(channel)
          ? (await staff(t, 'nadia', ['nurse'])).token
          : AS_SOCIAL_WORKER.has(channel)
            ? (await staff(t, 'sara', ['social_worker'])).token
            : t.worker.token;
      const before = (await auditRows(t)).length;
      const sample = SAMPLES[channel] as (t: Centre) => ChannelInput<ChannelName>;
      await t.must(channel, sample(t), token);
      const rows = await auditRows(t);
      expect(rows.length).toBe(before + 1);
      const last = rows[rows.length - 1];
      expect(last.action).toBe('read');
      expect(JSON.parse(last.detail ?? '{}')).toMatchObject({ channel, results: expect.any(Number) });
      expect(last.detail).not.toContain('Amandine');
    },
  );

  it('the board polled again with the same answer adds nothing; a change is audited', async () => {
    const t = await reception();
    const input = { siteId: t.siteIds[0] };
    await t.must('visits.board', input, t.worker.token);
    const once = (await auditRows(t)).length;
    await t.must('visits.board', input, t.worker.token);
    expect((await auditRows(t)).length).toBe(once);
    const p = await t.must('persons.create', personInput(t), t.worker.token);
    await t.must('visits.checkIn', { personId: p.id, siteId: t.siteIds[0] }, t.worker.token);
    const afterArrival = (await auditRows(t)).length;
    const board = await t.must('visits.board', input, t.worker.token);
    expect(board.rows).toHaveLength(1);
    const rows = await auditRows(t);
    expect(rows.length).toBe(afterArrival + 1);
    expect(JSON.parse(rows[rows.length - 1].detail ?? '{}')).toEqual({ channel: 'visits.board', results: 1 });
  });
});

/** A gonorrhoea detected now for this person: opens a to-treat item (the board's `positive_to_treat`). */
async function gonorrhoea(t: Centre, token: string, personId: string): Promise<void> {
  const at = t.clock.now().toISOString();
  const { samples } = await t.must(
    'screenings.saveSamples',
    {
      personId,
      siteId: t.siteIds[0],
      takenAt: at,
      add: [{ testCode: 'ct_ng_pcr_poc', anatomicalSite: 'anus' }],
    },
    token,
  );
  await t.must(
    'screenings.saveResult',
    {
      personId,
      sampleId: samples[0].id,
      value: { type: 'per_target', targets: { chlamydia: 'not_detected', gonorrhoea: 'detected' } },
      resultedAt: at,
    },
    token,
  );
}

/** The sections one reader's board reads were audited under. */
async function boardSections(t: Centre, actorId: string): Promise<string[]> {
  const store = t.core.ctx.vault.requireStore();
  const rows = await store.exclusive(() =>
    store.manager.query<Array<{ section: string }>>(
      "SELECT section FROM audit_log WHERE actor_id = ? AND action = 'read' AND detail LIKE '%visits.board%' ORDER BY seq",
      [actorId],
    ),
  );
  return rows.map((r) => r.section);
}

describe('what the board derives from other sections', () => {
  it('a positive to treat shown as the priority reason is audited as a read of tests', async () => {
    const t = await reception();
    const nurse = await staff(t, 'nadia', ['nurse']);
    const p = await t.must('persons.create', personInput(t, { nameUsed: 'Amandine' }), nurse.token);
    await t.must('persons.recordConsent', { personId: p.id, scope: 'care_team', given: true }, nurse.token);
    await gonorrhoea(t, nurse.token, p.id);
    await t.must('visits.checkIn', { personId: p.id, siteId: t.siteIds[0] }, t.worker.token);
    const reader = await staff(t, 'noa', ['nurse']);
    const board = await t.must('visits.board', { siteId: t.siteIds[0] }, reader.token);
    expect(board.rows[0].priority).toBe('positive_to_treat');
    expect(await boardSections(t, reader.id)).toEqual(['pathway', 'tests']);
  });

  it('a priority whose reason the reader may not read is an ordinary visit, in arrival order, and no read of that section', async () => {
    const t = await reception();
    const nurse = await staff(t, 'nadia', ['nurse']);
    const first = await t.must('persons.create', personInput(t, { nameUsed: 'Arrivée avant' }), nurse.token);
    const p = await t.must('persons.create', personInput(t, { nameUsed: 'Amandine' }), nurse.token);
    await t.must('persons.recordConsent', { personId: p.id, scope: 'care_team', given: true }, nurse.token);
    await gonorrhoea(t, nurse.token, p.id);
    await t.must('visits.checkIn', { personId: first.id, siteId: t.siteIds[0] }, t.worker.token);
    t.clock.advance(60_000);
    // The desk checks her in as normal; the open positive raises the visit.
    const visit = await t.must(
      'visits.checkIn',
      { personId: p.id, siteId: t.siteIds[0], priority: 'normal' },
      t.worker.token,
    );
    expect(visit.priority).toBe('positive_to_treat');
    // The psychologist reads the pathway, not tests: nothing tells her the visit was raised.
    const psy = await staff(t, 'pia', ['psychologist']);
    const forPsy = await t.must('visits.board', { siteId: t.siteIds[0] }, psy.token);
    expect(forPsy.rows.map((r) => [r.nameUsed, r.priority])).toEqual([
      ['Arrivée avant', 'normal'],
      ['Amandine', 'normal'],
    ]);
    expect(await boardSections(t, psy.id)).toEqual(['pathway']);
    // A reader of tests sees the reason, first.
    const forNurse = await t.must('visits.board', { siteId: t.siteIds[0] }, nurse.token);
    expect(forNurse.rows.map((r) => [r.nameUsed, r.priority])).toEqual([
      ['Amandine', 'positive_to_treat'],
      ['Arrivée avant', 'normal'],
    ]);
  });
});

/** Every worklist page and count channel (À faire and its navigation badge). */
const WORKLIST_CHANNELS = LIST_CHANNELS.filter((c) => /\.worklist(Counts)?$/.test(c));

describe('worklists read only the reader’s sites', () => {
  it('lists every worklist channel', () => {
    expect(WORKLIST_CHANNELS.length).toBeGreaterThanOrEqual(10);
  });

  it.each(WORKLIST_CHANNELS)(
    '%s refuses a site the reader does not work at, naming siteIds',
    async (channel) => {
      const t = await reception();
      const [mine, theirs] = t.siteIds;
      const { temporaryPassword } = await t.must(
        'users.create',
        { username: 'uma', displayName: 'Uma', roles: ['nurse', 'specialist'], siteIds: [mine] },
        t.token,
      );
      const first = await t.must('auth.login', { username: 'uma', password: temporaryPassword });
      await t.must(
        'auth.changePassword',
        { currentPassword: temporaryPassword, newPassword: 'Nouveau-Mot-de-passe-2026' },
        first.token,
      );
      const sample = SAMPLES[channel] as (t: Centre) => ChannelInput<ChannelName>;
      const asked = { ...(sample(t) as object), siteIds: [mine, theirs] } as ChannelInput<ChannelName>;
      const before = (await auditRows(t)).length;
      const r = await t.call(channel, asked, first.token);
      expect(r.ok).toBe(false);
      if (!r.ok)
        expect(r.error).toMatchObject({
          code: 'validation',
          field: 'siteIds',
          details: { reason: 'site_not_yours' },
        });
      expect((await auditRows(t)).length).toBe(before);
      // Their own site is answered.
      await t.must(channel, { ...(sample(t) as object), siteIds: [mine] }, first.token);
    },
  );

  it('a positive to treat at another site is neither listed nor counted in the badge for a nurse of one site', async () => {
    const t = await reception();
    const [mine, theirs] = t.siteIds;
    const nurse = await staff(t, 'nadia', ['nurse']);
    const p = await t.must(
      'persons.create',
      personInput(t, { nameUsed: 'Amandine', siteId: theirs }),
      nurse.token,
    );
    await t.must('persons.recordConsent', { personId: p.id, scope: 'care_team', given: true }, nurse.token);
    const at = t.clock.now().toISOString();
    const { samples } = await t.must(
      'screenings.saveSamples',
      {
        personId: p.id,
        siteId: theirs,
        takenAt: at,
        add: [{ testCode: 'ct_ng_pcr_poc', anatomicalSite: 'anus' }],
      },
      nurse.token,
    );
    await t.must(
      'screenings.saveResult',
      {
        personId: p.id,
        sampleId: samples[0].id,
        value: { type: 'per_target', targets: { chlamydia: 'not_detected', gonorrhoea: 'detected' } },
        resultedAt: at,
      },
      nurse.token,
    );
    const { temporaryPassword } = await t.must(
      'users.create',
      { username: 'uma', displayName: 'Uma', roles: ['nurse'], siteIds: [mine] },
      t.token,
    );
    const uma = await t.must('auth.login', { username: 'uma', password: temporaryPassword });
    await t.must(
      'auth.changePassword',
      { currentPassword: temporaryPassword, newPassword: 'Nouveau-Mot-de-passe-2026' },
      uma.token,
    );
    expect((await t.must('treatments.worklistCounts', {}, uma.token)).to_treat).toBe(0);
    const asked = await t.call('treatments.worklistCounts', { siteIds: [theirs] }, uma.token);
    expect(asked.ok).toBe(false);
    // The nurse of both sites counts it.
    expect((await t.must('treatments.worklistCounts', { siteIds: [theirs] }, nurse.token)).to_treat).toBe(1);
  });
});
