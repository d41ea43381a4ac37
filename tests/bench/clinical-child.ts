/**
 * One laboratory import in its own process, so that its peak RSS is its own (clinical.ts runs it
 * once per side and round, on a fresh copy of the same centre), reporting one JSON line on file
 * descriptor 3 like child.ts.
 *
 *   tsx tests/bench/clinical-child.ts app DIR CSV   the route's path: `screenings.importPreview` then
 *                                                   `screenings.importCommit` through `dispatch`
 *   tsx tests/bench/clinical-child.ts raw DIR CSV   the same rows written by hand in one transaction
 *
 * Before the clock, on both sides: modules loaded, the store opened and unlocked by the importer's
 * login (credentials from PARCOURS_USER / PARCOURS_PASSWORD), the file read into memory; the raw
 * side also reads, once, the pending samples and open items into maps (the "precomputed map").
 * After the clock, outside the figures: the rows and audit entries each side wrote, counted.
 */
import { readFileSync, writeSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createCore, type Core } from '../../electron/core';
import { auditWriter, rawSealer, type AuditFields } from './scale';
import type { ChildReport } from './child';

export interface LabImportReport extends ChildReport {
  /** Rows written, counted after the clock: results, samples resulted, to-treat items, audit entries. */
  written: { results: number; resulted: number; toTreat: number; audit: number; imports: number };
}

interface Opened {
  core: Core;
  token: string;
  userId: string;
}

async function open(dir: string): Promise<Opened> {
  const core = await createCore({ dataDir: dir, log: () => undefined });
  const r = await core.dispatch(
    'auth.login',
    { username: process.env.PARCOURS_USER ?? '', password: process.env.PARCOURS_PASSWORD ?? '' },
    { transport: 'ipc' },
  );
  if (!r.ok) throw new Error(`login: ${r.error.code}`);
  const { token, user } = r.value as { token: string; user: { id: string } };
  return { core, token, userId: user.id };
}

/** The route's path, as the screen calls it: the preview, then the commit of the same content. */
async function appImport(o: Opened, content: string): Promise<void> {
  const file = { fileName: 'laboratoire.csv', content };
  for (const channel of ['screenings.importPreview', 'screenings.importCommit'] as const) {
    const r = await o.core.dispatch(channel, file, { token: o.token, transport: 'ipc' });
    if (!r.ok) throw new Error(`${channel}: ${r.error.code}`);
    const errors = (r.value as { errors: Array<{ reason: string }> }).errors;
    if (errors.length) throw new Error(`${channel}: ${errors.length} refusals, first ${errors[0].reason}`);
  }
}

interface Pending {
  id: string;
  personId: string;
  siteId: string;
  version: number;
}

/** Read before the clock: the pending samples by (file number, day, test), the open items by person. */
function precompute(o: Opened) {
  const db = o.core.ctx.vault.requireStore().handle;
  const samples = new Map<string, Pending>();
  for (const row of db
    .prepare(
      `SELECT s.id, s.person_id AS personId, s.site_id AS siteId, s.version, s.test_code AS test, sc.taken_on AS day, p.file_number AS fileNumber
       FROM sample s JOIN screening sc ON sc.id = s.screening_id JOIN person p ON p.id = s.person_id WHERE s.status = 'taken'`,
    )
    .all() as Array<Pending & { test: string; day: string; fileNumber: string }>)
    samples.set(`${row.fileNumber}|${row.day}|${row.test}`, row);
  const pendingItems = new Set(
    (
      db
        .prepare("SELECT person_id AS personId, infection FROM to_treat WHERE status IN ('open', 'referred')")
        .all() as Array<{
        personId: string;
        infection: string;
      }>
    ).map((i) => `${i.personId}|${i.infection}`),
  );
  return { samples, pendingItems };
}

/**
 * The same rows by hand: each line's result, its sample resulted, a to-treat item per positive
 * (unless one is pending for that infection), the `lab_import` row, the audit entries the app
 * writes (the preview's identity and tests reads of each person, one update per person written,
 * the two list reads of the preview and the commit); one transaction, then the audit head sealed
 * as the app does.
 */
async function rawImport(o: Opened, content: string, pre: ReturnType<typeof precompute>): Promise<void> {
  const store = o.core.ctx.vault.requireStore();
  const db = store.handle;
  const now = new Date();
  const at = now.toISOString();
  const today = at.slice(0, 10);
  const labRef = (
    db
      .prepare("SELECT COUNT(*) AS n FROM pragma_table_info('result') WHERE name = 'lab_reference'")
      .get() as {
      n: number;
    }
  ).n;
  const result = db.prepare(
    `INSERT INTO result (id, sample_id, person_id, site_id, test_code, value, interpretation, infections, resulted_at, source, import_id, given_at, given_by, to_give, created_by, created_at, updated_at, version${labRef ? ', lab_reference' : ''})
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'lab_import', ?, NULL, NULL, 1, ?, ?, ?, 1${labRef ? ', ?' : ''})`,
  );
  const resulted = db.prepare(
    "UPDATE sample SET status = 'resulted', updated_at = ?, version = ? WHERE id = ?",
  );
  const toTreat = db.prepare(
    `INSERT INTO to_treat (id, person_id, site_id, result_id, infection, opened_on, status, created_by, created_at, updated_at, version)
     VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, 1)`,
  );
  const labImport = db.prepare(
    `INSERT INTO lab_import (id, file_sha256, file_name, lines, imported_at, imported_by, created_at, updated_at, version)
     VALUES (?, ?, 'laboratoire.csv', ?, ?, ?, ?, ?, 1)`,
  );
  const audit = auditWriter({ core: o.core, userId: o.userId });
  const importId = randomUUID();
  const written = new Map<string, number>();
  const lines = content.split('\n').slice(1);
  // Filled inside the transaction, appended at its end (auditWriter reads it after the rows).
  const entries: AuditFields[] = [];
  const head = audit(entries, () => {
    labImport.run(
      importId,
      randomUUID().replace(/-/g, '').padEnd(64, '0'),
      lines.length,
      at,
      o.userId,
      at,
      at,
    );
    for (const line of lines) {
      if (!line) continue;
      const c = line.split(';');
      const [fileNumber, day, test] = c;
      const positive = c[6] === 'positive';
      const s = pre.samples.get(`${fileNumber}|${day}|${test}`);
      if (!s) throw new Error('raw import: no pending sample');
      const infection = test === 'hiv_serology_lab' ? 'hiv' : 'syphilis';
      const value =
        test === 'hiv_serology_lab'
          ? { type: 'positivity', positivity: c[6] }
          : positive
            ? { type: 'titre', positivity: 'positive', titre: c[7] }
            : { type: 'titre', positivity: 'negative' };
      const id = randomUUID();
      const params = [
        id,
        s.id,
        s.personId,
        s.siteId,
        test,
        JSON.stringify(value),
        positive ? 'positive' : 'negative',
        JSON.stringify(positive ? [infection] : []),
        `${c[9]}T12:00:00.000Z`,
        importId,
        o.userId,
        at,
        at,
      ];
      result.run(...(labRef ? [...params, c[10]] : params));
      resulted.run(at, s.version + 1, s.id);
      let records = (written.get(s.personId) ?? 0) + 2;
      if (positive && !pre.pendingItems.has(`${s.personId}|${infection}`)) {
        toTreat.run(randomUUID(), s.personId, s.siteId, id, infection, today, o.userId, at, at);
        pre.pendingItems.add(`${s.personId}|${infection}`);
        records += 1;
      }
      written.set(s.personId, records);
    }
    entries.push(
      // The preview's read of each person it names (identity and tests, lab-import.ts `previewReads`).
      ...[...written].flatMap(([personId]) =>
        ['identity', 'tests'].map((section) => ({
          action: 'read',
          section,
          personId,
          targetType: null,
          targetId: null,
          siteId: null,
          reason: null,
          detail: JSON.stringify({ channel: 'screenings.importPreview', lines: 2 }),
        })),
      ),
      ...[...written].map(([personId, records]) => ({
        action: 'update',
        section: 'tests',
        personId,
        targetType: 'lab_import',
        targetId: importId,
        siteId: null,
        reason: null,
        detail: JSON.stringify({ records }),
      })),
      ...['screenings.importPreview', 'screenings.importCommit'].map((channel) => ({
        action: 'read',
        section: 'tests',
        personId: null,
        targetType: null,
        targetId: null,
        siteId: null,
        reason: null,
        detail: JSON.stringify({ channel, results: lines.length }),
      })),
    );
  });
  // The head sealed once, as the app's store seals it after its unit.
  await rawSealer({ core: o.core, dataDir: store.dataDir })(head);
}

function countWritten(o: Opened): LabImportReport['written'] {
  const db = o.core.ctx.vault.requireStore().handle;
  const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  return {
    results: n("SELECT COUNT(*) AS n FROM result WHERE source = 'lab_import'"),
    resulted: n(
      "SELECT COUNT(*) AS n FROM sample s JOIN result r ON r.sample_id = s.id WHERE r.source = 'lab_import' AND s.status = 'resulted'",
    ),
    toTreat: n(
      "SELECT COUNT(*) AS n FROM to_treat t JOIN result r ON r.id = t.result_id WHERE r.source = 'lab_import'",
    ),
    audit: n('SELECT COUNT(*) AS n FROM audit_log'),
    imports: n('SELECT COUNT(*) AS n FROM lab_import'),
  };
}

async function main(): Promise<void> {
  const [mode, dir, csv] = process.argv.slice(2);
  if (mode !== 'app' && mode !== 'raw') throw new Error(`unknown mode ${mode}`);
  const o = await open(dir);
  try {
    const content = readFileSync(csv, 'utf8');
    const pre = mode === 'raw' ? precompute(o) : null;
    const auditBefore = countWritten(o).audit;
    const startRss = process.memoryUsage().rss;
    const cpu = process.cpuUsage();
    const start = performance.now();
    if (pre) await rawImport(o, content, pre);
    else await appImport(o, content);
    const wallMs = performance.now() - start;
    const used = process.cpuUsage(cpu);
    const maxRssMiB = process.resourceUsage().maxRSS / 1024;
    const written = countWritten(o);
    const report: LabImportReport = {
      wallMs,
      cpuMs: (used.user + used.system) / 1000,
      maxRssMiB,
      startRssMiB: startRss / 1024 / 1024,
      exitCode: 0,
      rows: written.results,
      written: { ...written, audit: written.audit - auditBefore },
    };
    writeSync(3, `${JSON.stringify(report)}\n`);
  } finally {
    await o.core.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
