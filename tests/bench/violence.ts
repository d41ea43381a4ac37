/**
 * CHAMS benchmarks (issue 11, docs/violence-care.md §10), on a ten-year, three-site centre: the
 * persons of the 10× scale file (15,740) imported by `parcours import`, two more sites (Africa/
 * Casablanca), then ten years of case plans, actions, incidents, procedures, hearings and meetings
 * written by bulk SQL (violence-data.ts). The reader is a social worker of the three sites who owns
 * one action in twelve and follows one procedure in four.
 *
 * Figures: "my actions" and the team's actions due this week (`casePlans.myActions`,
 * `.teamActions`), the open 72-hour protocols (`violence.openProtocols`), hearings due this week
 * (`legal.dueThisWeek`), the legal calendar over a month (`legal.calendar`), the meetings' first
 * page (`meetings.list`) — each for one site and for the reader's three — and the violence tab of a
 * survivor with eight incidents (`violence.forPerson`). Four sides as in clinical.ts: through
 * `dispatch`, through HTTP, "raw" (the very statements the app ran on the CHAMS tables, captured
 * from TypeORM's logger once, prepared and run with the same parameters — the same SQL on the
 * same encrypted connection, so the same decryption — then the same audit entries; no gate), and
 * "raw + seal" (the same and the audit head sealed as the app seals it). Lists ask a page size the
 * session has not seen among its last 32 inputs (50 down to 16), so every page is a new, audited
 * list read.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Statement } from 'better-sqlite3';
import { createCore } from '../../electron/core';
import { siteToday } from '../../shared/domain/schedules';
import { TEN_YEARS_CHAMS, writeViolenceHistory, type ViolenceCounts } from './violence-data';
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
import { alternate, ms, ratio, seconds, summarise, table, type Summary } from './stats';

export interface ViolenceOptions {
  samples: number;
  block: number;
  warm: number;
  log: (line: string) => void;
}

const SCALE = 10;
const CHAMS_SITES = [
  { code: 'AGA', name: 'Agadir', timezone: 'Africa/Casablanca' },
  { code: 'TNG', name: 'Tanger', timezone: 'Africa/Casablanca' },
];
/** Page sizes asked in turn: more than the 32 inputs a session remembers. */
const LIMITS = Array.from({ length: 35 }, (_, k) => 50 - k);
/**
 * The statements replayed on the raw side. A list's whole read (its page, and the site and staff
 * names it looks up), never the audit the app appends (the raw side writes its own). The violence
 * tab's reads of its own tables and of staff names, not the gate's (session, person, consents).
 */
const LIST_READ = /^\s*SELECT\b(?![\s\S]*\baudit_log\b)/i;
const TAB_READ =
  /\bFROM "(violence_incident|protocol_step|injury_certificate|incident_narrative|attachment|user)"/;

type Dispatch = (channel: string, input: unknown, token?: string) => Promise<Record<string, unknown>>;

// ——— the centre ———

interface Centre {
  dir: string;
  siteIds: [string, string, string];
  persons: number;
  importedMs: number;
}

async function buildCentre(work: string, o: ViolenceOptions): Promise<Centre> {
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
  o.log(`  persons imported: ${records.person} persons in ${seconds(importedMs)}`);
  const core = await createCore({ dataDir: dir, log: () => undefined });
  try {
    const dispatch: Dispatch = async (channel, input, token) => {
      const r = await core.dispatch(channel, input, { token, transport: 'ipc' });
      if (!r.ok) throw new Error(`${channel}: ${r.error.code}`);
      return r.value as Record<string, unknown>;
    };
    const admin = (await dispatch('auth.login', ADMIN)) as { token: string };
    const ids: string[] = [];
    for (const site of CHAMS_SITES)
      ids.push(((await dispatch('centre.saveSite', site, admin.token)) as { id: string }).id);
    return { dir, siteIds: [SITE, ids[0], ids[1]], persons: records.person ?? 0, importedMs };
  } finally {
    await core.close();
  }
}

// ——— the figures ———

interface Case {
  label: string;
  channel: string;
  list: boolean;
  /** The input of the i-th call (lists: a page size the session has not just seen). */
  input: (i: number) => Record<string, unknown>;
}

function cases(today: string, personId: string): Case[] {
  const lists = [
    { label: 'my actions due this week', channel: 'casePlans.myActions', extra: { list: 'week' } },
    { label: 'team actions due this week', channel: 'casePlans.teamActions', extra: { list: 'week' } },
    { label: 'open 72-hour protocols', channel: 'violence.openProtocols', extra: { list: 'open' } },
    { label: 'hearings due this week', channel: 'legal.dueThisWeek', extra: { list: 'week' } },
    { label: 'legal calendar, a month', channel: 'legal.calendar', extra: { from: today, days: 31 } },
    { label: 'meetings, first page', channel: 'meetings.list', extra: {} },
  ];
  return [
    ...lists.flatMap((l) =>
      (['one site', 'three sites'] as const).map((sites) => ({
        label: `${l.label}, ${sites}`,
        channel: l.channel,
        list: true,
        input: (i: number) => ({
          ...l.extra,
          ...(sites === 'one site' ? { siteIds: [SITE] } : {}),
          limit: LIMITS[i % LIMITS.length],
        }),
      })),
    ),
    {
      label: 'violence tab, eight incidents',
      channel: 'violence.forPerson',
      list: false,
      input: () => ({ personId }),
    },
  ];
}

/** The statements one app call ran that the raw side replays, read from TypeORM's logger. */
async function captured(b: Bench, wanted: RegExp, call: () => Promise<unknown>) {
  const logger = b.core.ctx.vault.requireStore().ds.logger;
  const original = logger.logQuery.bind(logger);
  const seen: Array<{ sql: string; params: unknown[] }> = [];
  logger.logQuery = (query: string, parameters?: unknown[]) => {
    if (wanted.test(query)) seen.push({ sql: query, params: [...(parameters ?? [])] });
  };
  try {
    await call();
  } finally {
    logger.logQuery = original;
  }
  return seen;
}

/** The audit entries the app wrote since `seq` (the raw side writes the same). */
function entriesSince(b: Bench, seq: number): AuditFields[] {
  const db = b.core.ctx.vault.requireStore().handle;
  return db
    .prepare(
      'SELECT action, section, person_id AS personId, target_type AS targetType, target_id AS targetId, site_id AS siteId, reason, detail FROM audit_log WHERE seq > ? ORDER BY seq',
    )
    .all(seq) as AuditFields[];
}

function lastSeq(b: Bench): number {
  const db = b.core.ctx.vault.requireStore().handle;
  return (db.prepare('SELECT COALESCE(MAX(seq), 0) AS s FROM audit_log').get() as { s: number }).s;
}

/**
 * The raw side of one figure: the statements the app ran (a page's LIMIT set to the page asked
 * + 1, as the app's), prepared once and run with the same parameters, then the entries the app
 * writes in its steady state (a list read names the rows it returned) in one transaction.
 */
async function rawCase(b: Bench, c: Case) {
  // The app's steady state: a second call with an input just seen writes what every call writes.
  await b.local(c.channel, c.input(0));
  const before = lastSeq(b);
  const statements = await captured(b, c.list ? LIST_READ : TAB_READ, () => b.local(c.channel, c.input(1)));
  const entries = entriesSince(b, before);
  if (statements.length === 0) throw new Error(`${c.channel}: statements not captured`);
  const db = b.core.ctx.vault.requireStore().handle;
  const prepared = new Map<string, Statement>();
  const prepare = (sql: string) => {
    let s = prepared.get(sql);
    if (!s) {
      s = db.prepare(sql);
      prepared.set(sql, s);
    }
    return s;
  };
  const audit = auditWriter(b);
  const run = (memory: ListReads | null, i: number) => {
    const limit = Number(c.input(i).limit ?? 0);
    // The writer runs the reads first, then appends what they pushed, in one transaction.
    const pending: AuditFields[] = [];
    return audit(pending, () => {
      let results = 0;
      const answer: unknown[] = [];
      for (const s of statements) {
        const paged = limit > 0 && /LIMIT \d+\s*$/.test(s.sql);
        const sql = paged ? s.sql.replace(/LIMIT \d+\s*$/, `LIMIT ${limit + 1}`) : s.sql;
        const rows = prepare(sql).all(...s.params);
        if (paged) results = Math.min(rows.length, limit);
        answer.push(paged ? rows.slice(0, limit) : rows);
      }
      // A list answer the session gave for this input among its last 32 is not audited again.
      if (memory && !memory.audit(JSON.stringify(c.input(i)), answer)) return;
      for (const e of entries)
        pending.push({ ...e, detail: e.detail?.replace(/"results":\d+/, `"results":${results}`) ?? null });
    });
  };
  // Each raw side keeps its own memory, as each app session does (dispatch.ts `auditListRead`).
  const memories = { raw: c.list ? new ListReads() : null, sealed: c.list ? new ListReads() : null };
  return {
    statements: statements.length,
    raw: (i: number) => run(memories.raw, i),
    sealed: (i: number) => run(memories.sealed, i),
  };
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

export interface ViolenceFigure {
  label: string;
  /** How many statements one call runs on the raw side (those the app ran, replayed). */
  statements: number;
  figures: Trio;
  audits: Record<string, number>;
}

async function benchFigures(b: Bench, c: Case[], o: ViolenceOptions): Promise<ViolenceFigure[]> {
  const out: ViolenceFigure[] = [];
  const seal = rawSealer(b);
  for (const figure of c) {
    const raw = await rawCase(b, figure);
    const sides = {
      local: (i: number) => b.local(figure.channel, figure.input(i)),
      http: (i: number) => b.http(figure.channel, figure.input(i)),
      raw: (i: number) => Promise.resolve(raw.raw(i)),
      sealed: (i: number) => seal(raw.sealed(i)),
    };
    const s = await alternate(sides, { perSide: o.samples, block: o.block, warm: o.warm });
    const audits = await auditPerCall(b, sides, LIMITS.length);
    const f: ViolenceFigure = {
      label: figure.label,
      statements: raw.statements,
      figures: {
        local: summarise(s.local),
        http: summarise(s.http),
        raw: summarise(s.raw),
        sealed: summarise(s.sealed),
      },
      audits,
    };
    out.push(f);
    o.log(
      `  ${f.label}: dispatch p95 ${ms(f.figures.local.p95)}, raw + seal p95 ${ms(f.figures.sealed.p95)} (load ${loadavg()[0].toFixed(2)})`,
    );
  }
  return out;
}

// ——— the section ———

export interface ViolenceFigures {
  persons: number;
  importedMs: number;
  generatedMs: number;
  counts: ViolenceCounts;
  figures: ViolenceFigure[];
  seal: Summary;
}

export async function benchViolence(o: ViolenceOptions): Promise<ViolenceFigures> {
  const work = mkdtempSync(path.join(tmpdir(), 'parcours-bench-violence-'));
  try {
    const centre = await buildCentre(work, o);
    const b = await openBench(centre.dir, { roles: ['social_worker'], siteIds: centre.siteIds });
    try {
      const now = new Date();
      const t1 = performance.now();
      const { severalIncidentsPersonId, ...counts } = writeViolenceHistory(
        b.core.ctx.vault.requireStore().handle,
        {
          now,
          today: siteToday(now, 'Europe/Paris'),
          siteIds: centre.siteIds,
          readerId: b.userId,
          shape: TEN_YEARS_CHAMS,
        },
      );
      const generatedMs = performance.now() - t1;
      o.log(
        `  CHAMS history written in ${seconds(generatedMs)}: ${counts.plans} plans, ${counts.actions} actions (${counts.openActions} open), ${counts.incidents} incidents, ${counts.procedures} procedures, ${counts.hearings} hearings (${counts.scheduledHearings} scheduled), ${counts.meetings} meetings (load ${loadavg()[0].toFixed(2)})`,
      );
      const figures = await benchFigures(
        b,
        cases(siteToday(now, 'Europe/Paris'), severalIncidentsPersonId),
        o,
      );
      const seal = await sealCost(b, o);
      return { persons: centre.persons, importedMs: centre.importedMs, generatedMs, counts, figures, seal };
    } finally {
      await b.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** docs/violence-care.md §10: p95 ≤ 100 ms and ≤ 2× raw + seal. */
const TARGET = { p95: 100, ratio: 2 };

export function formatViolence(f: ViolenceFigures, o: ViolenceOptions): string {
  const c = f.counts;
  return [
    `Ten-year CHAMS centre: ${f.persons} persons on 3 sites (50 / 30 / 20 %), ${c.plans} case plans, ${c.actions} actions (${c.openActions} open), ${c.incidents} incidents (${c.protocolSteps} protocol steps), ${c.procedures} procedures, ${c.hearings} hearings (${c.scheduledHearings} scheduled), ${c.meetings} meetings (${c.meetingCases} persons discussed); persons imported in ${seconds(f.importedMs)}, CHAMS rows written in ${seconds(f.generatedMs)}`,
    '',
    `Lists and the violence tab (${o.samples} samples per side, blocks of ${o.block}, ${o.warm} warm-up calls per side)`,
    table(
      ['figure / side', 'p50', 'p95', 'max', 'CPU p50'],
      f.figures.flatMap((x) => trioRows(x.label, x.figures)),
    ),
    `  statements replayed per raw call: ${f.figures.map((x) => `${x.label} ${x.statements}`).join('; ')}`,
    `  audit entries per call over one more cycle (dispatch / HTTP / raw / raw + seal): ${f.figures
      .map(
        (x) =>
          `${x.label} ${[x.audits.local, x.audits.http, x.audits.raw, x.audits.sealed].map((n) => n.toFixed(2)).join('/')}`,
      )
      .join('; ')}`,
    `  the audit head sealed alone: p50 ${ms(f.seal.p50)}, p95 ${ms(f.seal.p95)}, CPU p50 ${ms(f.seal.cpuP50)}`,
  ].join('\n');
}

export function violenceTargets(f: ViolenceFigures): string[][] {
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT MET');
  return f.figures.flatMap((x) => {
    const t = x.figures;
    const r = t.local.p95 / t.sealed.p95;
    return [
      [
        `${x.label}: p95 (dispatch / HTTP)`,
        `${ms(t.local.p95)} / ${ms(t.http.p95)}`,
        `≤ ${ms(TARGET.p95)}`,
        verdict(t.local.p95 <= TARGET.p95),
      ],
      [
        `${x.label}: p95 dispatch / raw + seal (CPU p50 ratio; p95 / raw without seal)`,
        `${ratio(r)} (${ratio(t.local.cpuP50 / t.sealed.cpuP50)}; ${ratio(t.local.p95 / t.raw.p95)})`,
        `≤ ${ratio(TARGET.ratio)}`,
        verdict(r <= TARGET.ratio),
      ],
    ];
  });
}
