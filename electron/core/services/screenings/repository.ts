/**
 * The screenings' tables (`screening`, `sample`, `result`): every query on them, and the two
 * functions other capabilities use — `orderSamples` (a consultation's ordered tests) and
 * `samplesOfPerson` (PrEP's baseline checklist). No other capability reads these tables.
 */
import { randomUUID } from 'node:crypto';
import { In, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import {
  ANATOMICAL_SITES,
  TEST_CODES,
  type AnatomicalSite,
  type TestCode,
} from '../../../../shared/domain/clinical-catalogues';
import type { IsoDate } from '../../../../shared/domain/schedules';
import type {
  ScreeningWorklist,
  ScreeningWorklistCursor,
  ScreeningWorklistRow,
} from '../../../../shared/contract/screenings-worklist';
import { findRows } from '../../db/fast-read';
import { insertRows } from '../../db/fast-write';
import { linkedTable } from '../../dossier/section';
import { invalid } from '../../errors';
import { currentCatalogue } from '../clinical-catalogues/repository';
import { hasCurrentConsent, joinPersonNames } from '../persons/repository';
import {
  ResultEntity,
  SampleEntity,
  ScreeningEntity,
  type ResultRow,
  type SampleRow,
  type ScreeningRow,
} from './entities';

export type { ResultRow, SampleRow, ScreeningRow };

/** A person's screenings, samples and results follow the file on a merge. */
export const screeningsTable = linkedTable('screenings', ScreeningEntity);
export const samplesTable = linkedTable('samples', SampleEntity);
export const resultsTable = linkedTable('results', ResultEntity);

/** A sample with the day of its screening and its result, if any. */
export interface SampleWithResult extends SampleRow {
  takenOn: IsoDate;
  visitId: string | null;
  result: ResultRow | null;
}

export interface SampleOrder {
  testCode: TestCode;
  anatomicalSite?: AnatomicalSite | null;
}

/**
 * Checks each test against the centre's catalogue: a known, active test; CT/NG (a test with
 * sites) names one of its sites, another test names none. Refusals name `tests.<i>.<part>`.
 */
export async function checkSampleOrders(
  em: EntityManager,
  tests: readonly SampleOrder[],
  field = 'tests',
): Promise<void> {
  const catalogue = await currentCatalogue(em, 'tests');
  for (const [i, t] of tests.entries()) {
    const def = catalogue[t.testCode];
    if (!def || def.active === false) throw invalid(`${field}.${i}.testCode`, 'unknown_test_code');
    const site = t.anatomicalSite ?? null;
    if (def.sites.length > 0 && (!site || !def.sites.includes(site)))
      throw invalid(`${field}.${i}.anatomicalSite`, 'anatomical_site_required');
    if (def.sites.length === 0 && site)
      throw invalid(`${field}.${i}.anatomicalSite`, 'anatomical_site_not_sampled');
  }
}

/** The person's screening of that day at that site, created when there is none yet. */
export async function screeningOfDay(
  em: EntityManager,
  s: {
    personId: string;
    siteId: string;
    visitId?: string | null;
    takenOn: IsoDate;
    createdBy: string | null;
    now: Date;
  },
): Promise<ScreeningRow> {
  const repo = em.getRepository(ScreeningEntity);
  const existing = await repo.findOneBy({ personId: s.personId, siteId: s.siteId, takenOn: s.takenOn });
  if (existing) {
    if (!existing.visitId && s.visitId) {
      existing.visitId = s.visitId;
      existing.updatedAt = s.now.toISOString();
      existing.version += 1;
      await repo.save(existing);
    }
    return existing;
  }
  const at = s.now.toISOString();
  const row: ScreeningRow = {
    id: randomUUID(),
    personId: s.personId,
    siteId: s.siteId,
    visitId: s.visitId ?? null,
    takenOn: s.takenOn,
    createdBy: s.createdBy,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  await insertRows(em, ScreeningEntity, [row]);
  return row;
}

export interface OrderSamplesInput {
  personId: string;
  siteId: string;
  visitId?: string | null;
  /** The day the samples are to be taken (the site's local date). */
  takenOn: IsoDate;
  orderedBy: string;
  tests: readonly SampleOrder[];
  /** The core's clock (defaults to the system clock). */
  now?: Date;
  /** The reactive rapid test these samples confirm. */
  confirmsResultId?: string | null;
}

/**
 * Creates `ordered` samples in the day's screening (created if needed): a consultation's ordered
 * tests, or the confirmation of a reactive rapid test. Refuses an unknown test or a CT/NG sample
 * without its anatomical site (`tests.<i>.<part>`).
 */
export async function orderSamples(em: EntityManager, input: OrderSamplesInput): Promise<SampleRow[]> {
  await checkSampleOrders(em, input.tests);
  const now = input.now ?? new Date();
  const screening = await screeningOfDay(em, { ...input, createdBy: input.orderedBy, now });
  const at = now.toISOString();
  const rows: SampleRow[] = input.tests.map((t) => ({
    id: randomUUID(),
    screeningId: screening.id,
    personId: input.personId,
    siteId: input.siteId,
    testCode: t.testCode,
    anatomicalSite: t.anatomicalSite ?? null,
    status: 'ordered',
    orderedBy: input.orderedBy,
    takenAt: null,
    takenBy: null,
    confirmsResultId: input.confirmsResultId ?? null,
    createdBy: input.orderedBy,
    createdAt: at,
    updatedAt: at,
    version: 1,
  }));
  await insertSamples(em, rows);
  return rows;
}

/**
 * Through insertRows, not `insert`: TypeORM's multi-row insert reads generated values back by
 * position and gave the rows of one statement each other's ids.
 */
export async function insertSamples(em: EntityManager, rows: readonly SampleRow[]): Promise<void> {
  await insertRows(em, SampleEntity, rows);
}

export async function saveSampleRow(em: EntityManager, row: SampleRow): Promise<void> {
  await em.getRepository(SampleEntity).save(row);
}

export function findSample(em: EntityManager, id: string): Promise<SampleRow | null> {
  return em.getRepository(SampleEntity).findOneBy({ id });
}

export function findScreening(em: EntityManager, id: string): Promise<ScreeningRow | null> {
  return em.getRepository(ScreeningEntity).findOneBy({ id });
}

export function findResult(em: EntityManager, id: string): Promise<ResultRow | null> {
  return em.getRepository(ResultEntity).findOneBy({ id });
}

export function resultOfSample(em: EntityManager, sampleId: string): Promise<ResultRow | null> {
  return em.getRepository(ResultEntity).findOneBy({ sampleId });
}

export async function insertResult(em: EntityManager, row: ResultRow): Promise<void> {
  await insertRows(em, ResultEntity, [row]);
}

/** Many results in a few multi-row statements (the lab import's). */
export async function insertResults(em: EntityManager, rows: readonly ResultRow[]): Promise<void> {
  await insertRows(em, ResultEntity, rows);
}

export async function saveResultRow(em: EntityManager, row: ResultRow): Promise<void> {
  await em.getRepository(ResultEntity).save(row);
}

/** The person of a sample / a result (the gate of a channel naming one). */
export async function personOfSampleId(em: EntityManager, id: string): Promise<string | null> {
  return (await findSample(em, id))?.personId ?? null;
}

/**
 * Newest day first; within a day, in the order they were created, then in the catalogue's order
 * of tests and sites (samples saved together share their creation instant).
 */
function bySampleOrder(a: SampleWithResult, b: SampleWithResult): number {
  return (
    b.takenOn.localeCompare(a.takenOn) ||
    a.createdAt.localeCompare(b.createdAt) ||
    TEST_CODES.indexOf(a.testCode) - TEST_CODES.indexOf(b.testCode) ||
    siteRank(a.anatomicalSite) - siteRank(b.anatomicalSite) ||
    a.id.localeCompare(b.id)
  );
}

const siteRank = (site: AnatomicalSite | null) => (site ? ANATOMICAL_SITES.indexOf(site) : -1);

/**
 * A person's samples with their screening's day and their result, newest day first (the
 * dossier's hot path: three indexed reads, no per-row hydration).
 */
export async function samplesWithResults(em: EntityManager, personId: string): Promise<SampleWithResult[]> {
  const [screenings, samples] = await Promise.all([
    findRows(em, ScreeningEntity, { personId }, { column: 'takenOn', direction: 'DESC' }),
    findRows(em, SampleEntity, { personId }, { column: 'createdAt', direction: 'ASC' }),
  ]);
  // By the samples' ids (the unique `sample_id` index): `result` has no index on `person_id`, and
  // reading by it scanned every result of the centre for each dossier and each line of a lab file.
  const results = await findRows(
    em,
    ResultEntity,
    { sampleId: samples.map((s) => s.id) },
    { column: 'resultedAt', direction: 'DESC' },
  );
  const screeningById = new Map(screenings.map((s) => [s.id, s]));
  const resultBySample = new Map(results.map((r) => [r.sampleId, r]));
  const rows = samples.flatMap((s) => {
    const screening = screeningById.get(s.screeningId);
    if (!screening) return [];
    return [
      {
        ...s,
        takenOn: screening.takenOn,
        visitId: screening.visitId,
        result: resultBySample.get(s.id) ?? null,
      },
    ];
  });
  return rows.sort(bySampleOrder);
}

/** Ids per IN list: under SQLite's historical limit of 999 bound values, with room for others. */
const CHUNK = 800;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += CHUNK) out.push(items.slice(start, start + CHUNK));
  return out;
}

/**
 * The samples with their result of many persons at once, each person's in `samplesWithResults`'
 * order (the lab import reads every person of a file this way: three statements per 900 persons
 * instead of three per person).
 */
export async function samplesWithResultsOf(
  em: EntityManager,
  personIds: readonly string[],
): Promise<Map<string, SampleWithResult[]>> {
  const byPerson = new Map<string, SampleWithResult[]>();
  for (const ids of chunks([...new Set(personIds)])) {
    const screenings = await findRows(
      em,
      ScreeningEntity,
      { personId: ids },
      { column: 'takenOn', direction: 'DESC' },
    );
    const samples = await findRows(
      em,
      SampleEntity,
      { personId: ids },
      { column: 'createdAt', direction: 'ASC' },
    );
    const resultBySample = new Map<string, ResultRow>();
    for (const sampleIds of chunks(samples.map((s) => s.id)))
      for (const r of await findRows(
        em,
        ResultEntity,
        { sampleId: sampleIds },
        { column: 'resultedAt', direction: 'DESC' },
      ))
        resultBySample.set(r.sampleId, r);
    const screeningById = new Map(screenings.map((s) => [s.id, s]));
    for (const s of samples) {
      const screening = screeningById.get(s.screeningId);
      if (!screening) continue;
      let list = byPerson.get(s.personId);
      if (!list) byPerson.set(s.personId, (list = []));
      list.push({
        ...s,
        takenOn: screening.takenOn,
        visitId: screening.visitId,
        result: resultBySample.get(s.id) ?? null,
      });
    }
  }
  for (const list of byPerson.values()) list.sort(bySampleOrder);
  return byPerson;
}

/**
 * The samples still awaiting their result (`taken`) of many persons, of some tests only, without
 * results (a taken sample has none): what the lab import matches a good file's lines to, read by
 * the `(person_id, test_code, status)` index instead of every sample and result of each person.
 * In no particular order: the import indexes them by person, test, day and site (sorting a
 * file's 10,000 by `bySampleOrder`'s `localeCompare` cost about as much as reading them).
 */
export async function takenSamplesOf(
  em: EntityManager,
  personIds: readonly string[],
  testCodes: readonly TestCode[],
): Promise<SampleWithResult[]> {
  if (testCodes.length === 0) return [];
  const out: SampleWithResult[] = [];
  for (const ids of chunks([...new Set(personIds)])) {
    const samples = await findRows(
      em,
      SampleEntity,
      { personId: ids, testCode: testCodes, status: 'taken' },
      { column: 'createdAt', direction: 'ASC' },
    );
    const screeningById = new Map<string, ScreeningRow>();
    for (const screeningIds of chunks([...new Set(samples.map((s) => s.screeningId))]))
      for (const sc of await findRows(
        em,
        ScreeningEntity,
        { id: screeningIds },
        { column: 'takenOn', direction: 'DESC' },
      ))
        screeningById.set(sc.id, sc);
    for (const s of samples) {
      const screening = screeningById.get(s.screeningId);
      if (screening) out.push({ ...s, takenOn: screening.takenOn, visitId: screening.visitId, result: null });
    }
  }
  return out;
}

/**
 * Marks taken samples resulted in a few statements (the lab import's thousands): the same columns
 * `saveSampleRow` would write for `{ ...sample, status: 'resulted', updatedAt, version + 1 }`.
 */
export async function markSamplesResulted(
  em: EntityManager,
  ids: readonly string[],
  at: string,
): Promise<void> {
  for (const slice of chunks(ids))
    await em
      .createQueryBuilder()
      .update(SampleEntity)
      .set({ status: 'resulted', updatedAt: at, version: () => '"version" + 1' })
      .where({ id: In(slice) })
      .execute();
}

/**
 * A person's samples with their result, newest first, optionally only of some tests and taken
 * (screening day) between `from` and `to` included. PrEP's baseline checklist reads this.
 */
export async function samplesOfPerson(
  em: EntityManager,
  personId: string,
  filter: { testCodes?: readonly TestCode[]; from?: IsoDate; to?: IsoDate } = {},
): Promise<SampleWithResult[]> {
  const rows = await samplesWithResults(em, personId);
  return rows.filter(
    (r) =>
      (!filter.testCodes || filter.testCodes.includes(r.testCode)) &&
      (!filter.from || r.takenOn >= filter.from) &&
      (!filter.to || r.takenOn <= filter.to),
  );
}

/** Samples by ids (the nurse's "taken" ticks). */
export function samplesByIds(em: EntityManager, ids: readonly string[]): Promise<SampleRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return em.getRepository(SampleEntity).findBy({ id: In([...ids]) });
}

// ---------------------------------------------------------------------------------------------
// The worklists (worklist.ts): results to give on `(to_give, site_id, resulted_at)`, confirmations
// pending on `(status, site_id, taken_at)`; one statement each, joined to the person's name and
// file number, kept to persons sharing with the care team (or items the reader wrote).

/** The sample states of a confirmation still awaited. */
const PENDING = ['ordered', 'taken'] as const;

/** One list's statement (without its selection), its alias and the column it sorts on. */
function screeningWorklistQuery(
  em: EntityManager,
  list: ScreeningWorklist,
  siteIds: readonly string[],
  readerId: string,
): { qb: SelectQueryBuilder<ObjectLiteral>; alias: string; sort: string } {
  if (list === 'results_to_give') {
    const qb = em
      .getRepository(ResultEntity)
      .createQueryBuilder('r')
      .where('r.to_give = :toGive', { toGive: true })
      .andWhere('r.site_id IN (:...siteIds)', { siteIds: [...siteIds] }) as SelectQueryBuilder<ObjectLiteral>;
    qb.andWhere(`(${hasCurrentConsent(qb, 'r.person_id', 'care_team')} OR r.created_by = :reader)`, {
      reader: readerId,
    });
    return { qb, alias: 'r', sort: 'r.resulted_at' };
  }
  const qb = em
    .getRepository(SampleEntity)
    .createQueryBuilder('s')
    .where('s.status IN (:...pending)', { pending: [...PENDING] })
    .andWhere('s.site_id IN (:...siteIds)', { siteIds: [...siteIds] })
    .andWhere('s.confirms_result_id IS NOT NULL') as SelectQueryBuilder<ObjectLiteral>;
  qb.andWhere(`(${hasCurrentConsent(qb, 's.person_id', 'care_team')} OR s.created_by = :reader)`, {
    reader: readerId,
  });
  return { qb, alias: 's', sort: 's.created_at' };
}

export interface ScreeningWorklistPageRow {
  id: string;
  personId: string;
  siteId: string;
  testCode: ScreeningWorklistRow['testCode'];
  at: string;
  interpretation: ScreeningWorklistRow['interpretation'];
  personFileNumber: string;
  personNameUsed: string;
}

/** A page's statement: the list's lines after the cursor, by (sort instant, id), joined to the person. */
function screeningWorklistPageQuery(
  em: EntityManager,
  list: ScreeningWorklist,
  siteIds: readonly string[],
  readerId: string,
  page: { limit: number; after?: ScreeningWorklistCursor | undefined },
) {
  const { qb, alias, sort } = screeningWorklistQuery(em, list, siteIds, readerId);
  qb.select(`${alias}.id`, 'id')
    .addSelect(`${alias}.person_id`, 'personId')
    .addSelect(`${alias}.site_id`, 'siteId')
    .addSelect(`${alias}.test_code`, 'testCode')
    .addSelect(sort, 'at')
    .addSelect(list === 'results_to_give' ? 'r.interpretation' : 'NULL', 'interpretation');
  joinPersonNames(qb, `${alias}.person_id`);
  if (page.after)
    qb.andWhere(`(${sort} > :afterAt OR (${sort} = :afterAt AND ${alias}.id > :afterId))`, {
      afterAt: page.after.at,
      afterId: page.after.id,
    });
  return qb.orderBy(sort, 'ASC').addOrderBy(`${alias}.id`, 'ASC').limit(page.limit);
}

/** The SQL of a worklist page, for the query-plan test (no personal data: parameters only). */
export function screeningWorklistSql(
  em: EntityManager,
  list: ScreeningWorklist,
  siteIds: readonly string[],
  readerId: string,
): [string, unknown[]] {
  return screeningWorklistPageQuery(em, list, siteIds, readerId, { limit: 51 }).getQueryAndParameters();
}

/** One page of a list (`limit` lines after the cursor). */
export function screeningWorklistPage(
  em: EntityManager,
  list: ScreeningWorklist,
  siteIds: readonly string[],
  readerId: string,
  page: { limit: number; after?: ScreeningWorklistCursor | undefined },
): Promise<ScreeningWorklistPageRow[]> {
  return screeningWorklistPageQuery(em, list, siteIds, readerId, page).getRawMany<ScreeningWorklistPageRow>();
}

/** How many lines a list holds (the same filter as its pages). */
export function screeningWorklistCount(
  em: EntityManager,
  list: ScreeningWorklist,
  siteIds: readonly string[],
  readerId: string,
): Promise<number> {
  return screeningWorklistQuery(em, list, siteIds, readerId).qb.getCount();
}
