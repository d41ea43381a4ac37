/**
 * Clinical benchmarks (issue 10, docs/clinical-pathway.md section 12), on a ten-year centre:
 * the persons of the 10× scale file (15,740, each sharing with the care team) imported by
 * `parcours import`, a second site, then the clinical history of clinical-data.ts written by bulk
 * SQL (500,000 samples with their results, ~8 % positive, 30,000 PrEP follow-ups, vaccine
 * courses, waiting-list entries).
 *
 * - `labimport`: a laboratory CSV of 10,000 results imported on a copy of that centre (10,000
 *   samples awaiting them added), the route's path (`screenings.importPreview` then
 *   `.importCommit` through `dispatch`) against the same rows written by hand in one transaction
 *   (clinical-child.ts), each in its own process so its peak RSS is its own; runs alternate.
 * - `worklists`: each worklist's first page and its owner's counts (what a panel of "À faire"
 *   draws), one site and all sites, through `dispatch`, through HTTP, and "raw": the very
 *   statements the app ran for those lists (captured from TypeORM's logger once, then prepared and
 *   run with the same parameters) plus the same list-read audit entries, and "raw + seal": the
 *   same and the audit head sealed as the app seals it (docs/benchmarks.md says why the verdict is
 *   taken against that side). Each call asks a page size the session has not seen among its last
 *   32 inputs (50 down to 16), so every page is a new, audited list read, as a worklist opened by
 *   another nurse or changed since is; the counts' unchanged answer is audited when the session
 *   no longer remembers it, on every side alike.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createHash } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import { createCore } from '../../electron/core';
import { siteToday } from '../../shared/domain/schedules';
import {
  labCsv,
  TEN_YEARS,
  writeClinicalHistory,
  writePendingLabSamples,
  type ClinicalCounts,
} from './clinical-data';
import type { LabImportReport } from './clinical-child';
import {
  ADMIN,
  SITE,
  auditPerCall,
  auditWriter,
  generate,
  openBench,
  rawSealer,
  runChild,
  sealCost,
  trioRows,
  type AuditFields,
  type Bench,
  type Trio,
} from './scale';
import { alternate, mib, ms, ratio, seconds, summarise, table, type Summary } from './stats';

export const CLINICAL_FIGURES = ['labimport', 'worklists'] as const;
export type ClinicalFigure = (typeof CLINICAL_FIGURES)[number];

export interface ClinicalOptions {
  clinicalFigures: readonly ClinicalFigure[];
  samples: number;
  block: number;
  warm: number;
  log: (line: string) => void;
}

const SCALE = 10;
/** For developing the bench only: a fraction of the clinical rows and of the file (default 1). */
const FRACTION = Number(process.env.PARCOURS_BENCH_CLINICAL_FRACTION ?? 1);
const LAB_RESULTS = Math.round(10_000 * FRACTION);
const LAB_ROUNDS = 3;
const SECOND_SITE = { code: 'NIM', name: 'Nîmes', timezone: 'Europe/Paris' };
const NURSE = { username: 'nina', password: 'Bench-nurse-2026' };
const CHILD = path.join(__dirname, 'clinical-child.ts');
/** Page sizes asked in turn: more than the 32 inputs a session remembers. */
const LIMITS = Array.from({ length: 35 }, (_, k) => 50 - k);
/** The tables the worklists read: the statements captured for the raw side are those on them. */
const CLINICAL_TABLE =
  /\bFROM "(sample|result|to_treat|partner|prep_episode|vaccine_course|waiting_list_entry)"/;

type Dispatch = (channel: string, input: unknown, token?: string) => Promise<Record<string, unknown>>;

function dispatcher(core: Awaited<ReturnType<typeof createCore>>): Dispatch {
  return async (channel, input, token) => {
    const r = await core.dispatch(channel, input, { token, transport: 'ipc' });
    if (!r.ok) throw new Error(`${channel}: ${r.error.code}`);
    return r.value as Record<string, unknown>;
  };
}

// ——— the centre ———

interface Centre {
  dir: string;
  secondSiteId: string;
  counts: ClinicalCounts;
  persons: number;
  generatedMs: number;
  importedMs: number;
}

async function buildCentre(work: string, o: ClinicalOptions): Promise<Centre> {
  const file = path.join(work, 'persons.jsonl');
  const { records } = generate(file, SCALE);
  const dir = path.join(work, 'centre');
  const t0 = performance.now();
  await runChild(['import', dir, file], {
    PARCOURS_ADMIN_USER: ADMIN.username,
    PARCOURS_ADMIN_PASSWORD: ADMIN.password,
  });
  const importedMs = performance.now() - t0;
  rmSync(file, { force: true });
  o.log(`  persons imported: ${records.person} persons, ${records.visit} visits in ${seconds(importedMs)}`);
  const core = await createCore({ dataDir: dir, log: () => undefined });
  try {
    const dispatch = dispatcher(core);
    const admin = (await dispatch('auth.login', ADMIN)) as { token: string; user: { id: string } };
    const site = (await dispatch('centre.saveSite', SECOND_SITE, admin.token)) as { id: string };
    const t1 = performance.now();
    const counts = writeClinicalHistory(core.ctx.vault.requireStore().handle, {
      today: siteToday(new Date(), 'Europe/Paris'),
      siteIds: [SITE, site.id],
      authorId: admin.user.id,
      shape: {
        ...TEN_YEARS,
        screenings: Math.round(TEN_YEARS.screenings * FRACTION),
        prepEpisodes: Math.round(TEN_YEARS.prepEpisodes * FRACTION),
        vaccineCourses: Math.round(TEN_YEARS.vaccineCourses * FRACTION),
        waitingEntries: Math.round(TEN_YEARS.waitingEntries * FRACTION),
      },
    });
    const generatedMs = performance.now() - t1;
    o.log(
      `  clinical history written in ${seconds(generatedMs)}: ${counts.samples} samples, ${counts.results} results (${counts.positives} positive), ${counts.toTreat} to-treat items, ${counts.prepFollowUps} PrEP follow-ups (load ${loadavg()[0].toFixed(2)})`,
    );
    return { dir, secondSiteId: site.id, counts, persons: records.person ?? 0, generatedMs, importedMs };
  } finally {
    await core.close();
  }
}

// ——— laboratory import ———

export interface LabImportFigures {
  app: LabImportReport[];
  raw: LabImportReport[];
  lines: number;
  bytes: number;
  positives: number;
}

async function benchLabImport(work: string, centre: Centre, o: ClinicalOptions): Promise<LabImportFigures> {
  const template = path.join(work, 'lab-template');
  cpSync(centre.dir, template, { recursive: true });
  const csv = path.join(work, 'laboratoire.csv');
  const core = await createCore({ dataDir: template, log: () => undefined });
  let content: string;
  let positives: number;
  try {
    const dispatch = dispatcher(core);
    const admin = (await dispatch('auth.login', ADMIN)) as { token: string };
    const { temporaryPassword, user } = (await dispatch(
      'users.create',
      { username: NURSE.username, displayName: 'Nina', roles: ['nurse'], siteIds: [SITE] },
      admin.token,
    )) as { temporaryPassword: string; user: { id: string } };
    const first = (await dispatch('auth.login', {
      username: NURSE.username,
      password: temporaryPassword,
    })) as {
      token: string;
    };
    await dispatch(
      'auth.changePassword',
      { currentPassword: temporaryPassword, newPassword: NURSE.password },
      first.token,
    );
    const lines = writePendingLabSamples(core.ctx.vault.requireStore().handle, {
      today: siteToday(new Date(), 'Europe/Paris'),
      siteId: SITE,
      authorId: user.id,
      count: LAB_RESULTS,
    });
    positives = lines.filter((l) => l.positive).length;
    content = labCsv(lines);
    writeFileSync(csv, content, { mode: 0o600 });
  } finally {
    await core.close();
  }
  const env = { PARCOURS_USER: NURSE.username, PARCOURS_PASSWORD: NURSE.password };
  const out: LabImportFigures = {
    app: [],
    raw: [],
    lines: LAB_RESULTS,
    bytes: Buffer.byteLength(content),
    positives,
  };
  for (let r = 0; r < LAB_ROUNDS; r++) {
    for (const side of r % 2 === 0 ? (['app', 'raw'] as const) : (['raw', 'app'] as const)) {
      const dir = path.join(work, `lab-${side}-${r}`);
      cpSync(template, dir, { recursive: true });
      const run = (await runChild([side, dir, csv], env, CHILD)).report as LabImportReport;
      o.log(
        `  lab import ${side} run ${r + 1}/${LAB_ROUNDS}: ${seconds(run.wallMs)} wall, ${seconds(run.cpuMs)} CPU, peak ${mib(run.maxRssMiB)}; wrote ${run.written.results} results, ${run.written.toTreat} to-treat, ${run.written.audit} audit entries (load ${loadavg()[0].toFixed(2)})`,
      );
      out[side].push(run);
      rmSync(dir, { recursive: true, force: true });
    }
  }
  rmSync(template, { recursive: true, force: true });
  return out;
}

// ——— worklists ———

interface ListCase {
  owner: string;
  list: string;
  label: string;
  section: string;
  sites: 'one site' | 'all sites';
  page: (limit: number) => Record<string, unknown>;
  counts: Record<string, unknown>;
}

function listCases(): ListCase[] {
  const lists: Array<{
    owner: string;
    list: string;
    label: string;
    section: string;
    extra?: Record<string, unknown>;
  }> = [
    { owner: 'screenings', list: 'results_to_give', label: 'results to give', section: 'tests' },
    { owner: 'treatments', list: 'to_treat', label: 'positives to treat', section: 'tests' },
    { owner: 'screenings', list: 'confirmations_pending', label: 'confirmations pending', section: 'tests' },
    {
      owner: 'treatments',
      list: 'referrals_not_attended',
      label: 'referrals not attended',
      section: 'tests',
    },
    { owner: 'treatments', list: 'cure_tests_due', label: 'tests of cure due', section: 'tests' },
    { owner: 'treatments', list: 'partners_to_notify', label: 'partners to notify', section: 'tests' },
    { owner: 'prep', list: 'due_this_week', label: 'PrEP due this week', section: 'prep' },
    { owner: 'prep', list: 'overdue', label: 'PrEP overdue', section: 'prep' },
    { owner: 'prep', list: 'lost_to_follow_up', label: 'PrEP lost to follow-up', section: 'prep' },
    { owner: 'vaccinations', list: 'due', label: 'vaccine doses due this week', section: 'vaccines' },
    { owner: 'vaccinations', list: 'overdue', label: 'vaccine doses overdue', section: 'vaccines' },
    {
      owner: 'waitingLists',
      list: 'waiting',
      label: 'waiting list (psychology)',
      section: 'referrals',
      extra: { specialty: 'psychology' },
    },
  ];
  return lists.flatMap((l) =>
    (['one site', 'all sites'] as const).map((sites) => {
      // One site: the first (60 % of the activity). All sites: no filter, the core reads the reader's (both).
      const siteIds = sites === 'one site' ? { siteIds: [SITE] } : {};
      return {
        ...l,
        sites,
        page: (limit: number) => ({ ...l.extra, list: l.list, ...siteIds, limit }),
        counts: { ...siteIds },
      };
    }),
  );
}

/** The statements one app call ran on the clinical tables, read from TypeORM's logger. */
async function captured(
  b: Bench,
  call: () => Promise<unknown>,
): Promise<Array<{ sql: string; params: unknown[] }>> {
  const logger = b.core.ctx.vault.requireStore().ds.logger;
  const original = logger.logQuery.bind(logger);
  const seen: Array<{ sql: string; params: unknown[] }> = [];
  logger.logQuery = (query: string, parameters?: unknown[]) => {
    if (CLINICAL_TABLE.test(query)) seen.push({ sql: query, params: [...(parameters ?? [])] });
  };
  try {
    await call();
  } finally {
    logger.logQuery = original;
  }
  return seen;
}

/** The session's memory of list answers (dispatch.ts `auditListRead`), kept the same way. */
class ListReads {
  private readonly seen = new Map<string, string>();
  /** True when this answer must be audited (not among the last 32 inputs with this answer). */
  audit(key: string, answer: unknown): boolean {
    const digest = createHash('sha256').update(JSON.stringify(answer)).digest('base64url');
    if (this.seen.get(key) === digest) return false;
    this.seen.delete(key);
    this.seen.set(key, digest);
    if (this.seen.size > 32) this.seen.delete(this.seen.keys().next().value as string);
    return true;
  }
}

/**
 * The raw side of one list: the page statement (its LIMIT set to the page asked + 1, as the app's)
 * and the counts statements the app ran, prepared once, run with the same parameters, then the
 * same list-read entries in one transaction; answers the audit head it left.
 */
async function rawList(b: Bench, c: ListCase) {
  const pageSql = await captured(b, () => b.local(`${c.owner}.worklist`, c.page(50)));
  const countSql = await captured(b, () => b.local(`${c.owner}.worklistCounts`, c.counts));
  const page = pageSql.find((s) => /LIMIT \d+\s*$/.test(s.sql));
  if (!page || countSql.length === 0) throw new Error(`${c.owner}.${c.list}: statements not captured`);
  const db = b.core.ctx.vault.requireStore().handle;
  const pages = new Map<number, Statement>();
  const pageOf = (limit: number) => {
    let s = pages.get(limit);
    if (!s) {
      s = db.prepare(page.sql.replace(/LIMIT \d+\s*$/, `LIMIT ${limit + 1}`));
      pages.set(limit, s);
    }
    return s;
  };
  const counts = countSql.map((s) => ({ stmt: db.prepare(s.sql), params: s.params }));
  const entry = (channel: string, results: number): AuditFields => ({
    action: 'read',
    section: c.section,
    personId: null,
    targetType: null,
    targetId: null,
    siteId: null,
    reason: null,
    detail: JSON.stringify({ channel, results }),
  });
  return (memory: ListReads, audit: ReturnType<typeof auditWriter>, i: number) => {
    const limit = LIMITS[i % LIMITS.length];
    const entries: AuditFields[] = [];
    return audit(entries, () => {
      const rows = pageOf(limit)
        .all(...page.params)
        .slice(0, limit);
      if (memory.audit(`${c.owner}.worklist:${limit}:${JSON.stringify(c.counts)}`, rows))
        entries.push(entry(`${c.owner}.worklist`, rows.length));
      const answer = counts.map(({ stmt, params }) => stmt.all(...params));
      if (memory.audit(`${c.owner}.worklistCounts:${JSON.stringify(c.counts)}`, answer))
        entries.push(entry(`${c.owner}.worklistCounts`, 1));
    });
  };
}

export interface WorklistFigure {
  label: string;
  sites: string;
  /** Lines in the list for that filter (its count), and lines on the first page. */
  lines: number;
  figures: Trio;
  audits: Record<string, number>;
}

async function lineCount(b: Bench, c: ListCase): Promise<number> {
  const out = (await b.local(`${c.owner}.worklistCounts`, c.counts)) as Record<string, unknown>;
  if (c.owner === 'waitingLists') {
    const items = out.items as Array<{ specialty: string; waiting: number }>;
    return items.find((i) => i.specialty === 'psychology')?.waiting ?? 0;
  }
  return Number(out[c.list] ?? 0);
}

async function benchWorklists(b: Bench, o: ClinicalOptions): Promise<WorklistFigure[]> {
  const out: WorklistFigure[] = [];
  const memories = { raw: new ListReads(), sealed: new ListReads() };
  const audit = auditWriter(b);
  const seal = rawSealer(b);
  for (const c of listCases()) {
    const raw = await rawList(b, c);
    const sides = {
      local: async (i: number) => {
        await b.local(`${c.owner}.worklist`, c.page(LIMITS[i % LIMITS.length]));
        await b.local(`${c.owner}.worklistCounts`, c.counts);
      },
      http: async (i: number) => {
        await b.http(`${c.owner}.worklist`, c.page(LIMITS[i % LIMITS.length]));
        await b.http(`${c.owner}.worklistCounts`, c.counts);
      },
      raw: (i: number) => Promise.resolve(raw(memories.raw, audit, i)),
      sealed: (i: number) => seal(raw(memories.sealed, audit, i)),
    };
    const s = await alternate(sides, { perSide: o.samples, block: o.block, warm: o.warm });
    const audits = await auditPerCall(b, sides, LIMITS.length);
    const figure: WorklistFigure = {
      label: c.label,
      sites: c.sites,
      lines: await lineCount(b, c),
      figures: {
        local: summarise(s.local),
        http: summarise(s.http),
        raw: summarise(s.raw),
        sealed: summarise(s.sealed),
      },
      audits,
    };
    out.push(figure);
    o.log(
      `  ${c.label}, ${c.sites} (${figure.lines} lines): dispatch p95 ${ms(figure.figures.local.p95)}, raw + seal p95 ${ms(figure.figures.sealed.p95)} (load ${loadavg()[0].toFixed(2)})`,
    );
  }
  return out;
}

// ——— the section ———

export interface ClinicalFigures {
  centre: Omit<Centre, 'dir'>;
  labImport: LabImportFigures | null;
  worklists: WorklistFigure[] | null;
  seal: Summary | null;
}

export async function benchClinical(o: ClinicalOptions): Promise<ClinicalFigures> {
  const work = mkdtempSync(path.join(tmpdir(), 'parcours-bench-clinical-'));
  try {
    const centre = await buildCentre(work, o);
    const { dir, ...described } = centre;
    const want = (f: ClinicalFigure) => o.clinicalFigures.includes(f);
    const labImport = want('labimport') ? await benchLabImport(work, centre, o) : null;
    if (!want('worklists')) return { centre: described, labImport, worklists: null, seal: null };
    const b = await openBench(dir, {
      roles: ['nurse', 'doctor', 'community_worker'],
      siteIds: [SITE, centre.secondSiteId],
    });
    try {
      const worklists = await benchWorklists(b, o);
      const seal = await sealCost(b, o);
      return { centre: described, labImport, worklists, seal };
    } finally {
      await b.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const TARGET = { labImportRatio: 3, worklistP95: 100, worklistRatio: 2 };

function medianBy(runs: LabImportReport[], key: 'cpuMs' | 'wallMs' | 'maxRssMiB'): number {
  const sorted = runs.map((r) => r[key]).sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

export function formatClinical(f: ClinicalFigures, o: ClinicalOptions): string {
  const c = f.centre;
  const parts: string[] = [
    `Ten-year centre: ${c.persons} persons on 2 sites (60 % of the activity on the first), ${c.counts.screenings} screenings, ${c.counts.samples} samples, ${c.counts.results} results (${c.counts.positives} positive), ${c.counts.toTreat} to-treat items, ${c.counts.partners} partners, ${c.counts.prepEpisodes} PrEP episodes with ${c.counts.prepFollowUps} follow-ups, ${c.counts.vaccineCourses} vaccine courses (${c.counts.vaccineDoses} doses), ${c.counts.waitingEntries} waiting-list entries; persons imported in ${seconds(c.importedMs)}, clinical rows written in ${seconds(c.generatedMs)}`,
  ];
  const l = f.labImport;
  if (l) {
    const row = (name: string, runs: LabImportReport[]) => [
      name,
      seconds(medianBy(runs, 'wallMs')),
      seconds(medianBy(runs, 'cpuMs')),
      mib(medianBy(runs, 'maxRssMiB')),
      mib(runs[0]?.startRssMiB ?? 0),
      `${runs[0]?.written.results} / ${runs[0]?.written.toTreat} / ${runs[0]?.written.audit}`,
    ];
    parts.push(
      '',
      `Laboratory CSV import, ${l.lines} results (${(l.bytes / 1e6).toFixed(2)} MB, ${l.positives} positive), each run in its own process on a fresh copy of the centre; medians of ${l.app.length} runs per side, alternating`,
      table(
        ['side', 'wall', 'CPU', 'peak RSS', 'RSS before', 'results / to-treat / audit'],
        [
          row('app: preview + commit (dispatch)', l.app),
          row('raw: prepared INSERTs, one transaction', l.raw),
        ],
      ),
      `  ratio app / raw: wall ${ratio(medianBy(l.app, 'wallMs') / medianBy(l.raw, 'wallMs'))}, CPU ${ratio(medianBy(l.app, 'cpuMs') / medianBy(l.raw, 'cpuMs'))}, peak RSS ${ratio(medianBy(l.app, 'maxRssMiB') / medianBy(l.raw, 'maxRssMiB'))}`,
    );
  }
  if (f.worklists) {
    parts.push(
      '',
      `Worklists: first page + the owner's counts, per list and site filter (${o.samples} samples per side, blocks of ${o.block}, ${o.warm} warm-up calls per side)`,
      table(
        ['list / side', 'p50', 'p95', 'max', 'CPU p50'],
        f.worklists.flatMap((w) => trioRows(`${w.label}, ${w.sites} (${w.lines} lines)`, w.figures)),
      ),
      `  audit entries per call over one more cycle of page sizes (dispatch / HTTP / raw / raw + seal): ${f.worklists
        .map(
          (w) =>
            `${w.label} ${w.sites} ${[w.audits.local, w.audits.http, w.audits.raw, w.audits.sealed].map((n) => n.toFixed(2)).join('/')}`,
        )
        .join('; ')}`,
    );
    if (f.seal)
      parts.push(
        `  the audit head sealed alone: p50 ${ms(f.seal.p50)}, p95 ${ms(f.seal.p95)}, CPU p50 ${ms(f.seal.cpuP50)}`,
      );
  }
  return parts.join('\n');
}

export function clinicalTargets(f: ClinicalFigures): string[][] {
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT MET');
  const rows: string[][] = [];
  const l = f.labImport;
  if (l) {
    const wall = medianBy(l.app, 'wallMs') / medianBy(l.raw, 'wallMs');
    const cpu = medianBy(l.app, 'cpuMs') / medianBy(l.raw, 'cpuMs');
    const rss = medianBy(l.app, 'maxRssMiB') / medianBy(l.raw, 'maxRssMiB');
    rows.push(
      [
        `lab import ${l.lines} results: app / raw, wall (CPU)`,
        `${ratio(wall)} (${ratio(cpu)}; ${seconds(medianBy(l.app, 'wallMs'))} / ${seconds(medianBy(l.raw, 'wallMs'))})`,
        `≤ ${ratio(TARGET.labImportRatio)}`,
        verdict(wall <= TARGET.labImportRatio),
      ],
      [
        'lab import: app / raw, peak RSS',
        `${ratio(rss)} (${mib(medianBy(l.app, 'maxRssMiB'))} / ${mib(medianBy(l.raw, 'maxRssMiB'))})`,
        `≤ ${ratio(TARGET.labImportRatio)}`,
        verdict(rss <= TARGET.labImportRatio),
      ],
    );
  }
  for (const w of f.worklists ?? []) {
    const t = w.figures;
    rows.push([
      `worklist “${w.label}”, ${w.sites}: page + counts p95 (dispatch / HTTP)`,
      `${ms(t.local.p95)} / ${ms(t.http.p95)}`,
      `≤ ${ms(TARGET.worklistP95)}`,
      verdict(t.local.p95 <= TARGET.worklistP95),
    ]);
    const x = t.local.p95 / t.sealed.p95;
    rows.push([
      `worklist “${w.label}”, ${w.sites}: p95 dispatch / raw + seal (CPU p50 ratio; p95 / raw without seal)`,
      `${ratio(x)} (${ratio(t.local.cpuP50 / t.sealed.cpuP50)}; ${ratio(t.local.p95 / t.raw.p95)})`,
      `≤ ${ratio(TARGET.worklistRatio)}`,
      verdict(x <= TARGET.worklistRatio),
    ]);
  }
  return rows;
}
