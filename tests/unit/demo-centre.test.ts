/**
 * The demo centre (`parcours demo`) holds a year of clinical history for its persons, read back
 * through the app's own channels as the demo's carers see it: screenings in each of the last
 * twelve months at a community centre's positivity, positives treated the same day and late, one
 * still to treat on the board, partners at every status, tests of cure, HIV and hepatitis
 * referrals, PrEP users in every follow-up state, vaccine courses complete, in progress, due and
 * overdue, consultations matching the positives, and waiting lists some waiting for months.
 */
import { describe, expect, it } from 'vitest';
import type { Infection } from '../../shared/domain/clinical-catalogues';
import { addCalendar, daysBetween } from '../../shared/domain/schedules';
import { createDemoCentre, DEMO_PASSWORD } from '../../electron/server/commands/setup';
import { PEOPLE } from '../../electron/server/commands/demo-people';
import { FakeClock, startCore } from './helpers/core';

/** The demo built on Wednesday 10 June 2026 at 10:00 in Paris. */
const TODAY = '2026-06-10';
/** The demo replays both programmes (the CHAMS sites too, demo-chams.ts): more than the default. */
const DEMO_TIMEOUT_MS = 180_000;

describe('the demo centre', { timeout: DEMO_TIMEOUT_MS }, () => {
  it('holds a year of clinical history: screenings, Test and Treat, PrEP, vaccines, consultations, waiting lists', async () => {
    const t = await startCore(undefined, new FakeClock(Date.parse(`${TODAY}T08:00:00Z`)));
    await createDemoCentre(t.core);
    const login = (username: string) => t.must('auth.login', { username, password: DEMO_PASSWORD });
    const nurseSession = await login('infirmier');
    const nurse = nurseSession.token;
    const doctor = (await login('medecin')).token;
    const worker = (await login('accueil')).token;
    const ids: string[] = [];
    for (const p of PEOPLE) ids.push((await t.must('persons.search', { query: p.nameUsed }, nurse))[0].id);
    expect(new Set(ids).size).toBe(PEOPLE.length);

    // The nurse took every sample and entered every result: she reads them all back.
    const samples = [];
    const items = [];
    for (const personId of ids) {
      samples.push(...(await t.must('screenings.forPerson', { personId }, nurse)).items);
      items.push(...(await t.must('treatments.forPerson', { personId }, nurse)).items);
    }

    // Screenings in each of the last twelve months, the oldest about a year ago.
    const months = new Set(samples.map((s) => s.takenOn.slice(0, 7)));
    for (let m = 1; m <= 12; m++) expect(months).toContain(addCalendar(TODAY, { months: -m }).slice(0, 7));
    const oldest = samples.map((s) => s.takenOn).sort()[0];
    expect(daysBetween(oldest, TODAY)).toBeGreaterThan(330);
    // Older results given, recent ones still to give, the last lab serologies awaited.
    const results = samples.flatMap((s) => (s.result ? [s.result] : []));
    expect(results.filter((r) => r.givenAt).length).toBeGreaterThan(results.length / 2);
    expect(results.some((r) => r.toGive)).toBe(true);
    expect(samples.some((s) => s.status === 'taken' && s.testCode === 'syphilis_serology_lab')).toBe(true);

    // A community centre's positivity, CT/NG by anatomical site.
    const ctng = samples.filter((s) => s.testCode === 'ct_ng_pcr_poc' && s.result);
    const screenings = new Set(ctng.map((s) => s.screeningId)).size;
    expect(screenings).toBeGreaterThan(60);
    const finding = (infection: Infection) =>
      new Set(ctng.filter((s) => s.result!.infections.includes(infection)).map((s) => s.screeningId)).size /
      screenings;
    expect(finding('chlamydia')).toBeGreaterThanOrEqual(0.06);
    expect(finding('chlamydia')).toBeLessThanOrEqual(0.13);
    expect(finding('gonorrhoea')).toBeGreaterThanOrEqual(0.03);
    expect(finding('gonorrhoea')).toBeLessThanOrEqual(0.08);
    const positiveSites = new Set(
      ctng.filter((s) => s.result!.interpretation === 'positive').map((s) => s.anatomicalSite),
    );
    expect(positiveSites.size).toBeGreaterThanOrEqual(3);

    // Test and Treat: most the same day, some late, one still to treat (on the board today).
    const treated = items.filter((i) => i.status === 'treated');
    const delays = treated.map((i) => i.delayDays!);
    expect(delays.filter((d) => d === 0).length).toBeGreaterThan(treated.length / 2);
    expect(delays.filter((d) => d >= 3).length).toBeGreaterThanOrEqual(3);
    const treatedMonths = new Set(treated.map((i) => i.treatedOn!.slice(0, 7)));
    expect(treatedMonths.size).toBeGreaterThanOrEqual(8);
    expect(items.filter((i) => i.status === 'open').map((i) => i.personId)).toEqual([ids[2]]);
    const siteId = nurseSession.user.sites.find((s) => s.code === 'MTP')!.id;
    const board = await t.must('visits.board', { siteId }, nurse);
    expect(board.rows.find((r) => r.personId === ids[2])?.priority).toBe('positive_to_treat');
    expect(new Set(items.flatMap((i) => i.partners.map((p) => p.status)))).toEqual(
      new Set(['to_notify', 'notified', 'tested', 'treated']),
    );
    // Tests of cure: done four weeks after most CT/NG treatments, still due after the recent ones.
    expect(treated.filter((i) => i.cureResultId).length).toBeGreaterThan(5);
    expect(treated.some((i) => i.cureTestDueOn && i.cureTestDueOn >= TODAY)).toBe(true);
    expect(items.find((i) => i.infection === 'hiv')).toMatchObject({
      status: 'closed',
      closedReason: 'referral_attended',
    });
    expect(items.find((i) => i.infection === 'hcv')?.status).toBe('referred');

    // PrEP: users on time for a year, due this week, overdue, lost, a restart, a low eGFR.
    const prep = [];
    for (const personId of ids) prep.push(...(await t.must('prep.forPerson', { personId }, nurse)).items);
    expect(prep.some((e) => e.status === 'active' && e.followUps.length >= 4)).toBe(true);
    expect(prep.some((e) => e.restartOf !== null)).toBe(true);
    expect(prep.some((e) => e.status === 'stopped')).toBe(true);
    // Every PrEP user's prescription is on their PrEP tab, linked to one of their episodes.
    for (const personId of new Set(prep.map((e) => e.personId))) {
      const tab = await t.must('prep.forPerson', { personId }, doctor);
      const own = new Set(tab.items.map((e) => e.id));
      expect(tab.prescriptions?.length, personId).toBeGreaterThan(0);
      for (const p of tab.prescriptions ?? []) expect(own.has(p.episodeId), personId).toBe(true);
    }
    const prepCounts = [
      await t.must('prep.worklistCounts', {}, nurse),
      await t.must('prep.worklistCounts', {}, doctor),
    ];
    for (const list of ['due_this_week', 'overdue', 'lost_to_follow_up'] as const)
      expect(prepCounts[0][list] + prepCounts[1][list], list).toBeGreaterThanOrEqual(2);
    let lowEgfr = 0;
    for (const id of ids)
      for (const token of [nurse, doctor])
        if ((await t.must('persons.dossier', { id }, token)).alerts.some((a) => a.kind === 'egfr_low'))
          lowEgfr += 1;
    expect(lowEgfr).toBeGreaterThanOrEqual(1);

    // Vaccines: HBV, HPV and mpox courses complete and in progress, doses due and overdue.
    const courses = [];
    for (const personId of ids)
      courses.push(...(await t.must('vaccinations.forPerson', { personId }, nurse)).items);
    for (const vaccine of ['hepatitis_b', 'hpv', 'mpox'] as const) {
      const of = courses.filter((c) => c.vaccineCode === vaccine);
      expect(
        of.some((c) => c.status === 'complete'),
        vaccine,
      ).toBe(true);
      expect(
        of.some((c) => c.status === 'in_progress'),
        vaccine,
      ).toBe(true);
    }
    const vaccineCounts = [
      await t.must('vaccinations.worklistCounts', {}, nurse),
      await t.must('vaccinations.worklistCounts', {}, doctor),
    ];
    expect(vaccineCounts[0].due + vaccineCounts[1].due).toBeGreaterThanOrEqual(1);
    expect(vaccineCounts[0].overdue + vaccineCounts[1].overdue).toBeGreaterThanOrEqual(2);

    // Consultations: each day a positive was treated, the doctor's codes and prescription match.
    const codes: Record<string, string> = { chlamydia: 'A56', gonorrhoea: 'A54', syphilis: 'A51' };
    for (const personId of ids) {
      const given = treated.filter((i) => i.personId === personId);
      if (!given.length) continue;
      const consultations = (await t.must('consultations.forPerson', { personId }, doctor)).items;
      for (const item of given) {
        const that = consultations.find(
          (c) =>
            c.diagnoses.includes(codes[item.infection]) &&
            daysBetween(c.heldAt.slice(0, 10), item.treatedOn!) <= 1 &&
            c.prescription?.lines.some((l) => l.drug === item.treatment!.drug),
        );
        expect(that, `${item.infection} treated on ${item.treatedOn}`).toBeDefined();
      }
    }

    // Waiting lists: some booked, some waiting for months.
    const entries = [];
    for (const personId of ids)
      entries.push(...(await t.must('waitingLists.forPerson', { personId }, worker)).items);
    expect(entries.some((e) => e.status === 'booked')).toBe(true);
    expect(entries.some((e) => e.status === 'waiting' && e.waitingDays! > 90)).toBe(true);
  });
});
