/**
 * The lab import writes in bulk (issue 10: 10,000 results within 3× a hand-written bulk insert):
 * its persons, consents, grants and samples are read a few statements per 900 persons, its results
 * inserted many per statement, and the Test and Treat hook runs once per chunk of results
 * (`RESULT_BATCH_SAVED_HOOKS`). The rules stay the screen's: the same results open the same
 * to-treat items and end the same tests of cure, whether saved one by one on the screen or
 * imported together. Counted without timing: the statements on the tables the matching reads.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { consentingPerson } from './helpers/clinical';
import { countStatements } from './helpers/statements';
import { reception, staff, type Centre } from './helpers/reception';

const HEADER =
  'file_number;sample_date;test_code;anatomical_site;target;marker;result;value;unit;result_date;lab_reference';
const line = (c: Partial<Record<string, string>>) =>
  HEADER.split(';')
    .map((k) => c[k] ?? '')
    .join(';');
const csv = (lines: string[]) => [HEADER, ...lines].join('\r\n') + '\r\n';

const DAY = 24 * 3600_000;

afterEach(() => {
  vi.restoreAllMocks();
});

async function centre() {
  const t = await reception();
  const nurse = await staff(t, 'nina', ['nurse']);
  return { t, nurse, siteId: t.siteIds[0] };
}

/** A gonorrhoea found 40 days ago and treated 31 days ago: its test of cure is due. */
async function treatedWithCureTestDue(t: Centre, token: string, personId: string) {
  const at = new Date(t.clock.now().getTime() - 40 * DAY).toISOString();
  const { samples } = await t.must(
    'screenings.saveSamples',
    {
      personId,
      siteId: t.siteIds[0],
      takenAt: at,
      add: [{ testCode: 'ct_ng_pcr_poc', anatomicalSite: 'throat' }],
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
  const [item] = (await t.must('treatments.forPerson', { personId }, token)).items;
  await t.must(
    'treatments.give',
    {
      personId,
      toTreatId: item.id,
      version: item.version,
      drug: 'ceftriaxone',
      dose: '1 g',
      route: 'intramuscular',
      givenAt: new Date(t.clock.now().getTime() - 31 * DAY).toISOString(),
    },
    token,
  );
}

/** Today's samples: CT/NG throat and anus, syphilis, HIV. */
const TODAY_TESTS = [
  { testCode: 'ct_ng_pcr_poc', anatomicalSite: 'throat' },
  { testCode: 'ct_ng_pcr_poc', anatomicalSite: 'anus' },
  { testCode: 'syphilis_serology_lab' },
  { testCode: 'hiv_serology_lab' },
];

/** Their results, in this order: two chlamydia positives (one item), a gonorrhoea, a syphilis. */
const SCREEN_VALUES = [
  { type: 'per_target', targets: { chlamydia: 'detected', gonorrhoea: 'detected' } },
  { type: 'per_target', targets: { chlamydia: 'detected', gonorrhoea: 'not_detected' } },
  { type: 'titre', positivity: 'positive', titre: '1:16' },
  { type: 'positivity', positivity: 'negative' },
];

function fileLines(fileNumber: string, day: string, resultDate: string): string[] {
  const ct = (site: string, target: string, result: string) =>
    line({
      file_number: fileNumber,
      sample_date: day,
      test_code: 'ct_ng_pcr_poc',
      anatomical_site: site,
      target,
      result,
      result_date: resultDate,
    });
  return [
    ct('throat', 'chlamydia', 'detected'),
    ct('throat', 'gonorrhoea', 'detected'),
    ct('anus', 'chlamydia', 'detected'),
    ct('anus', 'gonorrhoea', 'not_detected'),
    line({
      file_number: fileNumber,
      sample_date: day,
      test_code: 'syphilis_serology_lab',
      result: 'positive',
      value: '1:16',
      result_date: resultDate,
    }),
    line({
      file_number: fileNumber,
      sample_date: day,
      test_code: 'hiv_serology_lab',
      result: 'negative',
      result_date: resultDate,
    }),
  ];
}

/** A person's to-treat items, each result named by its sample (test, site, day), not its id. */
async function itemsOf(t: Centre, token: string, personId: string) {
  const samples = (await t.must('screenings.forPerson', { personId }, token)).items;
  const sampleOf = new Map(
    samples.flatMap((s) =>
      s.result ? [[s.result.id, `${s.testCode}|${s.anatomicalSite ?? ''}|${s.takenOn}`]] : [],
    ),
  );
  const items = (await t.must('treatments.forPerson', { personId }, token)).items;
  return items
    .map((i) => ({
      infection: i.infection,
      status: i.status,
      openedOn: i.openedOn,
      treatedOn: i.treatedOn,
      delayDays: i.delayDays,
      cureTestDueOn: i.cureTestDueOn,
      result: sampleOf.get(i.resultId),
      cureResult: i.cureResultId ? sampleOf.get(i.cureResultId) : null,
    }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

describe('the batch hook', () => {
  it('opens the same to-treat items and ends the same test of cure as the screen’s one-by-one save', async () => {
    const { t, nurse, siteId } = await centre();
    const one = await consentingPerson(t, nurse.token, 'Ana');
    const batch = await consentingPerson(t, nurse.token, 'Bea');
    for (const personId of [one, batch]) await treatedWithCureTestDue(t, nurse.token, personId);
    const taken = async (personId: string) =>
      (
        await t.must(
          'screenings.saveSamples',
          { personId, siteId, takenAt: t.clock.now().toISOString(), add: TODAY_TESTS as never },
          nurse.token,
        )
      ).samples;
    const oneSamples = await taken(one);
    await taken(batch);
    t.clock.advance(9 * 60_000);
    const resultedAt = t.clock.now().toISOString();

    // One by one on the screen (the single hook), in the file's order.
    for (const [i, sample] of oneSamples.entries())
      await t.must(
        'screenings.saveResult',
        { personId: one, sampleId: sample.id, value: SCREEN_VALUES[i] as never, resultedAt },
        nurse.token,
      );
    // Together through the lab import (the batch hook).
    const { fileNumber } = await t.must('persons.get', { id: batch }, nurse.token);
    const day = oneSamples[0].takenOn;
    const committed = await t.must(
      'screenings.importCommit',
      { fileName: 'labo.csv', content: csv(fileLines(fileNumber, day, resultedAt)) },
      nurse.token,
    );
    expect(committed.errors).toEqual([]);
    expect(committed.results).toBe(4);

    const single = await itemsOf(t, nurse.token, one);
    // Not vacuous: chlamydia and syphilis opened once each, gonorrhoea opened anew, the cure ended.
    expect(single.map((i) => [i.infection, i.status])).toEqual(
      expect.arrayContaining([
        ['chlamydia', 'open'],
        ['gonorrhoea', 'open'],
        ['gonorrhoea', 'treated'],
        ['syphilis', 'open'],
      ]),
    );
    expect(single).toHaveLength(4);
    expect(single.find((i) => i.status === 'treated')).toMatchObject({
      cureTestDueOn: null,
      cureResult: `ct_ng_pcr_poc|throat|${day}`,
    });
    expect(await itemsOf(t, nurse.token, batch)).toEqual(single);
  });
});

/** The tables the matching reads and the commit writes, per person or per line. */
const MATCHED_TABLES =
  /\b(?:FROM|INTO|UPDATE|JOIN)\s+"?(?:person|consent|access_grant|screening|sample|result|to_treat)"?[\s(]/i;

describe('statements of an import', () => {
  it('a file of 60 persons reads and writes their records in hardly more statements than a file of 3', async () => {
    const { t, nurse, siteId } = await centre();
    const statementsFor = async (persons: number) => {
      const lines: string[] = [];
      for (let i = 0; i < persons; i++) {
        const personId = await consentingPerson(t, nurse.token, `P${persons}-${i}`);
        const { samples } = await t.must(
          'screenings.saveSamples',
          {
            personId,
            siteId,
            takenAt: t.clock.now().toISOString(),
            add: [{ testCode: 'syphilis_serology_lab' }, { testCode: 'hiv_serology_lab' }],
          },
          nurse.token,
        );
        const { fileNumber } = await t.must('persons.get', { id: personId }, nurse.token);
        const day = samples[0].takenOn;
        lines.push(
          line({
            file_number: fileNumber,
            sample_date: day,
            test_code: 'syphilis_serology_lab',
            result: 'positive',
            value: '1:8',
            result_date: day,
          }),
          line({
            file_number: fileNumber,
            sample_date: day,
            test_code: 'hiv_serology_lab',
            result: 'negative',
            result_date: day,
          }),
        );
      }
      const file = { fileName: `labo-${persons}.csv`, content: csv(lines) };
      const counter = countStatements(t);
      const preview = await t.must('screenings.importPreview', file, nurse.token);
      const commit = await t.must('screenings.importCommit', file, nurse.token);
      vi.restoreAllMocks();
      expect(preview.errors).toEqual([]);
      expect(commit).toMatchObject({ results: 2 * persons, errors: [] });
      return counter.count(MATCHED_TABLES);
    };
    const few = await statementsFor(3);
    const many = await statementsFor(60);
    // Not vacuous: the statements were counted (the one-by-one path made about 10 per line).
    expect(few).toBeGreaterThan(0);
    // Only the multi-row INSERTs grow (about 50 rows each): fewer than one more per ten persons.
    expect(many - few).toBeLessThan((60 - 3) / 10);
  }, 120_000);
});
