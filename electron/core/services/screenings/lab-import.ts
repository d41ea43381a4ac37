/**
 * The laboratory CSV import (docs/lab-results-csv.md). `previewLabImport` reads the file, matches
 * every line to its person and pending sample and reads each result with the screen's own rules
 * (`parseResultValue`: the value's type, the catalogue's interpretation and infections), writing
 * nothing. `commitLabImport` takes the same content and does it all again inside one transaction,
 * then writes every result through `writeResult` (confirmations, result hooks: Test and Treat) and
 * the `lab_import` row — or, on the first refusal anywhere, nothing.
 *
 * Every person is gated as the screen's save is (write on `tests`: role, consent, or author of the
 * sample): a line of a person the importer may not write names no person, sample or result, and is
 * refused as `unknown_file_number` — the same words as a number nobody has, so the file cannot be
 * used to learn which numbers exist (docs/access-matrix.md). The preview's read is audited per
 * person it names (identity and tests), beside the dispatcher's list entry.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type {
  LabImportCommit,
  LabImportError,
  LabImportLine,
  LabImportPreview,
} from '../../../../shared/contract/lab-import';
import {
  ANATOMICAL_SITES,
  type AnatomicalSite,
  type CatalogueContent,
  type Infection,
  type TestCode,
} from '../../../../shared/domain/clinical-catalogues';
import { LAB_REFERENCE_MAX } from '../../../../shared/contract/screenings';
import { siteToday } from '../../../../shared/domain/schedules';
import { localDayRange } from '../../../../shared/domain/zoned-time';
import type { ResultReading, ResultValue } from '../../../../shared/domain/screenings';
import { decide, type Actor, type DossierSubject } from '../../access/gate';
import { subjectsOf } from '../../access/subject';
import type { DossierCall } from '../../api/routes';
import type { PersonAccess, WriteTarget } from '../../api/access';
import { appendAudits, type AuditEvent } from '../../audit/audit-log';
import type { CoreContext } from '../../context';
import { readableBy } from '../../dossier/reader';
import { DomainError } from '../../errors';
import type { OnProgress } from '../../progress';
import { allSites, requireSite } from '../centre/repository';
import { currentCatalogue } from '../clinical-catalogues/repository';
import { personsByFileNumbers, personsByIds, type PersonRow } from '../persons/repository';
import { parseLabCsv, type LabCsvLine } from './lab-csv';
import { DATE, Errors, labReferenceOf, placeOfPart, realDate, valueOf, type SampleLines } from './lab-values';
import { LabImportEntity, type LabImportRow } from './lab-import-entity';
import {
  insertResults,
  markSamplesResulted,
  samplesWithResultsOf,
  takenSamplesOf,
  type ResultRow,
  type SampleWithResult,
} from './repository';
import { runResultSavedHooks } from './result-hooks';
import {
  FUTURE_TOLERANCE_MS,
  orderConfirmation,
  parseResultValue,
  resultRowOf,
  savedResultOf,
} from './screenings-service';

export interface LabFile {
  fileName: string;
  content: string;
}

interface Catalogues {
  tests: CatalogueContent['tests'];
  egfr: CatalogueContent['egfr'];
  treatments: CatalogueContent['treatments'];
}

/** The lines of one sample (a CT/NG sample has a line per target, an HBV serology per marker). */
interface Group extends SampleLines {
  person: PersonRow;
  sampleDate: string;
  site: AnatomicalSite | null;
}

/** A group matched to its sample and read: what the commit writes. */
interface Matched {
  group: Group;
  sample: SampleWithResult;
  value: ResultValue;
  reading: ResultReading;
  resultedAt: string;
  labReference: string | null;
  access: PersonAccess;
}

interface Checked {
  fileSha256: string;
  /** The preview's answer, line by line (the commit does not build it: it answers counts). */
  rows: LabImportLine[];
  /** The file's lines. */
  lines: number;
  matched: Matched[];
  errors: LabImportError[];
}

/** At most this many refusals are listed (a wrong file would otherwise list 20,000). */
const MAX_ERRORS = 500;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** The file's fingerprint: its text as UTF-8, a BOM left out (an editor may add or drop one). */
export function fileSha256(content: string): string {
  const text = content.startsWith('\uFEFF') ? content.slice(1) : content;
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The site-calendar answers `resultInstant` asks, remembered for the file: a file names a few days
 * and sites, and each answer costs an `Intl` formatting (thousands of lines would pay it each).
 */
class SiteCalendar {
  private readonly days = new Map<string, string>();
  private readonly starts = new Map<string, string>();

  constructor(readonly now: Date) {}

  /** The site's day of an instant (ISO text). */
  dayOf(instant: string, timezone: string): string {
    const key = `${instant}|${timezone}`;
    let day = this.days.get(key);
    if (day === undefined) {
      day = siteToday(new Date(instant), timezone);
      this.days.set(key, day);
    }
    return day;
  }

  today(timezone: string): string {
    return this.dayOf(this.now.toISOString(), timezone);
  }

  /** The first moment of a day at the site. */
  startOf(day: string, timezone: string): string {
    const key = `${day}|${timezone}`;
    let start = this.starts.get(key);
    if (start === undefined) {
      start = localDayRange(day, timezone)[0].toISOString();
      this.starts.set(key, start);
    }
    return start;
  }
}

/**
 * When the result was read: an instant as given, or a day (`YYYY-MM-DD`, the site's calendar).
 * A day alone is recorded as the first moment of that day the result can have been read: 00:00
 * at the site, or the sample's taking when it was taken that same day. Its day at the site is
 * always the day given, and it is never later than now (docs/lab-results-csv.md).
 */
function resultInstant(
  cell: string,
  sample: SampleWithResult,
  timezone: string,
  calendar: SiteCalendar,
): { at: string } | { reason: string } {
  const now = calendar.now;
  if (DATE.test(cell)) {
    if (!realDate(cell)) return { reason: 'invalid_date' };
    if (cell > calendar.today(timezone)) return { reason: 'date_in_future' };
    // A sample without a taking time has only its day, already the site's (never re-read as UTC
    // midnight: west of UTC that is the day before).
    const takenOn = sample.takenAt ? calendar.dayOf(sample.takenAt, timezone) : sample.takenOn;
    if (cell < takenOn) return { reason: 'result_before_sample' };
    if (cell === takenOn && sample.takenAt) return { at: new Date(sample.takenAt).toISOString() };
    return { at: calendar.startOf(cell, timezone) };
  }
  if (!INSTANT.test(cell) || Number.isNaN(Date.parse(cell))) return { reason: 'invalid_format' };
  if (Date.parse(cell) > now.getTime() + FUTURE_TOLERANCE_MS) return { reason: 'date_in_future' };
  if (sample.takenAt && Date.parse(cell) < Date.parse(sample.takenAt))
    return { reason: 'result_before_sample' };
  if (!sample.takenAt && calendar.dayOf(new Date(cell).toISOString(), timezone) < sample.takenOn)
    return { reason: 'result_before_sample' };
  return { at: new Date(cell).toISOString() };
}

/**
 * Everything the lines are matched against, read in bulk once per file (`load`): the persons of
 * its file numbers, their consents and the importer's grants, their samples of the tests it names.
 * A 10,000-line file thus costs a few statements per 900 persons, not several per line.
 */
class Matcher {
  private readonly persons = new Map<string, PersonRow | null>();
  /** A person's samples by `test|day|site` (a file may hold thousands of one person's). */
  private readonly samples = new Map<string, Map<string, SampleWithResult[]>>();
  private subjects = new Map<string, DossierSubject>();
  /** The file's tests that the catalogue knows. */
  private tests = new Set<TestCode>();
  /** Persons whose samples of the file's tests are all loaded, whatever their state. */
  private readonly complete = new Set<string>();
  private readonly timezones = new Map<string, string>();
  /** Persons the importer may write results for (role and consent, or the author of a sample). */
  private readonly writable = new Map<string, boolean>();
  /**
   * Lines of a person the importer may not write: refused as an unknown file number (so the
   * refusal does not tell that the number exists) and their person named nowhere in the answer.
   */
  readonly hidden = new Set<number>();
  readonly calendar: SiteCalendar;

  constructor(
    readonly em: EntityManager,
    readonly actor: Actor,
    readonly now: Date,
    readonly catalogues: Catalogues,
  ) {
    this.calendar = new SiteCalendar(now);
  }

  /** Reads, in bulk, what the file's lines name; a merged file's number leads to the file kept. */
  async load(lines: readonly LabCsvLine[]): Promise<void> {
    const numbers = new Set<string>();
    const tests = new Set<string>();
    for (const l of lines) {
      if (l.cells.file_number) numbers.add(l.cells.file_number);
      if (l.cells.test_code) tests.add(l.cells.test_code);
    }
    const found = await personsByFileNumbers(this.em, [...numbers]);
    const kept = new Map<string, PersonRow>();
    const mergedIds = [...new Set(found.flatMap((p) => (p.mergedInto ? [p.mergedInto] : [])))];
    for (let start = 0; start < mergedIds.length; start += 900)
      for (const p of await personsByIds(this.em, mergedIds.slice(start, start + 900))) kept.set(p.id, p);
    const byNumber = new Map(found.map((p) => [p.fileNumber, p]));
    for (const n of numbers) {
      const row = byNumber.get(n) ?? null;
      this.persons.set(n, row?.mergedInto ? (kept.get(row.mergedInto) ?? null) : row);
    }
    const ids = [...new Set([...this.persons.values()].flatMap((p) => (p ? [p.id] : [])))];
    this.subjects = await subjectsOf(this.em, this.actor, ids, this.now);
    this.tests = new Set(
      [...tests].filter((code): code is TestCode => this.catalogues.tests[code as TestCode] !== undefined),
    );
    // A person the importer's role may write (the usual case) needs only their pending samples of
    // the file's tests; any other needs all their samples (the author of one may write).
    const byRole = ids.filter((id) => decide(this.actor, 'write', 'tests', this.subject(id)).allowed);
    for (const id of byRole) this.writable.set(id, true);
    this.index(await takenSamplesOf(this.em, byRole, [...this.tests]));
    await this.loadAll(ids.filter((id) => !this.writable.has(id)));
    for (const site of await allSites(this.em)) this.timezones.set(site.id, site.timezone);
  }

  /** Samples of the file's tests indexed by person and `test|day|site`. */
  private index(rows: readonly SampleWithResult[]): void {
    for (const row of rows) {
      if (!this.tests.has(row.testCode)) continue;
      let byKey = this.samples.get(row.personId);
      if (!byKey) this.samples.set(row.personId, (byKey = new Map<string, SampleWithResult[]>()));
      const at = `${row.testCode}|${row.takenOn}|${row.anatomicalSite ?? ''}`;
      const list = byKey.get(at);
      if (list) list.push(row);
      else byKey.set(at, [row]);
    }
  }

  /** All the samples of these persons, with their results: who wrote them, which are resulted. */
  private async loadAll(personIds: readonly string[]): Promise<void> {
    if (personIds.length === 0) return;
    const all = await samplesWithResultsOf(this.em, personIds);
    for (const id of personIds) {
      const own = all.get(id) ?? [];
      if (!this.writable.get(id))
        this.writable.set(
          id,
          decide(this.actor, 'write', 'tests', this.subject(id)).allowed ||
            own.some((s) => s.createdBy === this.actor.userId),
        );
      this.samples.delete(id);
      this.index(own);
      this.complete.add(id);
    }
  }

  /**
   * A group without a pending sample is refused by what its sample's state is (resulted, or none
   * that day): its persons' other samples are read then, in bulk, before matching.
   */
  async completeWithoutPending(groups: readonly Group[]): Promise<void> {
    const ids = new Set<string>();
    for (const g of groups)
      if (
        !this.complete.has(g.person.id) &&
        this.samplesOf(g.person.id, g.test.code, g.sampleDate, g.site).length === 0
      )
        ids.add(g.person.id);
    await this.loadAll([...ids]);
  }

  /** The person of a file number (after `load`). */
  person(fileNumber: string): PersonRow | null {
    return this.persons.get(fileNumber) ?? null;
  }

  /** The person's samples of that test taken that day at that site (none: an empty list). */
  samplesOf(personId: string, test: TestCode, day: string, site: AnatomicalSite | null): SampleWithResult[] {
    return this.samples.get(personId)?.get(`${test}|${day}|${site ?? ''}`) ?? [];
  }

  /** Consents and break-the-glass of a person, read once per file. */
  subject(personId: string): DossierSubject {
    const subject = this.subjects.get(personId);
    if (!subject) throw new Error('a person not loaded');
    return subject;
  }

  /** May the importer write results of this person at all (before any sample of theirs is named)? */
  mayWrite(personId: string): boolean {
    return this.writable.get(personId) ?? false;
  }

  /** A line the importer may not see the person of: the same refusal as a number nobody has. */
  refuse(line: number, errors: Errors): void {
    this.hidden.add(line);
    errors.add(line, 'file_number', 'unknown_file_number');
  }

  async timezone(siteId: string): Promise<string> {
    let tz = this.timezones.get(siteId);
    if (!tz) {
      tz = (await requireSite(this.em, siteId)).timezone;
      this.timezones.set(siteId, tz);
    }
    return tz;
  }
}

/** Key cells of each line checked, then the lines grouped by sample. */
function groupLines(m: Matcher, lines: readonly LabCsvLine[], errors: Errors): Group[] {
  const today = siteToday(m.now, 'UTC');
  const groups = new Map<string, Group>();
  for (const l of lines) {
    const c = l.cells;
    const before = errors.list.length;
    for (const column of ['file_number', 'sample_date', 'test_code', 'result_date'] as const)
      if (!c[column]) errors.add(l.line, column, 'required');
    if (c.sample_date && !realDate(c.sample_date)) errors.add(l.line, 'sample_date', 'invalid_date');
    // A sample "taken tomorrow" anywhere on Earth is a typing error (the site's day is checked on the result).
    else if (c.sample_date && c.sample_date > addDay(today))
      errors.add(l.line, 'sample_date', 'date_in_future');
    const test = c.test_code ? m.catalogues.tests[c.test_code as TestCode] : undefined;
    if (c.test_code && (!test || test.active === false)) errors.add(l.line, 'test_code', 'unknown_test_code');
    const site = c.anatomical_site.toLowerCase();
    if (test && test.sites.length > 0 && !test.sites.includes(site as AnatomicalSite))
      errors.add(
        l.line,
        'anatomical_site',
        site && !(ANATOMICAL_SITES as readonly string[]).includes(site)
          ? 'result_value_invalid'
          : 'anatomical_site_required',
      );
    if (test && test.sites.length === 0 && site)
      errors.add(l.line, 'anatomical_site', 'anatomical_site_not_sampled');
    const person = c.file_number ? m.person(c.file_number) : null;
    if (c.file_number && !person) errors.add(l.line, 'file_number', 'unknown_file_number');
    // Checked whatever else the line gets wrong: a number of a person the importer may not write
    // must read exactly like a number nobody has.
    else if (person && !m.mayWrite(person.id)) {
      m.refuse(l.line, errors);
      continue;
    }
    if (errors.list.length > before || !person || !test) continue;
    const key = [person.id, c.sample_date, test.code, site].join('|');
    const group = groups.get(key);
    if (group) group.lines.push(l);
    else
      groups.set(key, {
        lines: [l],
        person,
        test,
        sampleDate: c.sample_date,
        site: (site || null) as AnatomicalSite | null,
      });
  }
  return [...groups.values()];
}

function addDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** One sample's lines: the gate, the sample, the value, the dates. */
async function matchGroup(m: Matcher, group: Group, errors: Errors): Promise<Matched | null> {
  const first = group.lines[0];
  const candidates = m.samplesOf(group.person.id, group.test.code, group.sampleDate, group.site);
  // The screen's gate: write on tests, or the author of the sample.
  const subject = m.subject(group.person.id);
  const authorIds = new Set(candidates.flatMap((s) => (s.createdBy ? [s.createdBy] : [])));
  const decision = decide(m.actor, 'write', 'tests', { ...subject, authorIds });
  if (!decision.allowed) {
    for (const l of group.lines) m.refuse(l.line, errors);
    return null;
  }
  const pending = candidates.filter((s) => s.status === 'taken');
  if (pending.length > 1) {
    for (const l of group.lines) errors.add(l.line, 'anatomical_site', 'ambiguous_sample');
    return null;
  }
  const sample = pending[0];
  if (!sample) {
    const done = candidates.some((s) => s.status === 'resulted' || s.result);
    for (const l of group.lines)
      errors.add(l.line, done ? 'result' : 'sample_date', done ? 'result_exists' : 'no_pending_sample');
    return null;
  }
  const labReference = labReferenceOf(group, errors, LAB_REFERENCE_MAX);
  if (labReference === undefined) return null;
  const input = valueOf(group, errors);
  if (!input) return null;
  let parsed: { value: ResultValue; reading: ResultReading };
  try {
    parsed = parseResultValue(group.test, m.catalogues.egfr, input);
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    const place = placeOfPart(group, err.field ?? 'value');
    errors.add(place.line, place.column, 'result_value_invalid');
    return null;
  }
  // One result, one date: lines of a sample that disagree are refused, not settled by picking one.
  const date = first.cells.result_date;
  const differing = group.lines.filter((l) => l.cells.result_date !== date);
  if (differing.length) {
    for (const l of differing) errors.add(l.line, 'result_date', 'lab_result_date_differs');
    return null;
  }
  const when = resultInstant(date, sample, await m.timezone(sample.siteId), m.calendar);
  if ('reason' in when) {
    for (const l of group.lines) errors.add(l.line, 'result_date', when.reason);
    return null;
  }
  return {
    group,
    sample,
    ...parsed,
    resultedAt: when.at,
    labReference,
    access: { personId: group.person.id, subject, decision },
  };
}

/** What a positive opens: the infections the treatments catalogue has an entry for. */
function toTreatOf(reading: ResultReading, treatments: Catalogues['treatments']): Infection[] {
  if (reading.interpretation !== 'positive') return [];
  return reading.infections.filter(
    (i) => (treatments as Partial<Record<Infection, unknown>>)[i] !== undefined,
  );
}

async function checkFile(
  em: EntityManager,
  actor: Actor,
  now: Date,
  file: LabFile,
  answer: 'lines' | 'counts',
  onProgress?: OnProgress,
): Promise<Checked> {
  const sha = fileSha256(file.content);
  const parsed = parseLabCsv(file.content);
  const errors = new Errors();
  errors.list.push(...parsed.errors);
  if (await em.getRepository(LabImportEntity).existsBy({ fileSha256: sha }))
    errors.add(null, null, 'import_already_done');
  const catalogues: Catalogues = {
    tests: await currentCatalogue(em, 'tests'),
    egfr: await currentCatalogue(em, 'egfr'),
    treatments: await currentCatalogue(em, 'treatments'),
  };
  const m = new Matcher(em, actor, now, catalogues);
  const total = parsed.lines.length;
  onProgress?.({ phase: 'validate', done: 0, total });
  await m.load(parsed.lines);
  const groups = groupLines(m, parsed.lines, errors);
  await m.completeWithoutPending(groups);
  const matched: Matched[] = [];
  const bySample = new Map<string, Matched>();
  let done = 0;
  for (const group of groups) {
    const found = await matchGroup(m, group, errors);
    done += group.lines.length;
    onProgress?.({ phase: 'validate', done, total });
    if (!found) continue;
    // Two groups on one sample (an instant and a day): the sample is named twice.
    if (bySample.has(found.sample.id)) {
      for (const l of group.lines) errors.add(l.line, 'test_code', 'lab_line_twice');
      continue;
    }
    bySample.set(found.sample.id, found);
    matched.push(found);
  }
  onProgress?.({ phase: 'validate', done: total, total });

  const sorted = errors.list.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)).slice(0, MAX_ERRORS);
  const lines = parsed.lines.length;
  if (answer === 'counts') return { fileSha256: sha, rows: [], lines, matched, errors: sorted };
  const byLine = new Map<number, Matched>();
  for (const mt of matched) for (const l of mt.group.lines) byLine.set(l.line, mt);
  const personByLine = new Map<number, PersonRow>();
  for (const g of groups) for (const l of g.lines) personByLine.set(l.line, g.person);
  const rows: LabImportLine[] = parsed.lines.map((l) => {
    const mt = byLine.get(l.line);
    const test = catalogues.tests[l.cells.test_code as TestCode];
    // A person the importer may not write is not named: the line says only what the file says.
    const person = m.hidden.has(l.line) ? null : (personByLine.get(l.line) ?? null);
    return {
      line: l.line,
      fileNumber: l.cells.file_number,
      personId: person?.id ?? null,
      personName: person?.nameUsed ?? null,
      testCode: test ? test.code : null,
      sampleDate: l.cells.sample_date,
      anatomicalSite: (ANATOMICAL_SITES as readonly string[]).includes(l.cells.anatomical_site.toLowerCase())
        ? (l.cells.anatomical_site.toLowerCase() as AnatomicalSite)
        : null,
      sampleId: mt?.sample.id ?? null,
      interpretation: mt?.reading.interpretation ?? null,
      infections: mt?.reading.infections ?? [],
      toTreat: mt ? toTreatOf(mt.reading, catalogues.treatments) : [],
    };
  });
  return { fileSha256: sha, rows, lines, matched, errors: sorted };
}

export async function previewLabImport(
  ctx: CoreContext,
  actor: Actor,
  file: LabFile,
  onProgress?: OnProgress,
): Promise<LabImportPreview> {
  const store = ctx.vault.requireStore();
  const checked = await store.transaction(async (em) => {
    const now = ctx.clock();
    const found = await checkFile(em, actor, now, file, 'lines', onProgress);
    await appendAudits(em, previewReads(actor, found.rows), now);
    return found;
  });
  return {
    fileName: file.fileName,
    fileSha256: checked.fileSha256,
    rows: checked.rows,
    results: checked.matched.length,
    errors: checked.errors,
  };
}

/**
 * The preview shows, for each person it names, their name and which of their samples each line
 * matches with its interpretation: a read of that person's identity and tests, audited per person
 * (the line count in the detail) beside the dispatcher's list entry. Persons it does not name (an
 * unknown number, a person the importer may not write) are not read.
 */
function previewReads(actor: Actor, rows: readonly LabImportLine[]): AuditEvent[] {
  const lines = new Map<string, number>();
  for (const r of rows) if (r.personId) lines.set(r.personId, (lines.get(r.personId) ?? 0) + 1);
  return [...lines].flatMap(([personId, count]) =>
    (['identity', 'tests'] as const).map((section) => ({
      actorId: actor.userId,
      action: 'read' as const,
      section,
      personId,
      detail: { channel: 'screenings.importPreview', lines: count },
    })),
  );
}

/** Thrown inside the transaction to roll everything back; its refusals are the answer. */
class ImportRefused extends Error {
  constructor(readonly errors: LabImportError[]) {
    super('lab import refused');
  }
}

export async function commitLabImport(
  ctx: CoreContext,
  actor: Actor,
  file: LabFile,
  onProgress?: OnProgress,
): Promise<LabImportCommit> {
  try {
    return await ctx.vault.requireStore().transaction(async (em) => {
      const now = ctx.clock();
      const checked = await checkFile(em, actor, now, file, 'counts', onProgress);
      if (checked.errors.length) throw new ImportRefused(checked.errors);
      if (checked.matched.length === 0)
        throw new ImportRefused([{ line: null, column: null, reason: 'csv_no_result' }]);
      const at = now.toISOString();
      const row: LabImportRow = {
        id: randomUUID(),
        fileSha256: checked.fileSha256,
        fileName: file.fileName,
        lines: checked.lines,
        importedAt: at,
        importedBy: actor.userId,
        createdAt: at,
        updatedAt: at,
        version: 1,
      };
      await em.getRepository(LabImportEntity).insert(row);
      const persons = await writeAll(ctx, actor, em, now, row.id, checked, onProgress);
      return { importId: row.id, results: checked.matched.length, persons, errors: [] };
    });
  } catch (err) {
    if (err instanceof ImportRefused) return { importId: null, results: 0, persons: [], errors: err.errors };
    throw err;
  }
}

/** Results written per round of statements: bounds what one round holds in memory. */
const WRITE_CHUNK = 1_000;

/**
 * Writes each result as the screen's save does (`writeResult`'s rows, confirmations and hooks),
 * in bulk: per chunk of results, their rows in multi-row INSERTs, their samples marked resulted in
 * a few UPDATEs, then the hooks' batch variants, every write named to its person's dossier. Then
 * one audit entry per person and section written (the import's id as target, the count in the
 * detail) rather than one per row: a 10,000-line file would otherwise add tens of thousands.
 */
async function writeAll(
  ctx: CoreContext,
  actor: Actor,
  em: EntityManager,
  now: Date,
  importId: string,
  checked: Checked,
  onProgress?: OnProgress,
): Promise<LabImportCommit['persons']> {
  const treatments = await currentCatalogue(em, 'treatments');
  const written = new Map<
    string,
    { person: PersonRow; results: number; toTreat: Set<Infection>; targets: WriteTarget[] }
  >();
  const total = checked.matched.length;
  const at = now.toISOString();
  onProgress?.({ phase: 'write', done: 0, total });
  for (let start = 0; start < total; start += WRITE_CHUNK) {
    const chunk = checked.matched.slice(start, start + WRITE_CHUNK);
    const calls = new Map<string, DossierCall>();
    const rows: ResultRow[] = [];
    for (const mt of chunk) {
      const person = mt.group.person;
      let entry = written.get(person.id);
      if (!entry) {
        entry = { person, results: 0, toTreat: new Set(), targets: [] };
        written.set(person.id, entry);
      }
      const targets = entry.targets;
      const result = resultRowOf(
        actor.userId,
        mt.sample,
        {
          value: mt.value,
          reading: mt.reading,
          resultedAt: mt.resultedAt,
          source: 'lab_import',
          importId,
          labReference: mt.labReference,
        },
        now,
      );
      rows.push(result);
      calls.set(result.id, {
        ctx,
        client: 'local',
        actor,
        dossier: {
          em,
          now,
          person,
          access: [mt.access],
          ownOnly: false,
          canRead: readableBy(actor, mt.access.subject),
          wrote: (target) => targets.push(target),
        },
      });
      entry.results += 1;
      for (const inf of toTreatOf(mt.reading, treatments)) entry.toTreat.add(inf);
    }
    await insertResults(em, rows);
    await markSamplesResulted(
      em,
      chunk.map((mt) => mt.sample.id),
      at,
    );
    const callOf = (r: { id: string }) => {
      const call = calls.get(r.id);
      if (!call) throw new Error('a result not of this import');
      return call;
    };
    for (const [i, result] of rows.entries()) {
      const { dossier } = callOf(result);
      dossier.wrote({ type: 'result', id: result.id, action: 'create' });
      dossier.wrote({ type: 'sample', id: result.sampleId, action: 'update' });
      await orderConfirmation(callOf(result), chunk[i].sample, chunk[i].group.test, result);
    }
    await runResultSavedHooks(em, rows.map(savedResultOf), callOf);
    onProgress?.({ phase: 'write', done: start + chunk.length, total });
  }
  const events: AuditEvent[] = [];
  for (const { person, targets } of written.values()) {
    const bySection = new Map<string, number>();
    for (const t of targets) {
      const section = t.section ?? 'tests';
      bySection.set(section, (bySection.get(section) ?? 0) + 1);
    }
    for (const [section, records] of bySection)
      events.push({
        actorId: actor.userId,
        action: 'update',
        section: section as AuditEvent['section'],
        personId: person.id,
        targetType: 'lab_import',
        targetId: importId,
        detail: { records },
      });
  }
  if (events.length) await appendAudits(em, events, now);
  return [...written.values()].map(({ person, results, toTreat }) => ({
    personId: person.id,
    fileNumber: person.fileNumber,
    name: person.nameUsed,
    results,
    toTreat: [...toTreat],
  }));
}
