/**
 * Screenings on a real encrypted store: samples (one per site for CT/NG), results typed by the
 * test's ResultType, interpretation and infections read from the catalogue, the confirmation of a
 * reactive rapid test, "result given", and every refusal of docs/clinical-pathway.md — each naming
 * its field and writing nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/contract';
import { orderSamples, samplesOfPerson } from '../../electron/core/services/screenings/repository';
import { RESULT_SAVED_HOOKS, type SavedResult } from '../../electron/core/services/screenings/result-hooks';
import {
  clinicalCentre,
  consentingPerson,
  demoActors,
  importRecords as importInto,
} from './helpers/clinical';
import { populateScreenings } from '../../electron/server/commands/demo-screenings';
import { personInput } from './helpers/reception';

async function screeningCentre() {
  const { t, nurse, doctor } = await clinicalCentre();
  const person = { id: await consentingPerson(t, nurse.token, personInput(t).nameUsed) };
  const now = () => t.clock.now().toISOString();
  const later = (minutes: number) => new Date(t.clock.now().getTime() + minutes * 60_000).toISOString();
  const take = async (add: ChannelInput<'screenings.saveSamples'>['add']) =>
    (
      await t.must(
        'screenings.saveSamples',
        { personId: person.id, siteId: t.siteIds[0], takenAt: now(), add },
        nurse.token,
      )
    ).samples;
  const list = async () => (await t.must('screenings.forPerson', { personId: person.id }, nurse.token)).items;
  const em = () => t.core.ctx.vault.requireStore().manager;
  return { t, nurse, doctor, person, now, later, take, list, em };
}

type Centre = Awaited<ReturnType<typeof screeningCentre>>;

async function refused(c: Centre, input: Omit<ChannelInput<'screenings.saveResult'>, 'personId'>) {
  const before = await c.list();
  const r = await c.t.call('screenings.saveResult', { personId: c.person.id, ...input }, c.nurse.token);
  expect(await c.list()).toEqual(before); // a refused save writes nothing
  if (r.ok) throw new Error('saved a result that should be refused');
  return { field: r.error.field, reason: r.error.details?.reason };
}

/** The hooks other capabilities registered: each test that adds one puts them back after. */
const REGISTERED = [...RESULT_SAVED_HOOKS];
afterEach(() => {
  RESULT_SAVED_HOOKS.splice(0, RESULT_SAVED_HOOKS.length, ...REGISTERED);
});

describe('samples', () => {
  it('a nurse takes one CT/NG sample per anatomical site and a rapid test, in one screening of the day', async () => {
    const c = await screeningCentre();
    const samples = await c.take([
      { testCode: 'ct_ng_pcr_poc', anatomicalSite: 'throat' },
      { testCode: 'ct_ng_pcr_poc', anatomicalSite: 'anus' },
      { testCode: 'hiv_trod' },
    ]);
    expect(samples.map((s) => [s.testCode, s.anatomicalSite, s.status])).toEqual([
      ['ct_ng_pcr_poc', 'throat', 'taken'],
      ['ct_ng_pcr_poc', 'anus', 'taken'],
      ['hiv_trod', null, 'taken'],
    ]);
    expect(new Set(samples.map((s) => s.screeningId)).size).toBe(1);
    expect(samples[0].takenOn).toBe('2026-03-02');
    expect(samples[0].takenBy).toBe(c.nurse.id);
    // Later that day: the same screening.
    c.t.clock.advance(3 * 60_000);
    const [urine] = await c.take([{ testCode: 'ct_ng_pcr_poc', anatomicalSite: 'urine' }]);
    expect(urine.screeningId).toBe(samples[0].screeningId);
  });

  it('samples saved without a time are taken at the core’s clock, on the site’s day (the screen sends none)', async () => {
    const c = await screeningCentre();
    c.t.clock.advance(7 * 60_000);
    const { samples } = await c.t.must(
      'screenings.saveSamples',
      { personId: c.person.id, siteId: c.t.siteIds[0], add: [{ testCode: 'hiv_trod' }] },
      c.nurse.token,
    );
    // The core's clock (the test clock, 2 March), not the machine's calendar.
    expect(samples[0]).toMatchObject({ takenAt: '2026-03-02T09:07:00.000Z', takenOn: '2026-03-02' });
  });

  it('refuses a CT/NG sample without its site, a site on a single-sample test, and a date in the future', async () => {
    const c = await screeningCentre();
    const cases: Array<[ChannelInput<'screenings.saveSamples'>, string, string]> = [
      [
        {
          personId: c.person.id,
          siteId: c.t.siteIds[0],
          takenAt: c.now(),
          add: [{ testCode: 'hiv_trod' }, { testCode: 'ct_ng_pcr_poc' }],
        },
        'add.1.anatomicalSite',
        'anatomical_site_required',
      ],
      [
        {
          personId: c.person.id,
          siteId: c.t.siteIds[0],
          takenAt: c.now(),
          add: [{ testCode: 'hiv_trod', anatomicalSite: 'throat' }],
        },
        'add.0.anatomicalSite',
        'anatomical_site_not_sampled',
      ],
      [
        {
          personId: c.person.id,
          siteId: c.t.siteIds[0],
          takenAt: c.later(60),
          add: [{ testCode: 'hiv_trod' }],
        },
        'takenAt',
        'date_in_future',
      ],
    ];
    for (const [input, field, reason] of cases) {
      const r = await c.t.call('screenings.saveSamples', input, c.nurse.token);
      expect(r.ok ? null : { field: r.error.field, reason: r.error.details?.reason }).toEqual({
        field,
        reason,
      });
    }
    expect(await c.list()).toEqual([]);
  });

  it('orderSamples creates ordered samples in the day screening; the nurse then marks them taken', async () => {
    const c = await screeningCentre();
    const ordered = await c.em().transaction((em) =>
      orderSamples(em, {
        personId: c.person.id,
        siteId: c.t.siteIds[0],
        takenOn: '2026-03-02',
        orderedBy: c.doctor.id,
        tests: [
          { testCode: 'syphilis_serology_lab' },
          { testCode: 'ct_ng_pcr_poc', anatomicalSite: 'vagina' },
        ],
        now: c.t.clock.now(),
      }),
    );
    expect(ordered.map((s) => s.status)).toEqual(['ordered', 'ordered']);
    await expect(
      c.em().transaction((em) =>
        orderSamples(em, {
          personId: c.person.id,
          siteId: c.t.siteIds[0],
          takenOn: '2026-03-02',
          orderedBy: c.doctor.id,
          tests: [{ testCode: 'ct_ng_pcr_poc' }],
        }),
      ),
    ).rejects.toMatchObject({ field: 'tests.0.anatomicalSite' });
    // A result on an ordered sample is refused: it has not been taken.
    expect(
      await refused(c, {
        sampleId: ordered[0].id,
        resultedAt: c.now(),
        value: { type: 'titre', positivity: 'negative' },
      }),
    ).toEqual({ field: 'sampleId', reason: 'sample_required' });
    const { samples } = await c.t.must(
      'screenings.saveSamples',
      {
        personId: c.person.id,
        siteId: c.t.siteIds[0],
        takenAt: c.now(),
        take: ordered.map((s) => ({ id: s.id, version: s.version })),
      },
      c.nurse.token,
    );
    expect(samples.map((s) => [s.status, s.screeningId, s.takenBy])).toEqual([
      ['taken', ordered[0].screeningId, c.nurse.id],
      ['taken', ordered[0].screeningId, c.nurse.id],
    ]);
    const all = await c.em().transaction((em) =>
      samplesOfPerson(em, c.person.id, {
        testCodes: ['syphilis_serology_lab'],
        from: '2026-03-01',
        to: '2026-03-02',
      }),
    );
    expect(all.map((s) => [s.testCode, s.takenOn, s.result])).toEqual([
      ['syphilis_serology_lab', '2026-03-02', null],
    ]);
    const none = await c.em().transaction((em) => samplesOfPerson(em, c.person.id, { from: '2026-03-03' }));
    expect(none).toEqual([]);
  });
});

describe('results', () => {
  it('derives the interpretation and the infections from the catalogue, per result type', async () => {
    const c = await screeningCentre();
    const taken = await c.take([
      { testCode: 'ct_ng_pcr_poc', anatomicalSite: 'throat' },
      { testCode: 'hbv_serology_lab' },
      { testCode: 'hav_serology_lab' },
      { testCode: 'creatinine_lab' },
      { testCode: 'hcv_vl_poc' },
    ]);
    const [throat, hbv, hav, creat, hcv] = taken;
    const save = async (sampleId: string, value: ChannelInput<'screenings.saveResult'>['value']) =>
      (
        await c.t.must(
          'screenings.saveResult',
          { personId: c.person.id, sampleId, value, resultedAt: c.now() },
          c.nurse.token,
        )
      ).sample.result!;
    const ct = await save(throat.id, {
      type: 'per_target',
      targets: { chlamydia: 'detected', gonorrhoea: 'not_detected' },
    });
    expect([ct.interpretation, ct.infections, ct.toGive]).toEqual(['positive', ['chlamydia'], true]);
    const b = await save(hbv.id, {
      type: 'markers',
      markers: { hbs_ag: 'negative', anti_hbs: 'positive', anti_hbc: 'positive' },
    });
    expect([b.interpretation, b.infections]).toEqual(['negative', []]);
    const a = await save(hav.id, { type: 'immunity', immunity: 'immune' });
    expect([a.interpretation, a.infections]).toEqual(['positive', []]);
    const k = await save(creat.id, { type: 'creatinine_egfr', creatinine: 80, egfr: 95 });
    expect([k.interpretation, k.value]).toEqual([
      'negative',
      { type: 'creatinine_egfr', creatinine: 80, egfr: 95 },
    ]);
    const h = await save(hcv.id, { type: 'detection', detection: 'detected', viralLoad: 150000 });
    expect([h.interpretation, h.infections]).toEqual(['positive', ['hcv']]);
    const samples = await c.list();
    expect(samples.every((s) => s.status === 'resulted')).toBe(true);
  });

  it('refuses each bad input naming its field, and writes nothing', async () => {
    const c = await screeningCentre();
    const [trod, ct, hcv, syph, hbv, creat] = await c.take([
      { testCode: 'hiv_trod' },
      { testCode: 'ct_ng_pcr_poc', anatomicalSite: 'anus' },
      { testCode: 'hcv_vl_poc' },
      { testCode: 'syphilis_serology_lab' },
      { testCode: 'hbv_serology_lab' },
      { testCode: 'creatinine_lab' },
    ]);
    const at = c.now();
    const bad = (field: string) => ({ field, reason: 'result_value_invalid' });
    expect(
      await refused(c, {
        sampleId: 'no-such-sample',
        resultedAt: at,
        value: { type: 'reactivity', reactivity: 'reactive' },
      }),
    ).toEqual({
      field: 'sampleId',
      reason: 'sample_required',
    });
    expect(
      await refused(c, {
        sampleId: trod.id,
        resultedAt: new Date(Date.parse(at) - 60_000).toISOString(),
        value: { type: 'reactivity', reactivity: 'reactive' },
      }),
    ).toEqual({ field: 'resultedAt', reason: 'result_before_sample' });
    expect(
      await refused(c, {
        sampleId: trod.id,
        resultedAt: c.later(60),
        value: { type: 'reactivity', reactivity: 'reactive' },
      }),
    ).toEqual({
      field: 'resultedAt',
      reason: 'date_in_future',
    });
    expect(
      await refused(c, {
        sampleId: trod.id,
        resultedAt: at,
        value: { type: 'reactivity', reactivity: 'positive' },
      }),
    ).toEqual(bad('value.reactivity'));
    expect(
      await refused(c, {
        sampleId: trod.id,
        resultedAt: at,
        value: { type: 'positivity', positivity: 'positive' },
      }),
    ).toEqual(bad('value.type'));
    expect(
      await refused(c, {
        sampleId: ct.id,
        resultedAt: at,
        value: { type: 'per_target', targets: { chlamydia: 'detected' } },
      }),
    ).toEqual(bad('value.targets.gonorrhoea'));
    expect(
      await refused(c, {
        sampleId: hcv.id,
        resultedAt: at,
        value: { type: 'detection', detection: 'detected' },
      }),
    ).toEqual(bad('value.viralLoad'));
    expect(
      await refused(c, {
        sampleId: hcv.id,
        resultedAt: at,
        value: { type: 'detection', detection: 'detected', viralLoad: -5 },
      }),
    ).toEqual(bad('value.viralLoad'));
    expect(
      await refused(c, {
        sampleId: syph.id,
        resultedAt: at,
        value: { type: 'titre', positivity: 'positive' },
      }),
    ).toEqual(bad('value.titre'));
    expect(
      await refused(c, {
        sampleId: syph.id,
        resultedAt: at,
        value: { type: 'titre', positivity: 'positive', titre: '16' },
      }),
    ).toEqual(bad('value.titre'));
    expect(
      await refused(c, {
        sampleId: hbv.id,
        resultedAt: at,
        value: { type: 'markers', markers: { hbs_ag: 'positive', anti_hbs: 'negative', anti_hbc: 'maybe' } },
      }),
    ).toEqual(bad('value.markers.anti_hbc'));
    expect(
      await refused(c, {
        sampleId: creat.id,
        resultedAt: at,
        value: { type: 'creatinine_egfr', creatinine: 80, egfr: 450 },
      }),
    ).toEqual(bad('value.egfr'));
    expect(
      await refused(c, {
        sampleId: creat.id,
        resultedAt: at,
        value: { type: 'creatinine_egfr', creatinine: 0, egfr: 90 },
      }),
    ).toEqual(bad('value.creatinine'));
    // A sample that already has its result.
    await c.t.must(
      'screenings.saveResult',
      {
        personId: c.person.id,
        sampleId: syph.id,
        resultedAt: at,
        value: { type: 'titre', positivity: 'positive', titre: '1:16' },
      },
      c.nurse.token,
    );
    expect(
      await refused(c, {
        sampleId: syph.id,
        resultedAt: at,
        value: { type: 'titre', positivity: 'negative' },
      }),
    ).toEqual({
      field: 'sampleId',
      reason: 'result_exists',
    });
  });

  it('a reactive HIV rapid test orders its confirmation; alerts follow; giving the result clears it', async () => {
    const c = await screeningCentre();
    const [trod, other] = await c.take([{ testCode: 'hiv_trod' }, { testCode: 'hcv_trod' }]);
    c.t.clock.advance(4 * 60_000);
    const { sample, confirmation } = await c.t.must(
      'screenings.saveResult',
      {
        personId: c.person.id,
        sampleId: trod.id,
        resultedAt: c.now(),
        value: { type: 'reactivity', reactivity: 'reactive' },
      },
      c.nurse.token,
    );
    expect(sample.result).toMatchObject({ interpretation: 'positive', infections: ['hiv'], toGive: true });
    expect(confirmation).toMatchObject({
      testCode: 'hiv_serology_lab',
      status: 'ordered',
      confirmsResultId: sample.result!.id,
      screeningId: trod.screeningId,
    });
    const invalid = await c.t.must(
      'screenings.saveResult',
      {
        personId: c.person.id,
        sampleId: other.id,
        resultedAt: c.now(),
        value: { type: 'reactivity', reactivity: 'invalid' },
      },
      c.nurse.token,
    );
    expect(invalid.confirmation).toBeNull();
    expect(invalid.sample.result).toMatchObject({ interpretation: 'invalid', toGive: false });

    const kinds = async () =>
      (await c.t.must('persons.dossier', { id: c.person.id }, c.doctor.token)).alerts.map((a) => a.kind);
    expect(await kinds()).toEqual(expect.arrayContaining(['result_to_give', 'confirmation_pending']));
    const timeline = (await c.t.must('persons.timeline', { personId: c.person.id }, c.doctor.token)).items;
    expect(timeline.filter((i) => i.kind === 'result').map((i) => [i.label, i.detail])).toEqual(
      expect.arrayContaining([
        ['positive', 'hiv_trod'],
        ['invalid', 'hcv_trod'],
      ]),
    );
    expect(timeline.filter((i) => i.kind === 'screening')).toHaveLength(1);

    const given = await c.t.must(
      'screenings.give',
      {
        personId: c.person.id,
        resultId: sample.result!.id,
        version: sample.result!.version,
        givenAt: c.now(),
      },
      c.doctor.token,
    );
    expect(given.result).toMatchObject({ toGive: false, givenBy: c.doctor.id, givenAt: c.now() });
    expect(await kinds()).not.toContain('result_to_give');
    const again = await c.t.call(
      'screenings.give',
      {
        personId: c.person.id,
        resultId: sample.result!.id,
        version: given.result!.version,
        givenAt: c.now(),
      },
      c.doctor.token,
    );
    expect(again.ok ? null : again.error.details?.reason).toBe('result_not_to_give');

    // The confirmation taken and resulted: no longer pending.
    await c.t.must(
      'screenings.saveSamples',
      {
        personId: c.person.id,
        siteId: c.t.siteIds[0],
        takenAt: c.now(),
        take: [{ id: confirmation!.id, version: confirmation!.version }],
      },
      c.nurse.token,
    );
    await c.t.must(
      'screenings.saveResult',
      {
        personId: c.person.id,
        sampleId: confirmation!.id,
        resultedAt: c.now(),
        value: { type: 'positivity', positivity: 'positive' },
        source: 'lab',
      },
      c.nurse.token,
    );
    expect(await kinds()).not.toContain('confirmation_pending');
  });

  it('runs the result hooks inside the save: a hook that fails refuses the whole result', async () => {
    const c = await screeningCentre();
    const [trod] = await c.take([{ testCode: 'hiv_trod' }]);
    const seen: SavedResult[] = [];
    RESULT_SAVED_HOOKS.push((_em, result) => {
      seen.push(result);
      return Promise.reject(new Error('hook failed'));
    });
    const r = await c.t.call(
      'screenings.saveResult',
      {
        personId: c.person.id,
        sampleId: trod.id,
        resultedAt: c.now(),
        value: { type: 'reactivity', reactivity: 'reactive' },
      },
      c.nurse.token,
    );
    expect(r.ok).toBe(false);
    expect(seen).toMatchObject([
      { personId: c.person.id, testCode: 'hiv_trod', interpretation: 'positive', infections: ['hiv'] },
    ]);
    const [after] = await c.list();
    // Neither the result nor the confirmation it ordered was written.
    expect([after.status, after.result, (await c.list()).length]).toEqual(['taken', null, 1]);
    RESULT_SAVED_HOOKS.splice(0, RESULT_SAVED_HOOKS.length, ...REGISTERED);
    RESULT_SAVED_HOOKS.push(async (em, result) => {
      seen.push(result);
      // The hook sees the result in the same transaction.
      const rows = await samplesOfPerson(em, result.personId, { testCodes: ['hiv_trod'] });
      expect(rows[0].result?.id).toBe(result.id);
    });
    await c.t.must(
      'screenings.saveResult',
      {
        personId: c.person.id,
        sampleId: trod.id,
        resultedAt: c.now(),
        value: { type: 'reactivity', reactivity: 'non_reactive' },
      },
      c.nurse.token,
    );
    expect(seen).toHaveLength(2);
  });
});

describe('the demo history', () => {
  it('screenings on open days over a year from each first visit, the scripted story replayed in order: positives treated, tested for cure, older results given', async () => {
    const c = await screeningCentre();
    const { t } = c;
    // Persons first seen 330 and 10 days ago (the demo replays from each file's creation); the
    // first is the demo's person 0, whose gonorrhoea 300 days ago is a story of demo-treatments.ts.
    const persons = [];
    for (const daysAgo of [330, 10]) {
      t.clock.t = Date.parse('2026-03-02T09:00:00Z') - daysAgo * 86_400_000;
      const nurse = await t.must('auth.login', { username: 'nina', password: 'Nouveau-Mot-de-passe-2026' });
      const p = await t.must('persons.create', personInput(t, { nameUsed: `Démo ${daysAgo}` }), nurse.token);
      await t.must('persons.recordConsent', { personId: p.id, scope: 'care_team', given: true }, nurse.token);
      persons.push(p);
    }
    t.clock.t = Date.parse('2026-03-02T09:00:00Z');
    const taken = await populateScreenings(t.core, demoActors(t, c.nurse, c.doctor), persons);
    const nurse = await t.must('auth.login', { username: 'nina', password: 'Nouveau-Mot-de-passe-2026' });
    const samples = [];
    const items = [];
    for (const p of persons) {
      samples.push(...(await t.must('screenings.forPerson', { personId: p.id }, nurse.token)).items);
      items.push(...(await t.must('treatments.forPerson', { personId: p.id }, nurse.token)).items);
    }
    expect(samples).toHaveLength(taken);
    const days = [...new Set(samples.map((s) => s.takenOn))].sort();
    // From the first visit to yesterday, on the days the demo site opens (Tuesday to Saturday).
    expect(days[0] <= '2025-04-10').toBe(true);
    expect(days[days.length - 1] < '2026-03-02').toBe(true);
    expect(days.every((d) => ![0, 1].includes(new Date(`${d}T12:00:00Z`).getUTCDay()))).toBe(true);
    expect(new Set(samples.map((s) => s.screeningId)).size).toBeGreaterThanOrEqual(5);
    // The story: gonorrhoea at the throat 300 days ago, treated that morning, partners listed,
    // and the test of cure taken four weeks later.
    const story = items.find((i) => i.openedOn === '2025-05-06');
    expect(story).toMatchObject({ infection: 'gonorrhoea', status: 'treated', delayDays: 0 });
    expect(story!.partners.map((p) => p.status)).toEqual(['treated', 'tested']);
    expect(story!.cureResultId).not.toBeNull();
    // Every positive treated, none left open.
    expect(items.every((i) => i.status === 'treated')).toBe(true);
    const results = samples.flatMap((s) => (s.result ? [s.result] : []));
    expect(results.some((r) => r.givenAt)).toBe(true);
    expect(results.some((r) => r.toGive)).toBe(true);
    expect(results.filter((r) => r.toGive).every((r) => r.resultedAt > '2026-02-15')).toBe(true);
  });
});

describe('the interchange import', () => {
  it('applies the screens’ rules to sample and result records, and writes a valid one', async () => {
    const c = await screeningCentre();
    const { t } = c;
    const other = await t.must('persons.create', personInput(t, { nameUsed: 'Bo' }), c.nurse.token);
    const [trod, resulted] = await c.take([{ testCode: 'hiv_trod' }, { testCode: 'hcv_trod' }]);
    await t.must(
      'screenings.saveResult',
      {
        personId: c.person.id,
        sampleId: resulted.id,
        value: { type: 'reactivity', reactivity: 'non_reactive' },
        resultedAt: c.now(),
      },
      c.nurse.token,
    );
    const importRecords = (...records: object[]) => importInto(t, ...records);
    const result = {
      type: 'result',
      id: 'res-import',
      sampleId: trod.id,
      personId: c.person.id,
      siteId: t.siteIds[0],
      testCode: 'hiv_trod',
      value: { type: 'reactivity', reactivity: 'non_reactive' },
      interpretation: 'negative',
      infections: [],
      toGive: true,
      resultedAt: c.later(2),
      authorId: c.nurse.id,
    };
    const refused = async (record: object) =>
      ((await importRecords(record)) as Array<{ field: string; reason: string }>).map((e) => [
        e.field,
        e.reason,
      ]);
    expect(await refused({ ...result, resultedAt: c.later(-60) })).toEqual([
      ['resultedAt', 'result_before_sample'],
    ]);
    expect(await refused({ ...result, value: { type: 'reactivity', reactivity: 'positive' } })).toEqual([
      ['value.reactivity', 'result_value_invalid'],
    ]);
    expect(await refused({ ...result, value: { type: 'positivity', positivity: 'negative' } })).toEqual([
      ['value.type', 'result_value_invalid'],
    ]);
    expect(await refused({ ...result, personId: other.id })).toEqual([['sampleId', 'sample_required']]);
    expect(await refused({ ...result, sampleId: resulted.id, testCode: 'hcv_trod' })).toEqual([
      ['sampleId', 'result_exists'],
    ]);
    expect(
      await refused({
        type: 'sample',
        id: 'smp-import',
        screeningId: trod.screeningId,
        personId: c.person.id,
        siteId: t.siteIds[0],
        testCode: 'ct_ng_pcr_poc',
        status: 'taken',
        takenAt: c.now(),
      }),
    ).toEqual([['anatomicalSite', 'anatomical_site_required']]);
    expect((await c.list()).find((s) => s.id === trod.id)?.result).toBeNull();

    expect(await importRecords(result)).toEqual([]);
    expect((await c.list()).find((s) => s.id === trod.id)?.result).toMatchObject({
      id: 'res-import',
      interpretation: 'negative',
    });
  });
});
