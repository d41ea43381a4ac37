/**
 * Screenings: the nurse takes samples (or takes those a consultation ordered), saves each taken
 * sample's result, and records that the result was given. The value is parsed by the schema of
 * the test's `ResultType`; the interpretation and the infections are read from the catalogue
 * (`readResult`), never typed. A reactive rapid test with a `confirmedBy` test orders its
 * confirmation in the same transaction; the result hooks (treatments) run there too.
 */
import { randomUUID } from 'node:crypto';
import { startOfMinute } from 'date-fns';
import type { EntityManager } from 'typeorm';
import type { ParsedInput as In } from '../../../../shared/contract';
import { refusedPart, resultValueSchema, type Sample } from '../../../../shared/contract/screenings';
import { siteToday } from '../../../../shared/domain/schedules';
import type { EgfrRules, ResultType, TestDefinition } from '../../../../shared/domain/clinical-catalogues';
import {
  readResult,
  type ResultReading,
  type ResultSource,
  type ResultValue,
} from '../../../../shared/domain/screenings';
import type { DossierCall } from '../../api/routes';
import { conflict, invalid } from '../../errors';
import { requireSite } from '../centre/repository';
import { currentCatalogue } from '../clinical-catalogues/repository';
import { loadPerson } from '../persons/repository';
import { staffNames } from '../users/staff-names';
import { findVisit } from '../visits/repository';
import { RESULT_SAVED_HOOKS, type SavedResult } from './result-hooks';
import {
  checkSampleOrders,
  findResult,
  findSample,
  findScreening,
  insertResult,
  insertSamples,
  orderSamples,
  resultOfSample,
  samplesByIds,
  saveResultRow,
  saveSampleRow,
  screeningOfDay,
  type ResultRow,
  type SampleRow,
  type SampleWithResult,
} from './repository';

/** Clocks of two machines differ a little: a few minutes ahead is not "in the future". */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

function refuseFuture(at: string, now: Date, field: string): void {
  if (Date.parse(at) > now.getTime() + FUTURE_TOLERANCE_MS) throw invalid(field, 'date_in_future');
}

export function toSample(row: SampleWithResult, names: ReadonlyMap<string, string>): Sample {
  const name = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  const r = row.result;
  return {
    id: row.id,
    personId: row.personId,
    screeningId: row.screeningId,
    siteId: row.siteId,
    visitId: row.visitId,
    takenOn: row.takenOn,
    testCode: row.testCode,
    anatomicalSite: row.anatomicalSite,
    status: row.status,
    orderedBy: row.orderedBy,
    takenAt: row.takenAt,
    takenBy: row.takenBy,
    takenByName: name(row.takenBy),
    confirmsResultId: row.confirmsResultId,
    authorId: row.createdBy,
    version: row.version,
    result: r
      ? {
          id: r.id,
          sampleId: r.sampleId,
          testCode: r.testCode,
          value: r.value,
          interpretation: r.interpretation,
          infections: r.infections,
          resultedAt: r.resultedAt,
          source: r.source,
          toGive: r.toGive,
          labReference: r.labReference,
          givenAt: r.givenAt,
          givenBy: r.givenBy,
          givenByName: name(r.givenBy),
          authorId: r.createdBy,
          version: r.version,
        }
      : null,
  };
}

/** Maps samples to the contract, with the names of who took them and who gave their results. */
export async function toSamples(em: EntityManager, rows: readonly SampleWithResult[]): Promise<Sample[]> {
  const names = await staffNames(
    em,
    rows.flatMap((r) => [r.takenBy, r.result?.givenBy ?? null]),
  );
  return rows.map((r) => toSample(r, names));
}

async function withScreening(
  em: EntityManager,
  sample: SampleRow,
  result: ResultRow | null,
): Promise<SampleWithResult> {
  const screening = await findScreening(em, sample.screeningId);
  if (!screening) throw new Error('a sample without its screening');
  return { ...sample, takenOn: screening.takenOn, visitId: screening.visitId, result };
}

export async function saveSamples(
  input: In<'screenings.saveSamples'>,
  { actor, dossier }: DossierCall,
): Promise<{ samples: Sample[] }> {
  const { em, now } = dossier;
  const person = await loadPerson(em, input.personId);
  if (person.mergedInto) throw invalid('personId', 'person_merged');
  if (input.takenAt) refuseFuture(input.takenAt, now, 'takenAt');
  if (input.visitId) {
    const visit = await findVisit(em, input.visitId);
    if (!visit || visit.personId !== person.id) throw invalid('visitId', 'unknown_visit');
  }
  await checkSampleOrders(em, input.add, 'add');
  const site = await requireSite(em, input.siteId);
  // Not given (the screen's "taken now"): the core's clock, not the workstation's.
  const takenAt = input.takenAt ? new Date(input.takenAt).toISOString() : now.toISOString();
  const at = now.toISOString();

  const ordered = await samplesByIds(
    em,
    input.take.map((t) => t.id),
  );
  const taken: SampleRow[] = [];
  for (const [i, t] of input.take.entries()) {
    const row = ordered.find((s) => s.id === t.id);
    if (!row || row.personId !== person.id || row.status !== 'ordered')
      throw invalid(`take.${i}.id`, 'sample_required');
    if (row.version !== t.version) throw conflict('sample');
    const next: SampleRow = {
      ...row,
      status: 'taken',
      takenAt,
      takenBy: actor.userId,
      updatedAt: at,
      version: row.version + 1,
    };
    await saveSampleRow(em, next);
    dossier.wrote({ type: 'sample', id: row.id, action: 'update' });
    taken.push(next);
  }

  const added: SampleRow[] = [];
  if (input.add.length) {
    const screening = await screeningOfDay(em, {
      personId: person.id,
      siteId: site.id,
      visitId: input.visitId ?? null,
      takenOn: siteToday(new Date(takenAt), site.timezone),
      createdBy: actor.userId,
      now,
    });
    for (const t of input.add)
      added.push({
        id: randomUUID(),
        screeningId: screening.id,
        personId: person.id,
        siteId: site.id,
        testCode: t.testCode,
        anatomicalSite: t.anatomicalSite ?? null,
        status: 'taken',
        orderedBy: null,
        takenAt,
        takenBy: actor.userId,
        confirmsResultId: null,
        createdBy: actor.userId,
        createdAt: at,
        updatedAt: at,
        version: 1,
      });
    await insertSamples(em, added);
    for (const s of added) dossier.wrote({ type: 'sample', id: s.id, action: 'create' });
  }
  const rows = await Promise.all([...taken, ...added].map((s) => withScreening(em, s, null)));
  return { samples: await toSamples(em, rows) };
}

/** Who took the sample a result is saved on: its author may write its result without the consent. */
export async function authorOfSample(input: { sampleId: string }, { em }: { em: EntityManager }) {
  return (await findSample(em, input.sampleId))?.createdBy ?? null;
}

export async function saveResult(
  input: In<'screenings.saveResult'>,
  call: DossierCall,
): Promise<{ sample: Sample; confirmation: Sample | null }> {
  const { em, now } = call.dossier;
  const sample = await findSample(em, input.sampleId);
  // Only a taken sample of this person gets a result ("a result without its sample").
  if (!sample || sample.personId !== input.personId) throw invalid('sampleId', 'sample_required');
  if (sample.status === 'resulted' || (await resultOfSample(em, sample.id)))
    throw invalid('sampleId', 'result_exists');
  if (sample.status !== 'taken' || !sample.takenAt) throw invalid('sampleId', 'sample_required');
  refuseFuture(input.resultedAt, now, 'resultedAt');
  // Forms hold minutes: a result typed in the sample's own minute is kept as typed, not "before" it.
  if (Date.parse(input.resultedAt) < startOfMinute(new Date(sample.takenAt)).getTime())
    throw invalid('resultedAt', 'result_before_sample');

  const tests = await currentCatalogue(em, 'tests');
  const test = tests[sample.testCode];
  const { value, reading } = parseResultValue(test, await currentCatalogue(em, 'egfr'), input.value);
  const written = await writeResult(call, sample, test, {
    value,
    reading,
    resultedAt: input.resultedAt,
    source: input.source,
    importId: null,
  });
  const [mapped, ...rest] = await toSamples(em, [
    await withScreening(em, written.sample, written.result),
    ...(written.confirmation ? [written.confirmation] : []),
  ]);
  return { sample: mapped, confirmation: rest[0] ?? null };
}

/**
 * The schema of a result type, built once per catalogue entry and eGFR bounds: building a zod
 * schema costs far more than parsing with it, and a lab file parses thousands of one test's values.
 */
type ResultSchema = ReturnType<typeof resultValueSchema>;
const schemas = new WeakMap<ResultType, Map<string, ResultSchema>>();

function schemaOf(type: ResultType, egfr: Pick<EgfrRules, 'min' | 'max'>): ResultSchema {
  let byBounds = schemas.get(type);
  if (!byBounds) schemas.set(type, (byBounds = new Map<string, ResultSchema>()));
  const key = `${egfr.min}|${egfr.max}`;
  let schema = byBounds.get(key);
  if (!schema) byBounds.set(key, (schema = resultValueSchema(type, egfr)));
  return schema;
}

/**
 * A value parsed by the schema of its test's `ResultType` and read against the catalogue; a value
 * not of that type is `result_value_invalid` on `value.<part>` (the lab import maps the part to
 * its CSV column).
 */
export function parseResultValue(
  test: TestDefinition,
  egfr: Pick<EgfrRules, 'min' | 'max'>,
  input: { type: string },
): { value: ResultValue; reading: ResultReading } {
  if (input.type !== test.result.type) throw invalid('value.type', 'result_value_invalid');
  const parsed = schemaOf(test.result, egfr).safeParse(input);
  if (!parsed.success) throw invalid(refusedPart(parsed.error.issues[0]), 'result_value_invalid');
  return { value: parsed.data, reading: readResult(test, parsed.data) };
}

/** What a result is saved with: the fields of its row (the screen's save and the lab import alike). */
export interface ResultToWrite {
  value: ResultValue;
  reading: ResultReading;
  resultedAt: string;
  source: ResultSource;
  importId: string | null;
  /** The laboratory's reference for its report (lab CSV `lab_reference`); none on the screen. */
  labReference?: string | null;
}

/** The row of a checked result on its sample, written by `actorId` at `now`. */
export function resultRowOf(actorId: string, sample: SampleRow, r: ResultToWrite, now: Date): ResultRow {
  const at = now.toISOString();
  return {
    id: randomUUID(),
    sampleId: sample.id,
    personId: sample.personId,
    siteId: sample.siteId,
    testCode: sample.testCode,
    value: r.value,
    interpretation: r.reading.interpretation,
    infections: r.reading.infections,
    resultedAt: new Date(r.resultedAt).toISOString(),
    source: r.source,
    importId: r.importId,
    givenAt: null,
    givenBy: null,
    labReference: r.labReference ?? null,
    // An invalid result is retaken, not given.
    toGive: r.reading.interpretation !== 'invalid',
    createdBy: actorId,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

/** What the result hooks are told of a saved result. */
export function savedResultOf(result: ResultRow): SavedResult {
  return {
    id: result.id,
    personId: result.personId,
    siteId: result.siteId,
    testCode: result.testCode,
    interpretation: result.interpretation,
    infections: result.infections,
    resultedAt: result.resultedAt,
  };
}

/** A reactive rapid test with a `confirmedBy` test orders its confirmation (null: nothing to order). */
export async function orderConfirmation(
  { actor, dossier }: DossierCall,
  sample: SampleRow,
  test: TestDefinition,
  result: ResultRow,
): Promise<SampleWithResult | null> {
  const { em, now } = dossier;
  const value = result.value;
  if (
    !test.reactiveNeedsConfirmation ||
    !test.confirmedBy ||
    value.type !== 'reactivity' ||
    value.reactivity !== 'reactive'
  )
    return null;
  const site = await requireSite(em, sample.siteId);
  const screening = await findScreening(em, sample.screeningId);
  const [row] = await orderSamples(em, {
    personId: sample.personId,
    siteId: sample.siteId,
    visitId: screening?.visitId ?? null,
    takenOn: siteToday(new Date(result.resultedAt), site.timezone),
    orderedBy: actor.userId,
    tests: [{ testCode: test.confirmedBy }],
    confirmsResultId: result.id,
    now,
  });
  dossier.wrote({ type: 'sample', id: row.id, action: 'create' });
  return withScreening(em, row, null);
}

/**
 * Writes a checked result on its taken sample (then `resulted`), orders the confirmation of a
 * reactive rapid test and runs the result hooks (treatments), each write named to the dossier.
 * The caller has refused what must be refused (sample, dates, value). The lab import writes the
 * same rows in bulk (lab-import.ts `writeAll`, with the hooks' batch variants).
 */
export async function writeResult(
  call: DossierCall,
  sample: SampleRow,
  test: TestDefinition,
  r: ResultToWrite,
): Promise<{ result: ResultRow; sample: SampleRow; confirmation: SampleWithResult | null }> {
  const { actor, dossier } = call;
  const { em, now } = dossier;
  const result = resultRowOf(actor.userId, sample, r, now);
  await insertResult(em, result);
  const resulted: SampleRow = {
    ...sample,
    status: 'resulted',
    updatedAt: now.toISOString(),
    version: sample.version + 1,
  };
  await saveSampleRow(em, resulted);
  dossier.wrote({ type: 'result', id: result.id, action: 'create' });
  dossier.wrote({ type: 'sample', id: sample.id, action: 'update' });

  const confirmation = await orderConfirmation(call, sample, test, result);

  for (const hook of RESULT_SAVED_HOOKS) await hook(em, savedResultOf(result), call);

  return { result, sample: resulted, confirmation };
}

/** The result was told to the person: it leaves the "results to give". */
export async function giveResult(
  input: In<'screenings.give'>,
  { actor, dossier }: DossierCall,
): Promise<Sample> {
  const { em, now } = dossier;
  const result = await findResult(em, input.resultId);
  if (!result || result.personId !== input.personId) throw invalid('resultId', 'result_required');
  if (result.version !== input.version) throw conflict('result');
  if (!result.toGive) throw invalid('resultId', 'result_not_to_give');
  refuseFuture(input.givenAt, now, 'givenAt');
  if (Date.parse(input.givenAt) < Date.parse(result.resultedAt))
    throw invalid('givenAt', 'given_before_result');
  const given: ResultRow = {
    ...result,
    toGive: false,
    givenAt: new Date(input.givenAt).toISOString(),
    givenBy: actor.userId,
    updatedAt: now.toISOString(),
    version: result.version + 1,
  };
  await saveResultRow(em, given);
  dossier.wrote({ type: 'result', id: result.id, action: 'update' });
  const sample = await findSample(em, result.sampleId);
  if (!sample) throw new Error('a result without its sample');
  const [mapped] = await toSamples(em, [await withScreening(em, sample, given)]);
  return mapped;
}

/** Who saved the result a "given" touches. */
export async function authorOfResult(input: { resultId: string }, { em }: { em: EntityManager }) {
  return (await findResult(em, input.resultId))?.createdBy ?? null;
}
