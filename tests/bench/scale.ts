/**
 * Scale benchmarks (issue 8): a centre of 1×, 10× and 60× one year (1× = 1,574 persons, 6,253
 * visits, 4,159 interviews, with appointments, referrals and consents in proportion), generated in
 * the documented import format by the same generator as the linear-import proofs.
 *
 * For each scale:
 * - `parcours import` into an empty folder and the raw writer (prepared INSERTs of the same rows
 *   into the same encrypted schema), each in its own process (child.ts) so that its peak RSS is
 *   its own; runs alternate app / raw;
 * - `parcours export` of the imported centre, in its own process;
 * - then, on that imported centre, through `dispatch` in this process AND through the HTTP
 *   transport (`parcours serve`'s server, in this process, a keep-alive client):
 *   - as-you-type search, per query shape, against the raw SQL the search runs plus the same
 *     list-read audit entry it writes;
 *   - duplicate check + create one person;
 *   - dossier opening (the ten-year dossier, and typical ones) against hand-written SQL reading
 *     the same rows and writing the same audit entries.
 * Request figures: the sides alternate in blocks (stats.ts `alternate`), each warmed first, the
 * same inputs in the same order on every side; wall-clock and CPU time (process.cpuUsage, all
 * threads of this process — for HTTP, client and server both) per call.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore, type Core } from '../../electron/core';
import { writeSealedHeadAsync, type ChainHead } from '../../electron/core/audit/audit-head';
import { keyedEntryHash } from '../../electron/core/audit/audit-log';
import {
  DEFAULT_PHONE_PREFIX,
  normalizeText,
  phoneDigits,
} from '../../electron/core/services/persons/normalize';
import { createHttpServer, listen } from '../../electron/server/http-server';
import {
  FIRST,
  LAST,
  fileNumberOf,
  migrationLines,
  nameOf,
  personId,
  phoneOf,
  scaleShape,
} from '../unit/helpers/migration-file';
import type { ChildReport } from './child';
import {
  alternate,
  mib,
  ms,
  ratio,
  sample,
  seconds,
  summarise,
  table,
  type Sample,
  type Summary,
} from './stats';

/** The figures a scale run can take; the store is always built by `parcours import` of the file. */
export const SCALE_FIGURES = ['import', 'export', 'search', 'create', 'dossier'] as const;
export type ScaleFigure = (typeof SCALE_FIGURES)[number];

export interface ScaleOptions {
  scales: number[];
  /**
   * Which figures to take (default: all). Without `import`, the store is still built by one
   * `parcours import` of the generated file, but neither timed against the raw writer nor repeated.
   */
  figures: readonly ScaleFigure[];
  /** Measured samples per side of every request figure. */
  samples: number;
  block: number;
  warm: number;
  log: (line: string) => void;
}

export const SITE = 'site-old';
export const ADMIN = { username: 'coord', password: 'Bench-password-2026' };
const WORKER_PASSWORD = 'Bench-worker-2026';
const CHILD = path.join(__dirname, 'child.ts');

// ——— child processes ———

export interface ChildRun {
  report: ChildReport;
  stdout: string;
}

export function runChild(args: string[], env: Record<string, string>, script = CHILD): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: path.join(__dirname, '..', '..'),
      env: { ...process.env, PARCOURS_LANG: 'en', ...env },
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const fd3: Buffer[] = [];
    child.stdout?.on('data', (c: Buffer) => out.push(c));
    child.stderr?.on('data', (c: Buffer) => err.push(c));
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (c: Buffer) => fd3.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = Buffer.concat(fd3).toString('utf8').trim();
      if (code !== 0 || !line) {
        // Generated data only: the child's own words are safe to show.
        reject(new Error(`${args[0]} failed (${code}): ${Buffer.concat(err).toString('utf8').slice(-2000)}`));
        return;
      }
      resolve({ report: JSON.parse(line) as ChildReport, stdout: Buffer.concat(out).toString('utf8') });
    });
  });
}

/** The file, written in 1 MiB pieces (a 60× file is about 300 MB). */
export function generate(file: string, scale: number): { records: Record<string, number>; bytes: number } {
  const fd = openSync(file, 'w', 0o600);
  const records: Record<string, number> = {};
  let chunk: string[] = [];
  let size = 0;
  try {
    for (const line of migrationLines(scaleShape(SITE, scale))) {
      const type = /"type":"([a-z_]+)"/.exec(line)?.[1] ?? '?';
      records[type] = (records[type] ?? 0) + 1;
      chunk.push(line);
      size += line.length;
      if (size > 1 << 20) {
        writeSync(fd, `${chunk.join('\n')}\n`);
        chunk = [];
        size = 0;
      }
    }
    if (chunk.length) writeSync(fd, `${chunk.join('\n')}\n`);
  } finally {
    closeSync(fd);
  }
  return { records, bytes: statSync(file).size };
}

// ——— sessions, HTTP ———

export type Call = (channel: string, input: unknown) => Promise<unknown>;

class HttpClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });
  constructor(private readonly port: number) {}

  /**
   * A kept-alive socket the server closes for idleness (its keep-alive timeout, 5 s) just as the
   * next request is written on it ends in ECONNRESET: the race Node's documentation describes for
   * reused sockets. That request never reached the server, so it is sent again, once, on a new
   * socket (only a reused socket's reset: any other error fails the run).
   */
  call(channel: string, input: unknown, token: string, retried = false): Promise<unknown> {
    const body = JSON.stringify(input);
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: this.port,
          method: 'POST',
          path: `/api/${channel}`,
          agent: this.agent,
          headers: {
            host: `127.0.0.1:${this.port}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            authorization: `Bearer ${token}`,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const r = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
              ok: boolean;
              value?: unknown;
              error?: { code: string };
            };
            if (r.ok) resolve(r.value);
            else reject(new Error(`${channel} (http): ${r.error?.code ?? '?'}`));
          });
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (!retried && req.reusedSocket && error.code === 'ECONNRESET')
          this.call(channel, input, token, true).then(resolve, reject);
        else reject(error);
      });
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

export interface Bench {
  core: Core;
  dataDir: string;
  /** The reception worker through dispatch, and through HTTP (each its own session). */
  local: Call;
  http: Call;
  userId: string;
  close: () => Promise<void>;
}

/** The worker measured: community worker and doctor on the old site unless said. */
export interface BenchWorker {
  roles: string[];
  siteIds: string[];
}

export async function openBench(
  dataDir: string,
  worker: BenchWorker = { roles: ['community_worker', 'doctor'], siteIds: [SITE] },
): Promise<Bench> {
  const core = await createCore({ dataDir, log: () => undefined });
  const dispatch = async (channel: string, input: unknown, token?: string) => {
    const r = await core.dispatch(channel, input, { token, transport: 'ipc' });
    if (!r.ok) throw new Error(`${channel}: ${r.error.code}`);
    return r.value as Record<string, unknown>;
  };
  const admin = (await dispatch('auth.login', ADMIN)) as { token: string };
  const { temporaryPassword, user } = (await dispatch(
    'users.create',
    { username: 'kasey', displayName: 'Kasey', roles: worker.roles, siteIds: worker.siteIds },
    admin.token,
  )) as { temporaryPassword: string; user: { id: string } };
  const first = (await dispatch('auth.login', { username: 'kasey', password: temporaryPassword })) as {
    token: string;
  };
  await dispatch(
    'auth.changePassword',
    { currentPassword: temporaryPassword, newPassword: WORKER_PASSWORD },
    first.token,
  );
  const centre = (await dispatch('centre.get', {}, admin.token)) as { version: number; name: string };
  // The bench runs for minutes: keep the sessions from locking.
  await dispatch(
    'centre.update',
    { version: centre.version, name: centre.name, autoLockMinutes: 240, defaultLocale: 'fr' },
    admin.token,
  );
  const staticDir = mkdtempSync(path.join(tmpdir(), 'parcours-bench-static-'));
  const server = createHttpServer({ core, staticDir });
  const { port } = await listen(server, 0);
  const client = new HttpClient(port);
  const second = (await dispatch('auth.login', { username: 'kasey', password: WORKER_PASSWORD })) as {
    token: string;
  };
  return {
    core,
    dataDir,
    local: (channel, input) => dispatch(channel, input, first.token),
    http: (channel, input) => client.call(channel, input, second.token),
    userId: user.id,
    close: async () => {
      client.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await core.close();
      rmSync(staticDir, { recursive: true, force: true });
    },
  };
}

// ——— the raw side: hand-written SQL on the same connection ———

export interface AuditFields {
  action: string;
  section: string | null;
  personId: string | null;
  targetType: string | null;
  targetId: string | null;
  siteId: string | null;
  reason: string | null;
  detail: string | null;
}

/**
 * Appends entries to the keyed hash chain in one transaction, as `appendAudits` does, and answers
 * the head it leaves (null when there was nothing to append).
 */
export function auditWriter(b: Pick<Bench, 'core' | 'userId'>) {
  const store = b.core.ctx.vault.requireStore();
  const db = store.handle;
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const insert = db.prepare(
    `INSERT INTO audit_log (seq, at, actor_id, action, section, person_id, target_type, target_id, site_id, reason, detail, prev_hash, hash, chain_version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 2)`,
  );
  const key = store.auditKey.key;
  return (entries: readonly AuditFields[], inTransaction: () => void = () => undefined): ChainHead | null =>
    db.transaction(() => {
      inTransaction();
      if (entries.length === 0) return null;
      const head = last.get() as { seq: number; hash: string };
      let seq = head.seq;
      let prevHash = head.hash;
      const at = new Date().toISOString();
      for (const e of entries) {
        seq += 1;
        const fields = { seq, at, actorId: b.userId, ...e, prevHash };
        const hash = keyedEntryHash(key, fields);
        insert.run(
          seq,
          at,
          b.userId,
          e.action,
          e.section,
          e.personId,
          e.targetType,
          e.targetId,
          e.siteId,
          e.reason,
          e.detail,
          prevHash,
          hash,
        );
        prevHash = hash;
      }
      return { count: seq, hash: prevHash };
    })();
}

/**
 * The raw side's seal of the head it left, written as the app's store writes its own (the same
 * function: a sibling file, fsync, rename, fsync of the folder) into a scratch folder beside the
 * data folder. A hand-written implementation that keeps the audit chain's guarantee must do this
 * too; the figures are printed with and without it.
 */
export function rawSealer(b: Pick<Bench, 'core' | 'dataDir'>): (head: ChainHead | null) => Promise<void> {
  const dir = mkdtempSync(path.join(path.dirname(b.dataDir), 'parcours-bench-raw-seal-'));
  const key = b.core.ctx.vault.requireStore().auditKey;
  return (head) => (head ? writeSealedHeadAsync(dir, key, head, new Date()) : Promise.resolve());
}

function auditCount(b: Bench): number {
  const db = b.core.ctx.vault.requireStore().handle;
  return (db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
}

/**
 * Audit entries written per call by each side, counted outside the measurement (a few calls
 * each): the proof that the raw side writes what the app writes.
 */
export async function auditPerCall(
  b: Bench,
  sides: Record<string, (i: number) => Promise<unknown>>,
  calls: number,
) {
  const out: Record<string, number> = {};
  for (const [name, run] of Object.entries(sides)) {
    const before = auditCount(b);
    for (let i = 0; i < calls; i++) await run(i);
    out[name] = (auditCount(b) - before) / calls;
  }
  return out;
}

// ——— search, per query shape ———

interface Shape {
  name: string;
  queries: string[];
}

const unique = (values: string[]) => [...new Set(values)];

/**
 * What a receptionist types, per shape; each shape cycles through more distinct inputs than the
 * session remembers (32), so every call is a new list read, audited, as each keystroke is.
 */
function queryShapes(persons: number): Shape[] {
  const spread = (n: number) =>
    unique(Array.from({ length: n }, (_, k) => String(Math.floor(((k + 0.5) * persons) / n)))).map(Number);
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const words = [...FIRST, ...LAST];
  return [
    { name: '1 letter', queries: [...letters, ...letters.toUpperCase()] },
    {
      name: '2 letters',
      queries: unique(
        words.flatMap((w) => [w.slice(0, 2).toLowerCase(), w.slice(0, 2), w.slice(0, 2).toUpperCase()]),
      ),
    },
    {
      name: '3–5 letter name prefix',
      queries: unique(words.flatMap((w) => [3, 4, 5].map((n) => w.slice(0, n)))).filter((q) => q.length >= 3),
    },
    { name: 'full name', queries: spread(60).map(nameOf) },
    {
      name: 'file number ending (4 digits)',
      queries: unique(spread(60).map((i) => fileNumberOf(i).slice(-4))),
    },
    {
      // Without the leading 06 (every generated phone starts 06 10…), in pairs as read aloud.
      name: 'phone digits (“10 00 94 40”)',
      queries: spread(60).map((i) =>
        phoneOf(i)
          .slice(-8)
          .replace(/(\d\d)(\d\d)(\d\d)(\d\d)/, '$1 $2 $3 $4'),
      ),
    },
  ];
}

/** The statements `searchIndex` runs (search-index.ts), prepared once: kept in step with it by hand. */
function rawSearch(b: Bench) {
  const db = b.core.ctx.vault.requireStore().handle;
  const select = `SELECT s.person_id AS personId, s.field AS field, s.text AS text, p.file_number AS fileNumber, p.name_used AS nameUsed, p.pronouns AS pronouns,
      p.birth_date AS birthDate, p.birth_year AS birthYear, st.code AS siteCode,
      (SELECT COUNT(*) FROM visit v WHERE v.person_id = p.id AND v.closed_at IS NULL) AS openVisits`;
  const joins = 'JOIN person p ON p.id = s.person_id JOIN site st ON st.id = p.site_id';
  const trigram = db.prepare(
    `${select} FROM person_search f JOIN person_search_row s ON s.id = f.rowid ${joins}
     WHERE person_search MATCH ? AND p.merged_into IS NULL LIMIT ?`,
  );
  const range = db.prepare(
    `${select} FROM person_search_row s INDEXED BY person_search_row_text ${joins}
     WHERE s.field = ? AND s.text >= ? AND s.text < ? AND p.merged_into IS NULL LIMIT ?`,
  );
  const audit = auditWriter(b);
  // The session's memory of list answers (dispatch.ts `auditListRead`): an input answered the
  // same way among the last 32 is not audited again; a hit does not refresh it.
  const seen = new Map<string, number>();
  return (query: string) => {
    const text = normalizeText(query);
    // The bench centre keeps the default national form (+33 / 0).
    const digits = phoneDigits(query, DEFAULT_PHONE_PREFIX);
    const hits: Array<{ personId: string }> = [];
    for (const term of unique([text, digits].filter((t) => t.length > 0))) {
      if (term.length >= 3) hits.push(...(trigram.all(`"${term}"`, 200) as Array<{ personId: string }>));
      else
        for (const field of ['name_used', 'legal_name', 'file_number', 'phone'])
          hits.push(
            ...(range.all(field, term, `${term}\uffff`, field === 'name_used' ? 200 : 50) as Array<{
              personId: string;
            }>),
          );
    }
    const results = Math.min(20, new Set(hits.map((h) => h.personId)).size);
    if (seen.get(query) === results) return null;
    const head = audit([
      {
        action: 'read',
        section: 'identity',
        personId: null,
        targetType: null,
        targetId: null,
        siteId: null,
        reason: null,
        detail: JSON.stringify({ channel: 'persons.search', results }),
      },
    ]);
    seen.delete(query);
    seen.set(query, results);
    if (seen.size > 32) seen.delete(seen.keys().next().value as string);
    return head;
  };
}

export interface Trio {
  local: Summary;
  http: Summary;
  /** Hand-written SQL, same reads, same audit entries. */
  raw: Summary;
  /** The same, and the audit head sealed to a file as the app does after every audited call. */
  sealed: Summary;
}

async function benchSearch(b: Bench, persons: number, o: ScaleOptions) {
  const out: Array<{ shape: string; distinct: number; figures: Trio; audits: Record<string, number> }> = [];
  for (const shape of queryShapes(persons)) {
    const q = (i: number) => shape.queries[i % shape.queries.length];
    const raw = rawSearch(b);
    const rawThenSeal = rawSearch(b);
    const seal = rawSealer(b);
    const sides = {
      local: (i: number) => b.local('persons.search', { query: q(i) }),
      http: (i: number) => b.http('persons.search', { query: q(i) }),
      raw: (i: number) => Promise.resolve(raw(q(i))),
      sealed: (i: number) => seal(rawThenSeal(q(i))),
    };
    const s = await alternate(sides, { perSide: o.samples, block: o.block, warm: o.warm });
    const audits = await auditPerCall(b, sides, shape.queries.length);
    out.push({
      shape: shape.name,
      distinct: shape.queries.length,
      figures: {
        local: summarise(s.local),
        http: summarise(s.http),
        raw: summarise(s.raw),
        sealed: summarise(s.sealed),
      },
      audits,
    });
  }
  return out;
}

// ——— duplicate check + create ———

async function benchCreate(b: Bench, o: ScaleOptions) {
  const inner = {
    local: { dup: [] as Sample[], create: [] as Sample[] },
    http: { dup: [] as Sample[], create: [] as Sample[] },
  };
  let measuring = false;
  const side = (which: 'local' | 'http') => async (j: number) => {
    const call = which === 'local' ? b.local : b.http;
    const name = `${FIRST[j % FIRST.length]} ${LAST[(j * 3) % LAST.length]}`;
    const birthYear = 1960 + (j % 45);
    const dup = await sample(() => call('persons.duplicates', { nameUsed: name, birthYear }));
    const create = await sample(() => call('persons.create', { nameUsed: name, birthYear, siteId: SITE }));
    if (measuring) {
      inner[which].dup.push(dup);
      inner[which].create.push(create);
    }
  };
  const sides = { local: side('local'), http: side('http') };
  // The warm-up is alternate's own; inner samples are kept from the measured rounds only.
  const warmed = { local: 0, http: 0 };
  const counted = {
    local: async (j: number) => {
      measuring = warmed.local++ >= o.warm;
      await sides.local(j);
    },
    http: async (j: number) => {
      measuring = warmed.http++ >= o.warm;
      await sides.http(j);
    },
  };
  const total = await alternate(counted, { perSide: o.samples, block: o.block, warm: o.warm });
  return {
    local: {
      dup: summarise(inner.local.dup),
      create: summarise(inner.local.create),
      both: summarise(total.local),
    },
    http: {
      dup: summarise(inner.http.dup),
      create: summarise(inner.http.create),
      both: summarise(total.http),
    },
  };
}

// ——— dossier opening ———

function rawDossier(b: Bench, expected: Map<string, AuditFields[]>) {
  const db = b.core.ctx.vault.requireStore().handle;
  const statements = [
    db.prepare('SELECT * FROM person WHERE id = ?'),
    db.prepare('SELECT * FROM person_consent WHERE person_id = ? ORDER BY recorded_at DESC'),
    db.prepare('SELECT * FROM visit WHERE person_id = ? ORDER BY opened_at DESC'),
    db.prepare('SELECT * FROM appointment WHERE person_id = ? ORDER BY starts_at DESC'),
    db.prepare('SELECT * FROM interview WHERE person_id = ? ORDER BY held_at DESC'),
    db.prepare(
      'SELECT r.*, e.name FROM referral r JOIN directory_entry e ON e.id = r.entry_id WHERE r.person_id = ? ORDER BY referred_at DESC',
    ),
  ];
  const site = db.prepare('SELECT code FROM site WHERE id = ?');
  const audit = auditWriter(b);
  // One transaction, as the app's: the same rows read, the same audit entries appended.
  return (id: string) =>
    audit(expected.get(id) ?? [], () => {
      const [person] = statements.map((s) => s.all(id));
      site.get((person[0] as { site_id: string } | undefined)?.site_id);
    });
}

/** The entries the app writes when this worker opens each dossier (read back after a first call). */
async function expectedAudit(b: Bench, ids: readonly string[]): Promise<Map<string, AuditFields[]>> {
  const db = b.core.ctx.vault.requireStore().handle;
  const rows = db.prepare(
    `SELECT action, section, person_id AS personId, target_type AS targetType, target_id AS targetId,
            site_id AS siteId, reason, detail FROM audit_log WHERE seq > ? ORDER BY seq`,
  );
  const head = db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM audit_log');
  const out = new Map<string, AuditFields[]>();
  for (const id of ids) {
    const { seq } = head.get() as { seq: number };
    await b.local('persons.dossier', { id });
    out.set(id, rows.all(seq) as AuditFields[]);
  }
  return out;
}

async function benchDossier(b: Bench, ids: readonly string[], o: ScaleOptions) {
  const expected = await expectedAudit(b, ids);
  const raw = rawDossier(b, expected);
  const seal = rawSealer(b);
  const id = (i: number) => ids[i % ids.length];
  const sides = {
    local: (i: number) => b.local('persons.dossier', { id: id(i) }),
    http: (i: number) => b.http('persons.dossier', { id: id(i) }),
    raw: (i: number) => Promise.resolve(raw(id(i))),
    sealed: (i: number) => seal(raw(id(i))),
  };
  const s = await alternate(sides, { perSide: o.samples, block: o.block, warm: o.warm });
  const audits = await auditPerCall(b, sides, ids.length);
  return {
    figures: {
      local: summarise(s.local),
      http: summarise(s.http),
      raw: summarise(s.raw),
      sealed: summarise(s.sealed),
    },
    audits,
    entriesPerOpening: [...expected.values()].reduce((n, e) => n + e.length, 0) / ids.length,
  };
}

/**
 * What the app adds after every call that appended audit entries and the raw side does not: the
 * audit head sealed to its file (written, two fsyncs, on the thread pool; the caller waits for it,
 * store.ts `exclusive`). Measured alone, into a scratch folder, to show where wall time goes.
 */
export async function sealCost(b: Bench, o: Pick<ScaleOptions, 'warm' | 'samples'>): Promise<Summary> {
  const dir = mkdtempSync(path.join(tmpdir(), 'parcours-bench-seal-'));
  const key = b.core.ctx.vault.requireStore().auditKey;
  try {
    const samples: Sample[] = [];
    for (let i = 0; i < o.warm + o.samples; i++) {
      const head = { count: i + 1, hash: String(i).padStart(64, '0') };
      const s = await sample(() => writeSealedHeadAsync(dir, key, head, new Date()));
      if (i >= o.warm) samples.push(s);
    }
    return summarise(samples);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ——— one scale ———

export interface ScaleFigures {
  scale: number;
  records: Record<string, number>;
  fileBytes: number;
  /** Null when the import figures were not asked for (the store was still built by an import). */
  importApp: ChildReport | null;
  importRaw: ChildReport | null;
  importRounds: number;
  exported: ChildReport | null;
  baselineRssMiB: number;
  search: Awaited<ReturnType<typeof benchSearch>> | null;
  create: Awaited<ReturnType<typeof benchCreate>> | null;
  heavyDossier: Awaited<ReturnType<typeof benchDossier>> | null;
  typicalDossier: Awaited<ReturnType<typeof benchDossier>> | null;
  seal: Summary;
}

/** The median run of a child's figures (by CPU time). */
function medianRun(runs: ChildReport[]): ChildReport {
  const sorted = [...runs].sort((a, b) => a.cpuMs - b.cpuMs);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

async function oneScale(scale: number, index: number, work: string, o: ScaleOptions): Promise<ScaleFigures> {
  const file = path.join(work, `scale-${scale}.jsonl`);
  const t0 = performance.now();
  const { records, bytes } = generate(file, scale);
  o.log(
    `  ${scale}×: file generated in ${seconds(performance.now() - t0)} (${(bytes / 1e6).toFixed(0)} MB, ${records.person} persons, ${records.visit} visits, ${records.interview} interviews; load ${loadavg()[0].toFixed(2)})`,
  );
  const adminEnv = { PARCOURS_ADMIN_USER: ADMIN.username, PARCOURS_ADMIN_PASSWORD: ADMIN.password };
  // More runs where they are short (alternating app / raw, the first side changing per scale).
  const want = (f: ScaleFigure) => o.figures.includes(f);
  const rounds = !want('import') ? 1 : scale < 10 ? 3 : scale < 60 ? 2 : 1;
  const app: ChildReport[] = [];
  const raw: ChildReport[] = [];
  let kept: { dir: string; recoveryCode: string } | null = null;
  for (let r = 0; r < rounds; r++) {
    const order = (r + index) % 2 === 0 ? ['app', 'raw'] : ['raw', 'app'];
    for (const side of order) {
      if (side === 'raw' && !want('import')) continue;
      const dir = path.join(work, `${side}-${scale}-${r}`);
      const run = await runChild([side === 'app' ? 'import' : 'raw', dir, file], adminEnv);
      o.log(
        `  ${scale}×: ${side === 'app' ? 'import' : 'raw writer'} run ${r + 1}/${rounds}: ${seconds(run.report.wallMs)} wall, ${seconds(run.report.cpuMs)} CPU, peak ${mib(run.report.maxRssMiB)}`,
      );
      if (side === 'raw') {
        raw.push(run.report);
        rmSync(dir, { recursive: true, force: true });
        continue;
      }
      app.push(run.report);
      const code = /^\s{4}([A-Z0-9]{4}(?:-[A-Z0-9]{4})+)\s*$/m.exec(run.stdout)?.[1];
      if (!code) throw new Error('import: no recovery code printed');
      if (kept) rmSync(kept.dir, { recursive: true, force: true });
      kept = { dir, recoveryCode: code };
    }
  }
  if (!kept) throw new Error('no import kept');
  const exports: ChildReport[] = [];
  for (let r = 0; r < (want('export') ? rounds : 0); r++) {
    const out = path.join(work, `export-${scale}.jsonl`);
    const run = await runChild(['export', kept.dir, out], {
      PARCOURS_USER: ADMIN.username,
      PARCOURS_PASSWORD: ADMIN.password,
      PARCOURS_RECOVERY_CODE: kept.recoveryCode,
    });
    o.log(
      `  ${scale}×: export run ${r + 1}/${rounds}: ${seconds(run.report.wallMs)} wall, ${seconds(run.report.cpuMs)} CPU, peak ${mib(run.report.maxRssMiB)}`,
    );
    exports.push(run.report);
    rmSync(out, { force: true });
  }
  const baseline = want('export') ? (await runChild(['idle'], {})).report.maxRssMiB : 0;
  rmSync(file, { force: true });

  const b = await openBench(kept.dir);
  try {
    const persons = records.person ?? 0;
    const search = want('search') ? await benchSearch(b, persons, o) : null;
    if (search) o.log(`  ${scale}×: search measured`);
    const create = want('create') ? await benchCreate(b, o) : null;
    if (create) o.log(`  ${scale}×: duplicate check + create measured`);
    const typical = Array.from({ length: 50 }, (_, k) => personId(1 + Math.floor((k * (persons - 1)) / 50)));
    const heavyDossier = want('dossier') ? await benchDossier(b, [personId(0)], o) : null;
    const typicalDossier = want('dossier') ? await benchDossier(b, typical, o) : null;
    if (typicalDossier) o.log(`  ${scale}×: dossiers measured (load ${loadavg()[0].toFixed(2)})`);
    const seal = await sealCost(b, o);
    return {
      scale,
      records,
      fileBytes: bytes,
      importApp: want('import') ? medianRun(app) : null,
      importRaw: want('import') ? medianRun(raw) : null,
      importRounds: rounds,
      exported: want('export') ? medianRun(exports) : null,
      baselineRssMiB: baseline,
      search,
      create,
      heavyDossier,
      typicalDossier,
      seal,
    };
  } finally {
    await b.close();
    rmSync(kept.dir, { recursive: true, force: true });
  }
}

export async function benchScales(o: ScaleOptions): Promise<ScaleFigures[]> {
  const work = mkdtempSync(path.join(tmpdir(), 'parcours-bench-scale-'));
  mkdirSync(work, { recursive: true });
  const figures: ScaleFigures[] = [];
  try {
    for (const [index, scale] of o.scales.entries()) figures.push(await oneScale(scale, index, work, o));
    return figures;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// ——— report ———

const TARGET = {
  importCpuRatio: 3,
  importGrowth10to60: 7,
  exportRss60to1: 1.5,
  createP95: 50,
  searchP95: 50,
  searchRatio: 1.5,
  dossierP95: 150,
  dossierRatio: 2,
};
export { TARGET as SCALE_TARGETS };

export function trioRows(label: string, t: Trio): string[][] {
  return [
    [`${label}: app, dispatch`, ms(t.local.p50), ms(t.local.p95), ms(t.local.max), ms(t.local.cpuP50)],
    [`${label}: app, HTTP`, ms(t.http.p50), ms(t.http.p95), ms(t.http.max), ms(t.http.cpuP50)],
    [`${label}: raw SQL, same work`, ms(t.raw.p50), ms(t.raw.p95), ms(t.raw.max), ms(t.raw.cpuP50)],
    [
      `${label}: raw SQL + head sealed, same work`,
      ms(t.sealed.p50),
      ms(t.sealed.p95),
      ms(t.sealed.max),
      ms(t.sealed.cpuP50),
    ],
    [
      `${label}: ratio dispatch / raw + seal`,
      ratio(t.local.p50 / t.sealed.p50),
      ratio(t.local.p95 / t.sealed.p95),
      '',
      ratio(t.local.cpuP50 / t.sealed.cpuP50),
    ],
    [
      `${label}: ratio dispatch / raw`,
      ratio(t.local.p50 / t.raw.p50),
      ratio(t.local.p95 / t.raw.p95),
      '',
      ratio(t.local.cpuP50 / t.raw.cpuP50),
    ],
    [
      `${label}: ratio HTTP / raw`,
      ratio(t.http.p50 / t.raw.p50),
      ratio(t.http.p95 / t.raw.p95),
      '',
      ratio(t.http.cpuP50 / t.raw.cpuP50),
    ],
  ];
}

export function formatScales(figures: ScaleFigures[], o: ScaleOptions): string {
  const parts: string[] = [];
  const imported = figures.flatMap((f) =>
    f.importApp && f.importRaw ? [{ ...f, importApp: f.importApp, importRaw: f.importRaw }] : [],
  );
  const exported = figures.flatMap((f) => (f.exported ? [{ ...f, exported: f.exported }] : []));
  const io = imported.map((f) => {
    const a = f.importApp;
    const r = f.importRaw;
    return [
      `${f.scale}× (${f.records.person} p, ${f.records.visit} v, ${f.records.interview} i; ${f.importRounds} run${f.importRounds > 1 ? 's' : ''})`,
      seconds(a.wallMs),
      seconds(a.cpuMs),
      mib(a.maxRssMiB),
      seconds(r.wallMs),
      seconds(r.cpuMs),
      mib(r.maxRssMiB),
      ratio(a.wallMs / r.wallMs),
      ratio(a.cpuMs / r.cpuMs),
    ];
  });
  if (io.length)
    parts.push(
      'Import into an empty folder (parcours import, own process) vs the raw writer (prepared INSERTs, same rows, same encrypted schema)',
      table(
        ['scale', 'app wall', 'app CPU', 'app peak', 'raw wall', 'raw CPU', 'raw peak', 'wall ×', 'CPU ×'],
        io,
      ),
    );
  const growth: string[][] = [];
  const both = imported.length === figures.length && exported.length === figures.length;
  for (let i = 1; both && i < figures.length; i++) {
    const [a, b] = [imported[i - 1], imported[i]];
    const [ea, eb] = [exported[i - 1].exported, exported[i].exported];
    growth.push([
      `${a.scale}× → ${b.scale}× (data ×${(b.records.person / a.records.person).toFixed(1)})`,
      ratio(b.importApp.cpuMs / a.importApp.cpuMs),
      ratio(b.importRaw.cpuMs / a.importRaw.cpuMs),
      ratio(eb.cpuMs / ea.cpuMs),
      ratio(eb.maxRssMiB / ea.maxRssMiB),
    ]);
  }
  if (growth.length)
    parts.push(
      '',
      'Growth between scales',
      table(['', 'import CPU', 'raw writer CPU', 'export CPU', 'export peak RSS'], growth),
    );
  if (exported.length)
    parts.push(
      '',
      `Export (parcours export, own process; a process that only loads the same modules peaks at ${mib(figures[0]?.baselineRssMiB ?? 0)})`,
      table(
        ['scale', 'wall', 'CPU', 'peak RSS', 'peak / 1× peak'],
        exported.map((f) => [
          `${f.scale}×`,
          seconds(f.exported.wallMs),
          seconds(f.exported.cpuMs),
          mib(f.exported.maxRssMiB),
          ratio(f.exported.maxRssMiB / exported[0].exported.maxRssMiB),
        ]),
      ),
    );
  for (const f of figures) {
    const search = f.search;
    if (search)
      parts.push(
        '',
        `${f.scale}×: as-you-type search, per query shape (${o.samples} samples per side, blocks of ${o.block}, ${o.warm} warm-up calls per side)`,
        table(
          ['shape / side', 'p50', 'p95', 'max', 'CPU p50'],
          search.flatMap((s) => trioRows(`${s.shape}`, s.figures)),
        ),
        `  audit entries per call over one more cycle of each shape's inputs, after the measurement (dispatch / HTTP / raw / raw + seal; an input the session answered among its last 32 is not audited again, on every side alike): ${search
          .map((s) => `${s.shape} ${fmtAudits(s.audits)}`)
          .join('; ')}`,
      );
    const create = f.create;
    if (create)
      parts.push(
        '',
        `${f.scale}×: duplicate check + create one person (${o.samples} per side)`,
        table(
          ['', 'p50', 'p95', 'max', 'CPU p50'],
          (['local', 'http'] as const).flatMap((side) => {
            const c = create[side];
            const name = side === 'local' ? 'dispatch' : 'HTTP';
            return [
              [`duplicate check, ${name}`, ms(c.dup.p50), ms(c.dup.p95), ms(c.dup.max), ms(c.dup.cpuP50)],
              [`create, ${name}`, ms(c.create.p50), ms(c.create.p95), ms(c.create.max), ms(c.create.cpuP50)],
              [`both, ${name}`, ms(c.both.p50), ms(c.both.p95), ms(c.both.max), ms(c.both.cpuP50)],
            ];
          }),
        ),
      );
    if (f.heavyDossier && f.typicalDossier)
      parts.push(
        '',
        `${f.scale}×: dossier opening vs hand-written SQL reading the same rows and writing the same audit entries (${o.samples} per side)`,
        table(
          ['', 'p50', 'p95', 'max', 'CPU p50'],
          [
            ...trioRows('ten-year dossier', f.heavyDossier.figures),
            ...trioRows('typical dossiers (50)', f.typicalDossier.figures),
          ],
        ),
        `  audit entries per opening (dispatch / HTTP / raw / raw + seal): ten-year ${fmtAudits(f.heavyDossier.audits)}; typical ${fmtAudits(f.typicalDossier.audits)}`,
      );
    parts.push(
      `  the audit head sealed to its file after each audited call (the app's caller waits for it; "raw + seal" does the same), alone: p50 ${ms(f.seal.p50)}, p95 ${ms(f.seal.p95)}, CPU p50 ${ms(f.seal.cpuP50)}`,
    );
  }
  return parts.join('\n');
}

function fmtAudits(a: Record<string, number>): string {
  return [a.local, a.http, a.raw, a.sealed].map((n) => n.toFixed(2)).join('/');
}

/** The issue's targets, measured at the largest scale run; each says met or NOT MET. */
export function scaleTargets(figures: ScaleFigures[]): string[][] {
  if (figures.length === 0) return [];
  const top = figures[figures.length - 1];
  const one = figures.find((f) => f.scale === 1);
  const ten = figures.find((f) => f.scale === 10);
  const at = `at ${top.scale}×`;
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT MET');
  const rows: string[][] = [];
  if (top.importApp && top.importRaw) {
    const importRatio = top.importApp.cpuMs / top.importRaw.cpuMs;
    rows.push([
      `import CPU / raw writer CPU ${at}`,
      `${ratio(importRatio)} (${seconds(top.importApp.cpuMs)} / ${seconds(top.importRaw.cpuMs)})`,
      `≤ ${ratio(TARGET.importCpuRatio)}`,
      verdict(importRatio <= TARGET.importCpuRatio),
    ]);
  }
  if (ten?.importApp && top.importApp && top.scale === 60) {
    const g = top.importApp.cpuMs / ten.importApp.cpuMs;
    rows.push([
      'import CPU growth 10× → 60×',
      ratio(g),
      `≤ ${ratio(TARGET.importGrowth10to60)}`,
      verdict(g <= 7),
    ]);
  }
  if (one?.exported && top.exported && top !== one) {
    const g = top.exported.maxRssMiB / one.exported.maxRssMiB;
    rows.push([
      `export peak RSS ${at} / at 1×`,
      `${ratio(g)} (${mib(top.exported.maxRssMiB)} / ${mib(one.exported.maxRssMiB)})`,
      `≤ ${ratio(TARGET.exportRss60to1)}`,
      verdict(g <= TARGET.exportRss60to1),
    ]);
  }
  const both = top.create?.local.both;
  if (both)
    rows.push([
      `duplicate check + create p95 ${at} (dispatch)`,
      ms(both.p95),
      `≤ ${ms(TARGET.createP95)}`,
      verdict(both.p95 <= TARGET.createP95),
    ]);
  for (const s of top.search ?? []) {
    const f = s.figures;
    rows.push([
      `search “${s.shape}” p95 ${at} (dispatch / HTTP)`,
      `${ms(f.local.p95)} / ${ms(f.http.p95)}`,
      `≤ ${ms(TARGET.searchP95)}`,
      verdict(f.local.p95 <= TARGET.searchP95),
    ]);
    const x = f.local.p95 / f.sealed.p95;
    rows.push([
      `search “${s.shape}” p95 dispatch / raw + seal ${at} (CPU p50 ratio; p95 / raw without seal)`,
      `${ratio(x)} (${ratio(f.local.cpuP50 / f.sealed.cpuP50)}; ${ratio(f.local.p95 / f.raw.p95)})`,
      `≤ ${ratio(TARGET.searchRatio)}`,
      verdict(x <= TARGET.searchRatio),
    ]);
  }
  for (const [label, d] of [
    ['ten-year dossier', top.heavyDossier],
    ['typical dossier', top.typicalDossier],
  ] as const) {
    if (!d) continue;
    rows.push([
      `${label} opening p95 ${at} (dispatch / HTTP)`,
      `${ms(d.figures.local.p95)} / ${ms(d.figures.http.p95)}`,
      `≤ ${ms(TARGET.dossierP95)}`,
      verdict(d.figures.local.p95 <= TARGET.dossierP95),
    ]);
    const x = d.figures.local.p95 / d.figures.sealed.p95;
    rows.push([
      `${label} p95 dispatch / hand-written SQL + seal ${at} (CPU p50 ratio; p95 / SQL without seal)`,
      `${ratio(x)} (${ratio(d.figures.local.cpuP50 / d.figures.sealed.cpuP50)}; ${ratio(d.figures.local.p95 / d.figures.raw.p95)})`,
      `≤ ${ratio(TARGET.dossierRatio)}`,
      verdict(x <= TARGET.dossierRatio),
    ]);
  }
  return rows;
}
