/**
 * The laboratory's own reference of a result (lab CSV `lab_reference`, docs/lab-results-csv.md):
 * kept on the result the import writes, shown with it in the Tests tab's channel and carried by the
 * `result` interchange record; the lines of one sample naming two references, or one too long to
 * keep, are refused by line and column and nothing is written.
 */
import { describe, expect, it } from 'vitest';
import { collectRecords } from '../../electron/core/interchange/export';
import { personInput, reception, staff } from './helpers/reception';

const HEADER =
  'file_number;sample_date;test_code;anatomical_site;target;marker;result;value;unit;result_date;lab_reference';
const line = (c: Partial<Record<string, string>>) =>
  HEADER.split(';')
    .map((k) => c[k] ?? '')
    .join(';');
const csv = (...lines: string[]) => [HEADER, ...lines].join('\r\n') + '\r\n';

async function centre() {
  const t = await reception();
  const nurse = await staff(t, 'nina', ['nurse']);
  const anna = await t.must('persons.create', personInput(t, { nameUsed: 'Anna' }), t.worker.token);
  await t.must('persons.recordConsent', { personId: anna.id, scope: 'care_team', given: true }, nurse.token);
  await t.must(
    'screenings.saveSamples',
    {
      personId: anna.id,
      siteId: t.siteIds[0],
      takenAt: t.clock.now().toISOString(),
      add: [{ testCode: 'ct_ng_pcr_poc', anatomicalSite: 'anus' }, { testCode: 'hiv_serology_lab' }],
    },
    nurse.token,
  );
  t.clock.advance(9 * 60_000);
  const day = t.clock.now().toISOString().slice(0, 10);
  const ctng = (target: string, result: string, ref: string) =>
    line({
      file_number: anna.fileNumber,
      sample_date: day,
      test_code: 'ct_ng_pcr_poc',
      anatomical_site: 'anus',
      target,
      result,
      result_date: day,
      lab_reference: ref,
    });
  const hiv = (ref: string) =>
    line({
      file_number: anna.fileNumber,
      sample_date: day,
      test_code: 'hiv_serology_lab',
      result: 'negative',
      result_date: day,
      lab_reference: ref,
    });
  const results = async () =>
    (await t.must('screenings.forPerson', { personId: anna.id }, nurse.token)).items.map((s) => [
      s.testCode,
      s.result?.labReference,
    ]);
  const commit = (content: string) =>
    t.must('screenings.importCommit', { fileName: 'labo.csv', content }, nurse.token);
  return { t, ctng, hiv, results, commit };
}

describe('the laboratory reference of an imported result', () => {
  it('is kept on the result, read back in the Tests tab and exported in the result record; a line without one keeps none', async () => {
    const c = await centre();
    const done = await c.commit(
      csv(
        c.ctng('chlamydia', 'detected', 'BIO-2026-0815'),
        c.ctng('gonorrhoea', 'not_detected', ''),
        c.hiv(''),
      ),
    );
    expect(done.errors).toEqual([]);
    expect(done.results).toBe(2);
    expect(await c.results()).toEqual([
      ['ct_ng_pcr_poc', 'BIO-2026-0815'],
      ['hiv_serology_lab', null],
    ]);
    const store = c.t.core.ctx.vault.requireStore();
    const records = await store.transaction((em) => collectRecords(em, new Date().toISOString()));
    const exported = records.filter((r) => r.type === 'result');
    expect(exported.map((r) => (r as { labReference: string | null }).labReference).sort()).toEqual([
      'BIO-2026-0815',
      null,
    ]);
  });

  it('two references for one sample, or one longer than 64 characters, are refused by line and column; nothing is written', async () => {
    const c = await centre();
    const refused = await c.commit(
      csv(
        /* 2 */ c.ctng('chlamydia', 'detected', 'BIO-1'),
        /* 3 */ c.ctng('gonorrhoea', 'not_detected', 'BIO-2'),
        /* 4 */ c.hiv('R'.repeat(65)),
      ),
    );
    expect(refused.errors).toEqual([
      { line: 3, column: 'lab_reference', reason: 'lab_reference_differs' },
      { line: 4, column: 'lab_reference', reason: 'lab_reference_too_long' },
    ]);
    expect(await c.results()).toEqual([
      ['ct_ng_pcr_poc', undefined],
      ['hiv_serology_lab', undefined],
    ]);
    // A reference of exactly 64 characters is kept as given.
    const ok = await c.commit(
      csv(
        c.ctng('chlamydia', 'detected', 'BIO-1'),
        c.ctng('gonorrhoea', 'not_detected', 'BIO-1'),
        c.hiv('R'.repeat(64)),
      ),
    );
    expect(ok.errors).toEqual([]);
    expect(await c.results()).toEqual([
      ['ct_ng_pcr_poc', 'BIO-1'],
      ['hiv_serology_lab', 'R'.repeat(64)],
    ]);
  });
});
