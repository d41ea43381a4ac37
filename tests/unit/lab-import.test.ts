/**
 * The laboratory CSV import on a real encrypted store (docs/lab-results-csv.md): lines matched to
 * the person's one pending sample, results read with the screen's rules, every refusal named by
 * line and column, a preview that writes nothing, a commit that writes every result or none, the
 * same file refused the second time, and positives reaching the result hooks (Test and Treat).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Progress } from '../../electron/core/progress';
import { parseLabCsv } from '../../electron/core/services/screenings/lab-csv';
import { labNumber } from '../../electron/core/services/screenings/lab-values';
import { commitLabImport, previewLabImport } from '../../electron/core/services/screenings/lab-import';
import { insertSamples, screeningOfDay } from '../../electron/core/services/screenings/repository';
import { RESULT_SAVED_HOOKS, type SavedResult } from '../../electron/core/services/screenings/result-hooks';
import type { SampleRow } from '../../electron/core/services/screenings/entities';
import { personInput, reception, staff } from './helpers/reception';

const HEADER =
  'file_number;sample_date;test_code;anatomical_site;target;marker;result;value;unit;result_date;lab_reference';

/** One CSV line from its cells (empty cells where not given). */
function line(c: Partial<Record<string, string>>): string {
  return HEADER.split(';')
    .map((k) => c[k] ?? '')
    .join(';');
}
const csv = (...lines: string[]) => [HEADER, ...lines].join('\r\n') + '\r\n';

async function labCentre() {
  const t = await reception();
  const nurse = await staff(t, 'nina', ['nurse']);
  const make = async (nameUsed: string, consent: boolean) => {
    const p = await t.must('persons.create', personInput(t, { nameUsed }), t.worker.token);
    if (consent)
      await t.must('persons.recordConsent', { personId: p.id, scope: 'care_team', given: true }, nurse.token);
    return p;
  };
  const anna = await make('Anna', true);
  const bilal = await make('Bilal', true);
  const take = (personId: string, add: Array<{ testCode: string; anatomicalSite?: string }>) =>
    t.must(
      'screenings.saveSamples',
      { personId, siteId: t.siteIds[0], takenAt: t.clock.now().toISOString(), add: add as never },
      nurse.token,
    );
  const results = async (personId: string) =>
    (await t.must('screenings.forPerson', { personId }, nurse.token)).items.map((s) => s.result);
  const store = () => t.core.ctx.vault.requireStore();
  const count = (sql: string) =>
    store().exclusive(async () => Number((await store().manager.query<Array<{ n: number }>>(sql))[0].n));
  const preview = (content: string, token = nurse.token) =>
    t.must('screenings.importPreview', { fileName: 'labo.csv', content }, token);
  const commit = (content: string, token = nurse.token) =>
    t.must('screenings.importCommit', { fileName: 'labo.csv', content }, token);
  return { t, nurse, anna, bilal, take, results, count, preview, commit, make, store };
}

/** The hooks other capabilities registered: each test that adds one puts them back after. */
const REGISTERED = [...RESULT_SAVED_HOOKS];
afterEach(() => {
  RESULT_SAVED_HOOKS.splice(0, RESULT_SAVED_HOOKS.length, ...REGISTERED);
});

describe('reading the file', () => {
  it('takes ; or , from the header, RFC 4180 quotes, a BOM; names a malformed line, a missing column, a file too large', () => {
    const comma = parseLabCsv(
      '\uFEFFfile_number,sample_date,test_code,result,result_date,lab_reference\n"MTP-1","2026-03-02",hiv_serology_lab,"neg""x",2026-03-03,"a,\nb"\n',
    );
    expect(comma.errors).toEqual([]);
    expect(comma.lines).toHaveLength(1);
    expect(comma.lines[0]).toMatchObject({ line: 2, cells: { file_number: 'MTP-1', result: 'neg"x' } });

    const semi = parseLabCsv(
      'file_number;sample_date;test_code;result;result_date\nA;2026-03-02;x;1,5;d\nB;"open\n',
    );
    expect(semi.lines[0].cells.result).toBe('1,5');
    expect(semi.errors).toEqual([{ line: 3, column: null, reason: 'csv_malformed' }]);

    expect(parseLabCsv('file_number;sample_date;test_code;result\n').errors).toEqual([
      { line: 1, column: 'result_date', reason: 'csv_column_missing' },
    ]);
    expect(parseLabCsv('file_number;sample_date;test_code;result;result_date\nA;B\n').errors).toEqual([
      { line: 2, column: null, reason: 'csv_malformed' },
    ]);
    expect(parseLabCsv('').errors).toEqual([{ line: null, column: null, reason: 'csv_header_required' }]);
    const many = `file_number;sample_date;test_code;result;result_date\n${'A;B;C;D;E\n'.repeat(20_001)}`;
    expect(parseLabCsv(many).errors).toEqual([{ line: null, column: null, reason: 'csv_too_large' }]);
    expect(parseLabCsv('x'.repeat(5 * 1024 * 1024 + 1)).errors).toEqual([
      { line: null, column: null, reason: 'csv_too_large' },
    ]);
  });
});

describe('the documented example', () => {
  it('docs/lab-results-sample.csv reads without error, one line per result part', () => {
    const text = readFileSync(new URL('../../docs/lab-results-sample.csv', import.meta.url), 'utf8');
    const { lines, errors } = parseLabCsv(text);
    expect(errors).toEqual([]);
    expect(lines.map((l) => l.cells.test_code)).toHaveLength(9);
    expect(lines.find((l) => l.cells.marker === 'creatinine')?.cells.value).toBe('85,5');
  });
});

describe('matching and writing', () => {
  it('matches each line to the one pending sample; the preview writes nothing; the commit writes every result with its hooks and one audit entry per dossier', async () => {
    const c = await labCentre();
    const heard: SavedResult[] = [];
    RESULT_SAVED_HOOKS.push((_em, r) => {
      heard.push(r);
      return Promise.resolve();
    });
    await c.take(c.anna.id, [
      { testCode: 'ct_ng_pcr_poc', anatomicalSite: 'throat' },
      { testCode: 'ct_ng_pcr_poc', anatomicalSite: 'anus' },
      { testCode: 'syphilis_serology_lab' },
      { testCode: 'hbv_serology_lab' },
    ]);
    await c.take(c.bilal.id, [{ testCode: 'hiv_serology_lab' }]);
    c.t.clock.advance(9 * 60_000); // the results come back (before the session locks)
    const day = '2026-03-02';
    const file = csv(
      line({
        file_number: c.anna.fileNumber,
        sample_date: day,
        test_code: 'ct_ng_pcr_poc',
        anatomical_site: 'throat',
        target: 'chlamydia',
        result: 'detected',
        result_date: '2026-03-02',
      }),
      line({
        file_number: c.anna.fileNumber,
        sample_date: day,
        test_code: 'ct_ng_pcr_poc',
        anatomical_site: 'throat',
        target: 'gonorrhoea',
        result: 'not_detected',
        result_date: '2026-03-02',
      }),
      line({
        file_number: c.anna.fileNumber,
        sample_date: day,
        test_code: 'ct_ng_pcr_poc',
        anatomical_site: 'anus',
        target: 'chlamydia',
        result: 'not_detected',
        result_date: '2026-03-02T09:05:00Z',
      }),
      line({
        file_number: c.anna.fileNumber,
        sample_date: day,
        test_code: 'ct_ng_pcr_poc',
        anatomical_site: 'anus',
        target: 'gonorrhoea',
        result: 'not_detected',
        result_date: '2026-03-02T09:05:00Z',
      }),
      line({
        file_number: c.anna.fileNumber,
        sample_date: day,
        test_code: 'syphilis_serology_lab',
        result: 'positive',
        value: '1:16',
        result_date: '2026-03-02',
      }),
      line({
        file_number: c.anna.fileNumber,
        sample_date: day,
        test_code: 'hbv_serology_lab',
        marker: 'hbs_ag',
        result: 'negative',
        result_date: '2026-03-02',
      }),
      line({
        file_number: c.anna.fileNumber,
        sample_date: day,
        test_code: 'hbv_serology_lab',
        marker: 'anti_hbs',
        result: 'positive',
        result_date: '2026-03-02',
      }),
      line({
        file_number: c.anna.fileNumber,
        sample_date: day,
        test_code: 'hbv_serology_lab',
        marker: 'anti_hbc',
        result: 'negative',
        result_date: '2026-03-02',
      }),
      line({
        file_number: c.bilal.fileNumber,
        sample_date: day,
        test_code: 'hiv_serology_lab',
        result: 'NEGATIVE',
        result_date: '2026-03-02T09:06:00Z',
        lab_reference: 'LAB-77',
      }),
    );
    const auditBefore = await c.count('SELECT COUNT(*) AS n FROM audit_log');

    const preview = await c.preview(file);
    expect(preview.errors).toEqual([]);
    expect(preview.results).toBe(5);
    expect(
      preview.rows.map((r) => [r.line, r.personName, r.interpretation, r.infections, r.toTreat]),
    ).toEqual([
      [2, 'Anna', 'positive', ['chlamydia'], ['chlamydia']],
      [3, 'Anna', 'positive', ['chlamydia'], ['chlamydia']],
      [4, 'Anna', 'negative', [], []],
      [5, 'Anna', 'negative', [], []],
      [6, 'Anna', 'positive', ['syphilis'], ['syphilis']],
      [7, 'Anna', 'negative', [], []],
      [8, 'Anna', 'negative', [], []],
      [9, 'Anna', 'negative', [], []],
      [10, 'Bilal', 'negative', [], []],
    ]);
    expect(preview.rows.every((r) => r.sampleId)).toBe(true);
    // Nothing written: no result, no import row, no hook; the only entry is the list read.
    expect((await c.results(c.anna.id)).every((r) => r === null)).toBe(true);
    expect(await c.count('SELECT COUNT(*) AS n FROM lab_import')).toBe(0);
    expect(heard).toEqual([]);

    const done = await c.commit(file);
    expect(done.errors).toEqual([]);
    expect(done.results).toBe(5);
    expect(done.persons.map((p) => [p.name, p.results, p.toTreat.sort()])).toEqual([
      ['Anna', 4, ['chlamydia', 'syphilis']],
      ['Bilal', 1, []],
    ]);
    const anna = (await c.results(c.anna.id)).filter((r) => r !== null);
    expect(anna).toHaveLength(4);
    expect(anna.every((r) => r.source === 'lab_import' && r.toGive)).toBe(true);
    const syphilis = anna.find((r) => r.testCode === 'syphilis_serology_lab');
    expect(syphilis?.value).toEqual({ type: 'titre', positivity: 'positive', titre: '1:16' });
    // A day only, the sample's own day: the sample's taking (the first moment it can have been read).
    expect(syphilis?.resultedAt).toBe('2026-03-02T09:00:00.000Z');
    const ctng = anna.filter((r) => r.testCode === 'ct_ng_pcr_poc').map((r) => r.value);
    expect(ctng).toContainEqual({
      type: 'per_target',
      targets: { chlamydia: 'detected', gonorrhoea: 'not_detected' },
    });
    // The hooks heard every result, positives with their infections (Test and Treat opens from them).
    expect(heard.filter((r) => r.interpretation === 'positive').map((r) => r.infections)).toEqual(
      expect.arrayContaining([['chlamydia'], ['syphilis']]),
    );
    expect(heard).toHaveLength(5);
    // One entry per person's dossier written, naming the import; plus the list read.
    const entries = await c
      .store()
      .exclusive(() =>
        c
          .store()
          .manager.query<
            Array<{ person_id: string; section: string; target_type: string; target_id: string }>
          >(
            "SELECT person_id, section, target_type, target_id FROM audit_log WHERE target_type = 'lab_import' ORDER BY seq",
          ),
      );
    expect(entries.map((e) => [e.person_id, e.section, e.target_id])).toEqual([
      [c.anna.id, 'tests', done.importId],
      [c.bilal.id, 'tests', done.importId],
    ]);
    expect(await c.count('SELECT COUNT(*) AS n FROM audit_log')).toBeGreaterThan(auditBefore + 2);

    // The same file again: refused whole, nothing more written.
    const again = await c.commit(file);
    expect(again.errors).toEqual([
      { line: null, column: null, reason: 'import_already_done' },
      ...[2, 3, 4, 5, 6, 7, 8, 9, 10].map((l) => ({
        line: l,
        column: 'result',
        reason: 'result_exists',
      })),
    ]);
    expect(await c.count('SELECT COUNT(*) AS n FROM lab_import')).toBe(1);
    expect(await c.count('SELECT COUNT(*) AS n FROM result')).toBe(5);
  });

  it('a positive imported opens its Test and Treat item through the treatments hook, in the same transaction', async () => {
    const c = await labCentre();
    await c.take(c.anna.id, [{ testCode: 'syphilis_serology_lab' }, { testCode: 'hiv_serology_lab' }]);
    c.t.clock.advance(9 * 60_000);
    const day = '2026-03-02';
    const file = csv(
      line({
        file_number: c.anna.fileNumber,
        sample_date: day,
        test_code: 'syphilis_serology_lab',
        result: 'positive',
        value: '1:8',
        result_date: day,
      }),
      line({
        file_number: c.anna.fileNumber,
        sample_date: day,
        test_code: 'hiv_serology_lab',
        result: 'negative',
        result_date: day,
      }),
    );
    expect((await c.preview(file)).rows.map((r) => r.toTreat)).toEqual([['syphilis'], []]);
    expect(await c.count('SELECT COUNT(*) AS n FROM to_treat')).toBe(0);
    const done = await c.commit(file);
    expect(done.persons.map((p) => p.toTreat)).toEqual([['syphilis']]);
    const items = await c
      .store()
      .exclusive(() =>
        c
          .store()
          .manager.query<Array<{ person_id: string; infection: string; status: string }>>(
            'SELECT person_id, infection, status FROM to_treat',
          ),
      );
    expect(items).toEqual([{ person_id: c.anna.id, infection: 'syphilis', status: 'open' }]);
  });

  it('tells how far it is (lines checked, then results written), never going back, ending at the total', async () => {
    const c = await labCentre();
    await c.take(c.anna.id, [{ testCode: 'hiv_serology_lab' }, { testCode: 'hcv_serology_lab' }]);
    const day = '2026-03-02';
    const file = {
      fileName: 'labo.csv',
      content: csv(
        line({
          file_number: c.anna.fileNumber,
          sample_date: day,
          test_code: 'hiv_serology_lab',
          result: 'negative',
          result_date: day,
        }),
        line({
          file_number: c.anna.fileNumber,
          sample_date: day,
          test_code: 'hcv_serology_lab',
          result: 'negative',
          result_date: day,
        }),
      ),
    };
    const seen: Progress[] = [];
    const nurse = { userId: c.nurse.id, roles: ['nurse'] as const };
    await previewLabImport(c.t.core.ctx, { ...nurse, roles: [...nurse.roles] }, file, (p) => seen.push(p));
    expect(seen.at(-1)).toEqual({ phase: 'validate', done: 2, total: 2 });
    seen.length = 0;
    const done = await commitLabImport(c.t.core.ctx, { ...nurse, roles: [...nurse.roles] }, file, (p) =>
      seen.push(p),
    );
    expect(done.results).toBe(2);
    expect(seen.map((p) => p.phase)).toEqual(expect.arrayContaining(['validate', 'write']));
    for (const phase of ['validate', 'write'] as const) {
      const counts = seen.filter((p) => p.phase === phase).map((p) => p.done);
      expect(counts).toEqual([...counts].sort((a, b) => a - b));
    }
    expect(seen.at(-1)).toEqual({ phase: 'write', done: 2, total: 2 });
  });

  it('refuses each bad line by line and column, writes nothing', async () => {
    const c = await labCentre();
    const carla = await c.make('Carla', false); // no care-team consent
    await c.take(c.anna.id, [
      { testCode: 'hiv_serology_lab' },
      { testCode: 'syphilis_serology_lab' },
      { testCode: 'hiv_trod' },
      { testCode: 'creatinine_lab' },
      { testCode: 'ct_ng_pcr_poc', anatomicalSite: 'urine' },
    ]);
    await c.take(c.bilal.id, [{ testCode: 'hcv_serology_lab' }, { testCode: 'hcv_serology_lab' }]);
    // Another nurse took Carla's sample: the importer is neither its author nor covered by a consent.
    const other = await staff(c.t, 'noor', ['nurse']);
    await c.t.must(
      'screenings.saveSamples',
      {
        personId: carla.id,
        siteId: c.t.siteIds[0],
        takenAt: c.t.clock.now().toISOString(),
        add: [{ testCode: 'hiv_serology_lab' }],
      },
      other.token,
    );
    const [trod] = (
      await c.t.must('screenings.forPerson', { personId: c.anna.id }, c.nurse.token)
    ).items.filter((s) => s.testCode === 'hiv_trod');
    await c.t.must(
      'screenings.saveResult',
      {
        personId: c.anna.id,
        sampleId: trod.id,
        value: { type: 'reactivity', reactivity: 'non_reactive' },
        resultedAt: c.t.clock.now().toISOString(),
      },
      c.nurse.token,
    );
    c.t.clock.advance(9 * 60_000);
    const a = c.anna.fileNumber;
    const day = '2026-03-02';
    const file = csv(
      /* 2 */ line({
        file_number: a,
        sample_date: day,
        test_code: 'hiv_pcr_unknown',
        result: 'negative',
        result_date: '2026-03-02',
      }),
      /* 3 */ line({
        file_number: 'MTP-1999-99999',
        sample_date: day,
        test_code: 'hiv_serology_lab',
        result: 'negative',
        result_date: '2026-03-02',
      }),
      /* 4 */ line({
        file_number: a,
        sample_date: '2026-02-27',
        test_code: 'hiv_serology_lab',
        result: 'negative',
        result_date: '2026-03-02',
      }),
      /* 5 */ line({
        file_number: c.bilal.fileNumber,
        sample_date: day,
        test_code: 'hcv_serology_lab',
        result: 'negative',
        result_date: '2026-03-02',
      }),
      /* 6 */ line({
        file_number: a,
        sample_date: day,
        test_code: 'hiv_trod',
        result: 'non_reactive',
        result_date: '2026-03-02',
      }),
      /* 7 */ line({
        file_number: a,
        sample_date: day,
        test_code: 'syphilis_serology_lab',
        result: 'positive',
        result_date: '2026-03-02',
      }),
      /* 8 */ line({
        file_number: a,
        sample_date: day,
        test_code: 'hiv_serology_lab',
        result: 'negative',
        result_date: '2026-03-01',
      }),
      /* 9 */ line({
        file_number: a,
        sample_date: day,
        test_code: 'creatinine_lab',
        marker: 'creatinine',
        value: '85,5',
        unit: 'µmol/L',
        result_date: '2026-03-09',
      }),
      /* 10 */ line({
        file_number: a,
        sample_date: day,
        test_code: 'creatinine_lab',
        marker: 'egfr',
        value: '96',
        result_date: '2026-03-09',
      }),
      /* 11 */ line({
        file_number: carla.fileNumber,
        sample_date: day,
        test_code: 'hiv_serology_lab',
        result: 'negative',
        result_date: '2026-03-02',
      }),
      /* 12 */ line({
        file_number: a,
        sample_date: day,
        test_code: 'ct_ng_pcr_poc',
        anatomical_site: 'urine',
        target: 'chlamydia',
        result: 'maybe',
        result_date: '2026-03-02',
      }),
      /* 13 */ line({
        file_number: a,
        sample_date: day,
        test_code: 'ct_ng_pcr_poc',
        target: 'gonorrhoea',
        result: 'detected',
        result_date: '2026-03-02',
      }),
    );
    const preview = await c.preview(file);
    expect(preview.errors).toEqual([
      { line: 2, column: 'test_code', reason: 'unknown_test_code' },
      { line: 3, column: 'file_number', reason: 'unknown_file_number' },
      { line: 4, column: 'sample_date', reason: 'no_pending_sample' },
      { line: 5, column: 'anatomical_site', reason: 'ambiguous_sample' },
      { line: 6, column: 'result', reason: 'result_exists' },
      { line: 7, column: 'value', reason: 'result_value_invalid' },
      { line: 8, column: 'result_date', reason: 'result_before_sample' },
      { line: 9, column: 'result_date', reason: 'date_in_future' },
      { line: 10, column: 'result_date', reason: 'date_in_future' },
      // A person the importer may not write reads like a number nobody has.
      { line: 11, column: 'file_number', reason: 'unknown_file_number' },
      { line: 12, column: 'target', reason: 'lab_part_missing' },
      { line: 12, column: 'result', reason: 'result_value_invalid' },
      { line: 13, column: 'anatomical_site', reason: 'anatomical_site_required' },
    ]);
    // A person the importer may not write is not named, nor their sample.
    expect(preview.rows.find((r) => r.line === 11)).toMatchObject({
      personId: null,
      personName: null,
      sampleId: null,
    });
    const refused = await c.commit(file);
    expect(refused.errors).toEqual(preview.errors);
    expect(refused.importId).toBeNull();
    expect(await c.count('SELECT COUNT(*) AS n FROM result')).toBe(1); // the on-site TROD only
    expect(await c.count('SELECT COUNT(*) AS n FROM lab_import')).toBe(0);
  });

  it('is refused to a carer without results.import', async () => {
    const c = await labCentre();
    const r = await c.t.call(
      'screenings.importPreview',
      { fileName: 'x.csv', content: csv() },
      c.t.worker.token,
    );
    expect(r.ok ? null : r.error.code).toBe('forbidden');
  });
});

describe('kept as the file says, or refused', () => {
  it('refuses a column the format does not know, naming it as the file spells it, and a column without a name', () => {
    expect(
      parseLabCsv(
        'file_number;sample_date;test_code;result;result_date;Commentaire\nA;2026-03-02;x;y;z;à recontrôler\n',
      ),
    ).toEqual({ lines: [], errors: [{ line: 1, column: 'Commentaire', reason: 'csv_column_unknown' }] });
    expect(parseLabCsv('file_number;sample_date;test_code;result;result_date;\nA;B;C;D;E;\n')).toEqual({
      lines: [],
      errors: [{ line: 1, column: null, reason: 'csv_column_unnamed' }],
    });
  });

  it('refuses a cell the test does not read (a value on a rapid test, a target on a serology, a unit without value, a result word on a creatinine), writes nothing', async () => {
    const c = await labCentre();
    await c.take(c.anna.id, [
      { testCode: 'hiv_trod' },
      { testCode: 'hiv_serology_lab' },
      { testCode: 'syphilis_serology_lab' },
      { testCode: 'hiv_vl_qual_poc' },
      { testCode: 'creatinine_lab' },
    ]);
    c.t.clock.advance(9 * 60_000);
    const a = { file_number: c.anna.fileNumber, sample_date: '2026-03-02', result_date: '2026-03-02' };
    const file = csv(
      /* 2 */ line({ ...a, test_code: 'hiv_trod', result: 'non_reactive', value: '12' }),
      /* 3 */ line({ ...a, test_code: 'hiv_serology_lab', target: 'chlamydia', result: 'negative' }),
      /* 4 */ line({
        ...a,
        test_code: 'syphilis_serology_lab',
        result: 'positive',
        value: '1:16',
        unit: 'copies/mL',
      }),
      /* 5 */ line({ ...a, test_code: 'hiv_vl_qual_poc', result: 'not_detected', unit: 'copies/mL' }),
      /* 6 */ line({
        ...a,
        test_code: 'creatinine_lab',
        marker: 'creatinine',
        result: 'normal',
        value: '85',
      }),
      /* 7 */ line({ ...a, test_code: 'creatinine_lab', marker: 'egfr', value: '96' }),
    );
    const preview = await c.preview(file);
    expect(preview.errors).toEqual([
      { line: 2, column: 'value', reason: 'lab_cell_not_used' },
      { line: 3, column: 'target', reason: 'lab_cell_not_used' },
      { line: 4, column: 'unit', reason: 'lab_cell_not_used' },
      { line: 5, column: 'unit', reason: 'lab_cell_not_used' },
      { line: 6, column: 'result', reason: 'lab_cell_not_used' },
    ]);
    expect((await c.commit(file)).errors).toEqual(preview.errors);
    expect(await c.count('SELECT COUNT(*) AS n FROM result')).toBe(0);
  });

  it('refuses the lines of one sample that give two result dates, instead of keeping the latest', async () => {
    const c = await labCentre();
    await c.take(c.anna.id, [{ testCode: 'ct_ng_pcr_poc', anatomicalSite: 'throat' }]);
    c.t.clock.advance(9 * 60_000);
    const a = {
      file_number: c.anna.fileNumber,
      sample_date: '2026-03-02',
      test_code: 'ct_ng_pcr_poc',
      anatomical_site: 'throat',
    };
    const file = csv(
      line({ ...a, target: 'chlamydia', result: 'not_detected', result_date: '2026-03-02T09:02:00Z' }),
      line({ ...a, target: 'gonorrhoea', result: 'detected', result_date: '2026-03-02T09:05:00Z' }),
    );
    expect((await c.preview(file)).errors).toEqual([
      { line: 3, column: 'result_date', reason: 'lab_result_date_differs' },
    ]);
    expect((await c.commit(file)).errors).toHaveLength(1);
    expect(await c.count('SELECT COUNT(*) AS n FROM result')).toBe(0);
  });

  it('a day without a time is that day at the site: its first moment (00:00 in Europe/Paris), never noon UTC nor now', async () => {
    const c = await labCentre();
    await c.take(c.anna.id, [{ testCode: 'hiv_serology_lab' }, { testCode: 'hcv_serology_lab' }]);
    c.t.clock.advance(3 * 86_400_000); // 2026-03-05 09:00Z: the lab's answer, days later
    const a = { file_number: c.anna.fileNumber, sample_date: '2026-03-02', result: 'negative' };
    const nurse = { userId: c.nurse.id, roles: ['nurse' as const] };
    const done = await commitLabImport(c.t.core.ctx, nurse, {
      fileName: 'labo.csv',
      content: csv(
        line({ ...a, test_code: 'hiv_serology_lab', result_date: '2026-03-03' }),
        line({ ...a, test_code: 'hcv_serology_lab', result_date: '2026-03-05' }),
      ),
    });
    expect(done.errors).toEqual([]);
    const at = await c
      .store()
      .exclusive(() =>
        c
          .store()
          .manager.query<Array<{ test_code: string; resulted_at: string }>>(
            'SELECT test_code, resulted_at FROM result ORDER BY test_code',
          ),
      );
    expect(at).toEqual([
      { test_code: 'hcv_serology_lab', resulted_at: '2026-03-04T23:00:00.000Z' },
      { test_code: 'hiv_serology_lab', resulted_at: '2026-03-02T23:00:00.000Z' },
    ]);
  });
});

describe('a sample known by its day only', () => {
  it('west of UTC, its day is the site day it was given: a result dated the day before is refused (day or instant)', async () => {
    const c = await labCentre();
    const tz = 'America/Cayenne'; // UTC-3: midnight UTC is still the day before there
    await c.store().exclusive(() => c.store().manager.query('UPDATE site SET timezone = ?', [tz]));
    await c.store().transaction(async (em) => {
      const at = '2026-03-02T09:00:00.000Z';
      const screening = await screeningOfDay(em, {
        personId: c.anna.id,
        siteId: c.t.siteIds[0],
        takenOn: '2026-03-02',
        createdBy: c.nurse.id,
        now: new Date(at),
      });
      await insertSamples(em, [
        {
          id: randomUUID(),
          screeningId: screening.id,
          personId: c.anna.id,
          siteId: c.t.siteIds[0],
          testCode: 'hiv_serology_lab',
          anatomicalSite: null,
          status: 'taken',
          orderedBy: null,
          takenAt: null,
          takenBy: c.nurse.id,
          confirmsResultId: null,
          createdBy: c.nurse.id,
          createdAt: at,
          updatedAt: at,
          version: 1,
        },
      ]);
    });
    const a = {
      file_number: c.anna.fileNumber,
      sample_date: '2026-03-02',
      test_code: 'hiv_serology_lab',
      result: 'negative',
    };
    for (const result_date of ['2026-03-01', '2026-03-01T12:00:00Z'])
      expect((await c.preview(csv(line({ ...a, result_date })))).errors, result_date).toEqual([
        { line: 2, column: 'result_date', reason: 'result_before_sample' },
      ]);
    expect((await c.commit(csv(line({ ...a, result_date: '2026-03-02' })))).errors).toEqual([]);
  });
});

describe('all or nothing', () => {
  it('10,000 results: a bad line 9,999 is refused whole; a failure while writing line 9,999 leaves no row', async () => {
    const c = await labCentre();
    // 10,000 taken samples of one person, one a day going back (written straight to the store).
    const person = c.anna;
    const days: string[] = [];
    await c.store().transaction(async (em) => {
      const rows: SampleRow[] = [];
      for (let i = 1; i <= 10_000; i++) {
        const d = new Date(Date.parse('2026-03-01T00:00:00Z') - i * 86_400_000).toISOString().slice(0, 10);
        days.push(d);
        const at = `${d}T10:00:00.000Z`;
        const screening = await screeningOfDay(em, {
          personId: person.id,
          siteId: c.t.siteIds[0],
          takenOn: d,
          createdBy: c.nurse.id,
          now: new Date(at),
        });
        rows.push({
          id: randomUUID(),
          screeningId: screening.id,
          personId: person.id,
          siteId: c.t.siteIds[0],
          testCode: 'hiv_serology_lab',
          anatomicalSite: null,
          status: 'taken',
          orderedBy: null,
          takenAt: at,
          takenBy: c.nurse.id,
          confirmsResultId: null,
          createdBy: c.nurse.id,
          createdAt: at,
          updatedAt: at,
          version: 1,
        });
      }
      await insertSamples(em, rows);
    });
    const lines = days.map((d) =>
      line({
        file_number: person.fileNumber,
        sample_date: d,
        test_code: 'hiv_serology_lab',
        result: 'negative',
        result_date: d,
      }),
    );
    // Line 9,999 of the results (file line 10,000): a word the test does not give.
    const bad = [...lines];
    bad[9_998] = bad[9_998].replace(';negative;', ';negatif;');
    const refused = await c.commit(csv(...bad));
    expect(refused.errors).toEqual([{ line: 10_000, column: 'result', reason: 'result_value_invalid' }]);
    expect(await c.count('SELECT COUNT(*) AS n FROM result')).toBe(0);

    // A failure while writing the 9,999th result: the 9,998 before it are rolled back too.
    let written = 0;
    RESULT_SAVED_HOOKS.push(() => {
      written += 1;
      return written === 9_999 ? Promise.reject(new Error('disk full')) : Promise.resolve();
    });
    const failed = await c.t.call(
      'screenings.importCommit',
      { fileName: 'big.csv', content: csv(...lines) },
      c.nurse.token,
    );
    expect(failed.ok).toBe(false);
    expect(written).toBe(9_999);
    expect(await c.count('SELECT COUNT(*) AS n FROM result')).toBe(0);
    expect(await c.count("SELECT COUNT(*) AS n FROM sample WHERE status = 'resulted'")).toBe(0);
    expect(await c.count('SELECT COUNT(*) AS n FROM lab_import')).toBe(0);
  }, 600_000);
});

describe('numbers in a laboratory file', () => {
  it('reads 85.5 and 85,5 alike, and refuses what it would have to guess', () => {
    expect(labNumber('85.5')).toBe(85.5);
    expect(labNumber('85,5')).toBe(85.5);
    expect(labNumber(' 96 ')).toBe(96);
    // A thousand or one? Fifteen or one and five? Refused, never rewritten.
    expect(labNumber('1,000')).toBeNull();
    expect(labNumber('12,500')).toBeNull();
    expect(labNumber('1 5')).toBeNull();
    expect(labNumber('1 000')).toBeNull();
  });
});

describe('what the preview tells and to whom (access review)', () => {
  it('is audited as a read of identity and tests of each person it names, not of the persons it refuses', async () => {
    const c = await labCentre();
    const carla = await c.make('Carla', false); // no care-team consent
    await c.take(c.anna.id, [{ testCode: 'hiv_serology_lab' }]);
    await c.take(c.bilal.id, [{ testCode: 'hiv_serology_lab' }]);
    const day = '2026-03-02';
    const negative = (fileNumber: string) =>
      line({
        file_number: fileNumber,
        sample_date: day,
        test_code: 'hiv_serology_lab',
        result: 'negative',
        result_date: day,
      });
    await c.preview(
      csv(negative(c.anna.fileNumber), negative(c.bilal.fileNumber), negative(carla.fileNumber)),
    );
    const rows = await c
      .store()
      .exclusive(() =>
        c
          .store()
          .manager.query<Array<{ person_id: string | null; section: string; detail: string }>>(
            "SELECT person_id, section, detail FROM audit_log WHERE action = 'read' AND detail LIKE '%screenings.importPreview%' ORDER BY seq",
          ),
      );
    const perPerson = rows
      .filter((r) => r.person_id)
      .map((r) => [r.person_id, r.section, JSON.parse(r.detail).lines as number])
      .sort((a, b) => `${a[0]}${a[1]}`.localeCompare(`${b[0]}${b[1]}`));
    expect(perPerson).toEqual(
      [
        [c.anna.id, 'identity', 1],
        [c.anna.id, 'tests', 1],
        [c.bilal.id, 'identity', 1],
        [c.bilal.id, 'tests', 1],
      ].sort((a, b) => `${a[0]}${a[1]}`.localeCompare(`${b[0]}${b[1]}`)),
    );
    expect(rows.some((r) => r.person_id === carla.id)).toBe(false);
  });

  it('a number of a person the importer may not write reads exactly like a number nobody has, whatever else the line gets wrong', async () => {
    const c = await labCentre();
    const carla = await c.make('Carla', false); // no care-team consent
    const other = await staff(c.t, 'noor', ['nurse']);
    await c.t.must(
      'screenings.saveSamples',
      {
        personId: carla.id,
        siteId: c.t.siteIds[0],
        takenAt: c.t.clock.now().toISOString(),
        add: [{ testCode: 'hiv_serology_lab' }],
      },
      other.token,
    );
    const day = '2026-03-02';
    const lines = (fileNumber: string) => [
      line({
        file_number: fileNumber,
        sample_date: day,
        test_code: 'hiv_serology_lab',
        result: 'negative',
        result_date: day,
      }),
      // A second mistake on the line: the refusal of the number still comes with it.
      line({
        file_number: fileNumber,
        sample_date: day,
        test_code: 'no_such_test',
        result: 'negative',
        result_date: day,
      }),
    ];
    const refused = await c.preview(csv(...lines(carla.fileNumber)));
    const unknown = await c.preview(csv(...lines('MTP-2099-99999')));
    expect(refused.errors).toEqual(unknown.errors);
    expect(refused.errors).toContainEqual({ line: 2, column: 'file_number', reason: 'unknown_file_number' });
    expect(refused.errors).toContainEqual({ line: 3, column: 'file_number', reason: 'unknown_file_number' });
    expect(refused.rows.map((r) => [r.personId, r.personName, r.sampleId])).toEqual(
      unknown.rows.map((r) => [r.personId, r.personName, r.sampleId]),
    );
  });
});
