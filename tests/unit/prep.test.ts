/**
 * PrEP follow-up on a real encrypted store: the schedule (started today → due in one month; a
 * follow-up counts the next one from its own date), the states of the worklists and the dossier's
 * alerts (overdue, lost 3 months after the due date, eGFR low), every refusal of the slice (each
 * naming its field and writing nothing), restarts, the worklists' consent filter, keyset paging and
 * query plan.
 */
import { describe, expect, it, vi } from 'vitest';
import type { ChannelInput } from '../../shared/contract';
import { DEFAULT_PREP_FOLLOW_UP, type TestCode } from '../../shared/domain/clinical-catalogues';
import { addCalendar, classifyFollowUp, followUpBounds } from '../../shared/domain/schedules';
import { rangesFor } from '../../electron/core/services/prep/worklist';
import { worklistSql } from '../../electron/core/services/prep/repository';
import { populatePrep } from '../../electron/server/commands/demo-prep';
import { clinicalCentre, consentingPerson, demoActors, expectRefused } from './helpers/clinical';
import { personInput, staff, type Centre } from './helpers/reception';
import { countStatements } from './helpers/statements';

/** The test clock starts on 2026-03-02 at 10:00 in Paris. */
const TODAY = '2026-03-02';

const centre = () => clinicalCentre();

async function personOnPrep(
  t: Centre,
  token: string,
  name: string,
  startedOn: string | null,
  consent = true,
): Promise<{ personId: string; episodeId: string | null }> {
  const personId = await consentingPerson(t, token, name, consent);
  if (!startedOn) return { personId, episodeId: null };
  const e = await t.must(
    'prep.start',
    { personId, siteId: t.siteIds[0], startedOn, regimen: 'daily' },
    token,
  );
  return { personId, episodeId: e.id };
}

/** Calls a write that must be refused with this reason on this field, and checks nothing was written. */
async function refused<C extends 'prep.start' | 'prep.followUp' | 'prep.stop'>(
  t: Centre,
  channel: C,
  input: ChannelInput<C>,
  token: string,
  field: string,
  reason: string,
) {
  await expectRefused(
    t,
    channel,
    input,
    token,
    { field, reason },
    {
      rowsSql: 'SELECT count(*) AS n FROM audit_log',
      tab: async () => (await t.must('prep.forPerson', { personId: input.personId }, token)).items,
    },
  );
}

describe('PrEP schedule and states', () => {
  it('a start today is due in one month, due this week 5 days before, then counted from each follow-up', async () => {
    const { t, nurse, siteId } = await centre();
    const { personId, episodeId } = await personOnPrep(t, nurse.token, 'Ana', TODAY);
    let tab = await t.must('prep.forPerson', { personId }, nurse.token);
    expect(tab.items).toHaveLength(1);
    expect(tab.items[0]).toMatchObject({
      id: episodeId,
      status: 'active',
      startedOn: TODAY,
      nextDueOn: '2026-04-02',
      state: 'not_yet_due',
      restartOf: null,
    });
    expect((await t.must('prep.worklist', { list: 'due_this_week' }, nurse.token)).rows).toEqual([]);

    t.clock.advance(26 * 86_400_000); // 28 March: due on 2 April
    // 26 days later the session has long locked: the nurse signs in again.
    nurse.token = (
      await t.must('auth.login', { username: 'nina', password: 'Nouveau-Mot-de-passe-2026' })
    ).token;
    tab = await t.must('prep.forPerson', { personId }, nurse.token);
    expect(tab.items[0].state).toBe('due_this_week');
    const week = await t.must('prep.worklist', { list: 'due_this_week' }, nurse.token);
    expect(week.rows).toMatchObject([{ personId, episodeId, nextDueOn: '2026-04-02', nameUsed: 'Ana' }]);

    // A follow-up today, 28 March (5 days early): the next one is 3 months after that visit, not after the due date.
    const after = await t.must(
      'prep.followUp',
      {
        personId,
        siteId,
        episodeId: episodeId!,
        version: tab.items[0].version,
        heldOn: '2026-03-28',
        creatinine: 80,
        egfr: 95,
        adherenceNote: 'Prise quotidienne, un oubli',
      },
      nurse.token,
    );
    expect(after).toMatchObject({ nextDueOn: '2026-06-28', lastVisitOn: '2026-03-28', state: 'not_yet_due' });
    expect(after.followUps).toMatchObject([
      { heldOn: '2026-03-28', creatinine: 80, egfr: 95, egfrLow: false, nextDueOn: '2026-06-28' },
    ]);
    expect((await t.must('prep.worklist', { list: 'due_this_week' }, nurse.token)).rows).toEqual([]);
  });

  it('4 months past the due date is lost to follow-up; 2 weeks past is overdue — lists, counts and alerts', async () => {
    const { t, nurse } = await centre();
    const lost = await personOnPrep(t, nurse.token, 'Perdue', '2025-10-02'); // due 2 Nov 2025
    const late = await personOnPrep(t, nurse.token, 'Retard', '2026-01-15'); // due 15 Feb 2026
    const fine = await personOnPrep(t, nurse.token, 'Ponctuelle', '2026-02-20'); // due 20 Mar 2026

    const tabOf = async (id: string) =>
      (await t.must('prep.forPerson', { personId: id }, nurse.token)).items[0];
    expect((await tabOf(lost.personId)).state).toBe('lost_to_follow_up');
    expect((await tabOf(late.personId)).state).toBe('overdue');
    expect((await tabOf(fine.personId)).state).toBe('not_yet_due');

    const list = async (name: 'due_this_week' | 'overdue' | 'lost_to_follow_up') =>
      (await t.must('prep.worklist', { list: name }, nurse.token)).rows.map((r) => r.nameUsed);
    expect(await list('lost_to_follow_up')).toEqual(['Perdue']);
    expect(await list('overdue')).toEqual(['Retard']);
    expect(await list('due_this_week')).toEqual([]);
    expect(await t.must('prep.worklistCounts', {}, nurse.token)).toEqual({
      due_this_week: 0,
      overdue: 1,
      lost_to_follow_up: 1,
    });

    const alerts = async (id: string) =>
      (await t.must('persons.dossier', { id }, nurse.token)).alerts.map((a) => a.kind);
    expect(await alerts(lost.personId)).toContain('prep_lost');
    expect(await alerts(lost.personId)).not.toContain('prep_overdue');
    expect(await alerts(late.personId)).toContain('prep_overdue');
    expect(await alerts(fine.personId)).not.toContain('prep_overdue');

    const timeline = await t.must('persons.timeline', { personId: lost.personId }, nurse.token);
    expect(timeline.items.filter((i) => i.section === 'prep').map((i) => i.kind)).toEqual(['prep_start']);
  });

  it('an eGFR below the threshold raises egfr_low; a later normal value clears it; outside the range is refused', async () => {
    const { t, nurse, siteId } = await centre();
    const { personId, episodeId } = await personOnPrep(t, nurse.token, 'Rein', '2026-01-05');
    const current = async () => (await t.must('prep.forPerson', { personId }, nurse.token)).items[0];
    const followUp = async (heldOn: string, egfr: number) =>
      t.must(
        'prep.followUp',
        { personId, siteId, episodeId: episodeId!, version: (await current()).version, heldOn, egfr },
        nurse.token,
      );
    const alerts = async () => (await t.must('persons.dossier', { id: personId }, nurse.token)).alerts;

    const low = await followUp('2026-02-05', 52);
    expect(low.followUps[0]).toMatchObject({ egfr: 52, egfrLow: true });
    expect((await alerts()).map((a) => a.kind)).toContain('egfr_low');
    const timeline = await t.must('persons.timeline', { personId }, nurse.token);
    expect(timeline.items.find((i) => i.kind === 'prep_follow_up')).toMatchObject({ label: 'egfr_low' });

    await followUp('2026-03-01', 75);
    expect((await alerts()).map((a) => a.kind)).not.toContain('egfr_low');

    const episode = await current();
    const base = { personId, siteId, episodeId: episodeId!, version: episode.version, heldOn: '2026-03-02' };
    await refused(t, 'prep.followUp', { ...base, egfr: 250 }, nurse.token, 'egfr', 'egfr_out_of_range');
    await refused(t, 'prep.followUp', { ...base, egfr: 0 }, nurse.token, 'egfr', 'egfr_out_of_range');

    // The range and the threshold are the centre's catalogue: narrowed, 150 is refused, 65 is low.
    const admin = t.token;
    const cat = await t.must('catalogues.current', {}, admin);
    const egfrVersion =
      (cat as unknown as { catalogues: Array<{ catalogue: string; version: number }> }).catalogues?.find(
        (c) => c.catalogue === 'egfr',
      )?.version ?? 0;
    await t.must(
      'catalogues.save',
      {
        catalogue: 'egfr',
        version: egfrVersion,
        content: { alertBelow: 70, min: 5, max: 140 },
        reason: 'Avis néphrologue',
      },
      admin,
    );
    await refused(t, 'prep.followUp', { ...base, egfr: 150 }, nurse.token, 'egfr', 'egfr_out_of_range');
    const now = await t.must('prep.followUp', { ...base, egfr: 65 }, nurse.token);
    expect(now.followUps[0]).toMatchObject({ egfr: 65, egfrLow: true });
  });
});

describe('PrEP refusals and restarts', () => {
  it('refuses, naming the field and writing nothing: a second start, a date in the future, a follow-up or stop without an active episode', async () => {
    const { t, nurse, siteId } = await centre();
    const { personId, episodeId } = await personOnPrep(t, nurse.token, 'Bea', '2026-02-01');
    const start = { personId, siteId, startedOn: '2026-03-01', regimen: 'on_demand' as const };
    await refused(t, 'prep.start', start, nurse.token, 'startedOn', 'prep_episode_active');

    let episode = (await t.must('prep.forPerson', { personId }, nurse.token)).items[0];
    const follow = { personId, siteId, episodeId: episodeId!, version: episode.version };
    await refused(
      t,
      'prep.followUp',
      { ...follow, heldOn: '2026-03-03' },
      nurse.token,
      'heldOn',
      'date_in_future',
    );
    await refused(
      t,
      'prep.followUp',
      { ...follow, heldOn: '2026-01-31' },
      nurse.token,
      'heldOn',
      'before_prep_start',
    );
    const stop = {
      personId,
      episodeId: episodeId!,
      version: episode.version,
      reason: 'person_choice' as const,
    };
    await refused(
      t,
      'prep.stop',
      { ...stop, stoppedOn: '2026-03-03' },
      nurse.token,
      'stoppedOn',
      'date_in_future',
    );

    const stopped = await t.must(
      'prep.stop',
      { ...stop, stoppedOn: '2026-03-02', note: 'Nouveau partenaire stable' },
      nurse.token,
    );
    expect(stopped).toMatchObject({
      status: 'stopped',
      stoppedOn: '2026-03-02',
      stopReason: 'person_choice',
      state: null,
    });
    episode = (await t.must('prep.forPerson', { personId }, nurse.token)).items[0];
    await refused(
      t,
      'prep.followUp',
      { ...follow, version: episode.version, heldOn: TODAY },
      nurse.token,
      'heldOn',
      'prep_not_active',
    );
    await refused(
      t,
      'prep.stop',
      { ...stop, version: episode.version, stoppedOn: TODAY },
      nurse.token,
      'stoppedOn',
      'prep_not_active',
    );
    await refused(
      t,
      'prep.start',
      { ...start, startedOn: '2026-03-03' },
      nurse.token,
      'startedOn',
      'date_in_future',
    );
    await refused(
      t,
      'prep.start',
      { ...start, startedOn: '2026-03-01' },
      nurse.token,
      'startedOn',
      'prep_restart_before_stop',
    );

    // A restart is a new episode pointing to the stopped one, due one month after the restart.
    const restarted = await t.must('prep.start', { ...start, startedOn: TODAY }, nurse.token);
    expect(restarted).toMatchObject({
      restartOf: episodeId,
      status: 'active',
      regimen: 'on_demand',
      nextDueOn: '2026-04-02',
    });
    const tab = await t.must('prep.forPerson', { personId }, nurse.token);
    expect(tab.items.map((e) => e.status)).toEqual(['active', 'stopped']);
    const kinds = (await t.must('persons.timeline', { personId }, nurse.token)).items
      .filter((i) => i.section === 'prep')
      .map((i) => i.kind)
      .sort();
    expect(kinds).toEqual(['prep_start', 'prep_start', 'prep_stop']);
  });

  it('a follow-up saved on a stale episode version is a conflict and writes nothing', async () => {
    const { t, nurse, siteId } = await centre();
    const { personId, episodeId } = await personOnPrep(t, nurse.token, 'Cyd', '2026-02-01');
    const r = await t.call(
      'prep.followUp',
      { personId, siteId, episodeId: episodeId!, version: 7, heldOn: TODAY },
      nurse.token,
    );
    expect(r.ok ? null : r.error.code).toBe('conflict');
    expect((await t.must('prep.forPerson', { personId }, nurse.token)).items[0].followUps).toEqual([]);
  });
});

describe('PrEP worklists', () => {
  it('show only persons who share with the care team, or whose episode the reader started; counts agree', async () => {
    const { t, nurse, doctor } = await centre();
    await personOnPrep(t, nurse.token, 'Partage', '2025-10-02');
    await personOnPrep(t, nurse.token, 'Sans partage', '2025-10-03', false);
    const names = async (token: string) =>
      (await t.must('prep.worklist', { list: 'lost_to_follow_up' }, token)).rows.map((r) => r.nameUsed);
    expect(await names(doctor.token)).toEqual(['Partage']);
    expect((await t.must('prep.worklistCounts', {}, doctor.token)).lost_to_follow_up).toBe(1);
    // The nurse started both episodes: an author sees their own line.
    expect(await names(nurse.token)).toEqual(['Partage', 'Sans partage']);
    // The community worker reads PrEP (R); a role without it is refused the list.
    expect(await names(t.worker.token)).toEqual(['Partage']);
    const psy = await staff(t, 'psy', ['psychologist']);
    const r = await t.call('prep.worklist', { list: 'overdue' }, psy.token);
    expect(r.ok ? null : r.error.code).toBe('forbidden');
  });

  it('pages by (due date, id) with a cursor, 50 at most, on the sites asked or the reader’s', async () => {
    const { t, nurse } = await centre();
    for (const [i, d] of ['2026-01-20', '2026-01-21', '2026-01-21', '2026-01-25'].entries())
      await personOnPrep(t, nurse.token, `P${i}`, d);
    const first = await t.must('prep.worklist', { list: 'overdue', limit: 2 }, nurse.token);
    expect(first.rows.map((r) => r.nextDueOn)).toEqual(['2026-02-20', '2026-02-21']);
    expect(first.nextCursor).not.toBeNull();
    const second = await t.must(
      'prep.worklist',
      { list: 'overdue', limit: 2, cursor: first.nextCursor! },
      nurse.token,
    );
    expect(second.rows.map((r) => r.nextDueOn)).toEqual(['2026-02-21', '2026-02-25']);
    expect(second.nextCursor).toBeNull();
    const all = [...first.rows, ...second.rows].map((r) => r.episodeId);
    expect(new Set(all).size).toBe(4);
    // The other site has none of them.
    const other = await t.must('prep.worklist', { list: 'overdue', siteIds: [t.siteIds[1]] }, nurse.token);
    expect(other.rows).toEqual([]);
    const tooMany = await t.call('prep.worklist', { list: 'overdue', limit: 51 }, nurse.token);
    expect(tooMany.ok ? null : tooMany.error.code).toBe('validation');
  });

  it('each list is one statement that searches the (status, site_id, next_due_on) index, never scans a PrEP table', async () => {
    const { t } = await centre();
    const store = t.core.ctx.vault.requireStore();
    for (const list of ['due_this_week', 'overdue', 'lost_to_follow_up'] as const) {
      const plan = await store.exclusive(async () => {
        const em = store.manager;
        const ranges = await rangesFor(em, t.clock.now(), t.siteIds, list);
        const [sql, params] = worklistSql(em, ranges, 'reader');
        const rows = await em.query<Array<{ detail: string }>>(`EXPLAIN QUERY PLAN ${sql}`, params);
        return rows.map((r) => r.detail);
      });
      const text = plan.join('\n');
      expect(text, text).not.toMatch(/SCAN (e|prep_episode|prep_follow_up)\b/);
      expect(text, text).toMatch(/SEARCH e USING INDEX \S+ \(status=\? AND site_id=\? AND next_due_on/);
    }
  });

  it('sites on different dates (another time zone) each get their own range, still one statement on the index', async () => {
    const { t, nurse } = await centre();
    const { sites } = await t.must('centre.get', {}, t.token);
    const outreach = sites.find((s) => s.id === t.siteIds[1])!;
    await t.must(
      'centre.saveSite',
      {
        id: outreach.id,
        version: outreach.version,
        code: outreach.code,
        name: outreach.name,
        timezone: 'Pacific/Auckland',
      },
      t.token,
    );
    await personOnPrep(t, nurse.token, 'Paris', '2026-02-02'); // due 2 March
    const auckland = await personOnPrep(t, nurse.token, 'Auckland', null);
    await t.must(
      'prep.start',
      { personId: auckland.personId, siteId: t.siteIds[1], startedOn: '2026-02-09', regimen: 'daily' },
      nurse.token,
    ); // due 9 March
    // 12:00 UTC on 2 March: 13:00 in Paris (its week: 2–8 March), already 3 March in Auckland (3–9 March).
    t.clock.advance(3 * 3600_000);
    nurse.token = (
      await t.must('auth.login', { username: 'nina', password: 'Nouveau-Mot-de-passe-2026' })
    ).token;
    const store = t.core.ctx.vault.requireStore();
    const { ranges, plan } = await store.exclusive(async () => {
      const em = store.manager;
      const ranges = await rangesFor(em, t.clock.now(), t.siteIds, 'due_this_week');
      const [sql, params] = worklistSql(em, ranges, 'reader');
      const rows = await em.query<Array<{ detail: string }>>(`EXPLAIN QUERY PLAN ${sql}`, params);
      return { ranges, plan: rows.map((r) => r.detail).join('\n') };
    });
    expect(ranges.map((r) => [r.siteIds, r.from, r.to])).toEqual([
      [[t.siteIds[0]], '2026-03-02', '2026-03-08'],
      [[t.siteIds[1]], '2026-03-03', '2026-03-09'],
    ]);
    expect(plan, plan).not.toMatch(/SCAN (e|prep_episode|prep_follow_up)\b/);
    const week = await t.must('prep.worklist', { list: 'due_this_week' }, nurse.token);
    expect(week.rows.map((r) => r.nameUsed).sort()).toEqual(['Auckland', 'Paris']);
  });
});

describe('the counts of the three PrEP lists', () => {
  it('read the PrEP catalogue and the sites no more often than one list does', async () => {
    const { t, nurse } = await centre();
    await personOnPrep(t, nurse.token, 'Compte', '2026-02-02');
    const reads = async (call: () => Promise<unknown>) => {
      const counter = countStatements(t);
      await call();
      vi.restoreAllMocks();
      return {
        catalogue: counter.count(/\bFROM\s+"?catalogue_version"?[\s(]/i),
        sites: counter.count(/\bFROM\s+"?site"?[\s(]/i),
      };
    };
    const page = await reads(() => t.must('prep.worklist', { list: 'due_this_week' }, nurse.token));
    const counts = await reads(async () =>
      expect(await t.must('prep.worklistCounts', {}, nurse.token)).toEqual({
        due_this_week: 1,
        overdue: 0,
        lost_to_follow_up: 0,
      }),
    );
    // Not vacuous: a list reads the catalogue and the sites' time zones.
    expect(page.catalogue).toBeGreaterThan(0);
    expect(page.sites).toBeGreaterThan(0);
    expect(counts).toEqual(page);
  });
});

describe('followUpBounds agrees with classifyFollowUp', () => {
  it('for every due date around every day of a leap year and its month ends', () => {
    const rules = DEFAULT_PREP_FOLLOW_UP;
    const mismatches: string[] = [];
    for (let d = 0; d < 400; d++) {
      const today = addCalendar('2027-12-01', { days: d });
      const { dueSoonUntil, lostUpTo } = followUpBounds(today, rules);
      for (let k = -130; k <= 10; k++) {
        const due = addCalendar(today, { days: k });
        const state = classifyFollowUp(due, today, rules);
        const byBounds =
          due > dueSoonUntil
            ? 'not_yet_due'
            : due >= today
              ? 'due_this_week'
              : due <= lostUpTo
                ? 'lost_to_follow_up'
                : 'overdue';
        if (state !== byBounds) mismatches.push(`${today} ${due}: ${state} vs ${byBounds}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('the demo centre’s PrEP users', () => {
  it('fill every worklist over a year: on time, due this week, overdue and lost, with a low eGFR and a restart among them', async () => {
    const { t, nurse, doctor } = await centre();
    const persons = [];
    for (let i = 0; i < 24; i++)
      persons.push(await t.must('persons.create', personInput(t, { nameUsed: `Démo ${i}` }), nurse.token));
    const started = await populatePrep(t.core, demoActors(t, nurse, doctor, t.worker.id), persons);
    expect(started).toBe(13);
    // Without the care-team consent, each carer sees the lines of the persons they follow.
    const byNurse = await t.must('prep.worklistCounts', {}, nurse.token);
    const byDoctor = await t.must('prep.worklistCounts', {}, doctor.token);
    expect({
      due_this_week: byNurse.due_this_week + byDoctor.due_this_week,
      overdue: byNurse.overdue + byDoctor.overdue,
      lost_to_follow_up: byNurse.lost_to_follow_up + byDoctor.lost_to_follow_up,
    }).toEqual({ due_this_week: 3, overdue: 2, lost_to_follow_up: 2 });
    // On time for a year: started twelve months ago, a follow-up at 1 month then every 3 months.
    const year = (await t.must('prep.forPerson', { personId: persons[2].id }, nurse.token)).items;
    expect(year.map((e) => [e.status, e.startedOn <= '2025-03-02', e.followUps.length])).toEqual([
      ['active', true, 4],
    ]);
    const lowEgfr = await t.must('persons.dossier', { id: persons[10].id }, doctor.token);
    expect(lowEgfr.alerts.map((a) => a.kind)).toContain('egfr_low');
    const restarted = await t.must('prep.forPerson', { personId: persons[12].id }, nurse.token);
    expect(restarted.items.map((e) => [e.status, e.restartOf !== null])).toEqual([
      ['active', true],
      ['stopped', false],
    ]);
  });
});

describe('the PrEP baseline checklist', () => {
  it('ticks each baseline test sampled within 30 days of the start, read from the screenings; only for readers of tests', async () => {
    const { t, nurse, siteId } = await centre();
    const { personId } = await personOnPrep(t, nurse.token, 'Bilan', null);
    const sample = async (daysAgo: number, testCodes: TestCode[]) =>
      t.must(
        'screenings.saveSamples',
        {
          personId,
          siteId,
          takenAt: new Date(t.clock.now().getTime() - daysAgo * 86_400_000).toISOString(),
          add: testCodes.map((testCode) => ({ testCode })),
        },
        nurse.token,
      );
    await sample(10, ['hiv_serology_lab', 'creatinine_lab']);
    // 40 days before the start: too early to count.
    await sample(40, ['syphilis_serology_lab']);
    await t.must('prep.start', { personId, siteId, startedOn: TODAY, regimen: 'daily' }, nurse.token);
    const tab = await t.must('prep.forPerson', { personId }, nurse.token);
    const states = Object.fromEntries((tab.items[0].baseline ?? []).map((b) => [b.testCode, b.state]));
    expect(states).toEqual({
      hiv_serology_lab: 'done',
      creatinine_lab: 'done',
      hbv_serology_lab: 'missing',
      hav_serology_lab: 'missing',
      hcv_serology_lab: 'missing',
      syphilis_serology_lab: 'missing',
      ct_ng_pcr_poc: 'missing',
    });

    // The care-team consent withdrawn: the nurse still reads the episode she started, not the
    // checklist, which comes from the tests section.
    t.clock.advance(60_000);
    await t.must('persons.recordConsent', { personId, scope: 'care_team', given: false }, nurse.token);
    const own = await t.must('prep.forPerson', { personId }, nurse.token);
    expect(own.view.status).toBe('own_only');
    expect(own.items[0].baseline).toBeNull();
    // Nor does the episode's row keep a copy of the samples (tests data in a prep record).
    const store = t.core.ctx.vault.requireStore();
    const rows = await store.exclusive(() =>
      store.manager.query<Array<{ baseline: string }>>(
        'SELECT baseline FROM prep_episode WHERE person_id = ?',
        [personId],
      ),
    );
    expect(rows).toEqual([{ baseline: '[]' }]);
  });
});

describe('PrEP for a carer who sees only what they wrote', () => {
  it('the episode they started shows their follow-ups only: not a colleague’s visit nor its low eGFR', async () => {
    const { t, nurse, doctor, siteId } = await centre();
    const { personId } = await personOnPrep(t, nurse.token, 'Lina', null);
    await t.must('prep.start', { personId, siteId, startedOn: TODAY, regimen: 'daily' }, nurse.token);
    const episode = (await t.must('prep.forPerson', { personId }, doctor.token)).items[0];
    // The doctor's follow-up, with a low eGFR.
    await t.must(
      'prep.followUp',
      { personId, siteId, episodeId: episode.id, version: episode.version, heldOn: TODAY, egfr: 45 },
      doctor.token,
    );
    const full = await t.must('persons.dossier', { id: personId }, nurse.token);
    expect(full.alerts.map((a) => a.kind)).toContain('egfr_low');

    t.clock.advance(60_000);
    await t.must('persons.recordConsent', { personId, scope: 'care_team', given: false }, nurse.token);
    const own = await t.must('persons.dossier', { id: personId }, nurse.token);
    expect(own.alerts.map((a) => a.kind)).not.toContain('egfr_low');
    const timeline = await t.must('persons.timeline', { personId }, nurse.token);
    expect(timeline.items.map((i) => i.kind)).toContain('prep_start');
    expect(timeline.items.map((i) => i.kind)).not.toContain('prep_follow_up');
    const tab = await t.must('prep.forPerson', { personId }, nurse.token);
    expect(tab.items[0].followUps).toEqual([]);
  });
});

describe('PrEP on a merge', () => {
  it('episodes and follow-ups follow the file into the one kept', async () => {
    const { t, nurse, siteId } = await centre();
    const kept = await personOnPrep(t, nurse.token, 'Gardée', null);
    const other = await personOnPrep(t, nurse.token, 'Doublon', '2026-01-10');
    const episode = (await t.must('prep.forPerson', { personId: other.personId }, nurse.token)).items[0];
    await t.must(
      'prep.followUp',
      {
        personId: other.personId,
        siteId,
        episodeId: episode.id,
        version: episode.version,
        heldOn: '2026-02-10',
      },
      nurse.token,
    );
    const [a, b] = await Promise.all([
      t.must('persons.get', { id: kept.personId }, t.token),
      t.must('persons.get', { id: other.personId }, t.token),
    ]);
    await t.must(
      'persons.merge',
      { survivorId: a.id, mergedId: b.id, survivorVersion: a.version, mergedVersion: b.version },
      t.token,
    );
    const tab = await t.must('prep.forPerson', { personId: kept.personId }, nurse.token);
    expect(tab.items).toMatchObject([
      {
        id: episode.id,
        personId: kept.personId,
        followUps: [{ heldOn: '2026-02-10', personId: kept.personId }],
      },
    ]);
    expect((await t.must('prep.forPerson', { personId: other.personId }, nurse.token)).items).toEqual([]);
  });
});
