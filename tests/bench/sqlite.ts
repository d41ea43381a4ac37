/**
 * Encrypted (SQLite3MultipleCiphers, ChaCha20-Poly1305) against plain SQLite, same driver, same
 * pragmas (WAL, synchronous=FULL), same rows, in the same run: rounds alternate which database
 * goes first, and each figure is the median over the rounds.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openEncrypted, type SqliteHandle } from '../../electron/core/db/sqlite';
import { median, ms, ratio, table, timed } from './stats';

export const TARGETS = { reads: 1.2, writes: 2 } as const;

export interface SqliteBenchOptions {
  rounds: number;
  batches: number;
  batchSize: number;
  pointReads: number;
  rangeScans: number;
  rangeLength: number;
}

export const DEFAULT_OPTIONS: SqliteBenchOptions = {
  rounds: 5,
  batches: 20,
  batchSize: 1000,
  pointReads: 20_000,
  rangeScans: 1_000,
  rangeLength: 100,
};

interface Measures {
  writes: number;
  pointReads: number;
  rangeScans: number;
  /** CPU time of the same phases: steadier than wall time on a shared machine. */
  writesCpu: number;
  pointReadsCpu: number;
  rangeScansCpu: number;
  bytes: number;
}

/** Deterministic rows (same content in both databases): a dossier-like record of ~400 bytes. */
function* rows(count: number, offset: number): Generator<[string, string, string, string, string]> {
  let seed = 0x2f6b ^ offset;
  const next = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed;
  };
  for (let i = offset; i < offset + count; i += 1) {
    const id = `p-${i.toString(36).padStart(8, '0')}-${(next() % 1e6).toString(36)}`;
    const day = new Date(
      Date.UTC(2024, 0, 1) + (i % 730) * 86_400_000 + (next() % 86_400) * 1000,
    ).toISOString();
    const notes = Array.from({ length: 12 }, () => (next() % 1e9).toString(36))
      .join(' ')
      .repeat(4);
    yield [id, `site-${next() % 4}`, day, `Personne ${i}`, notes];
  }
}

const SCHEMA = `CREATE TABLE person (id TEXT PRIMARY KEY, site_id TEXT NOT NULL, seen_at TEXT NOT NULL, name TEXT NOT NULL, notes TEXT NOT NULL);
CREATE INDEX person_seen_at ON person (seen_at);`;

function openPlain(file: string): SqliteHandle {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('temp_store = MEMORY');
  db.pragma('busy_timeout = 5000');
  return db;
}

async function workload(
  open: (create: boolean) => SqliteHandle,
  file: string,
  o: SqliteBenchOptions,
): Promise<Measures> {
  // Writes: `batches` transactions of `batchSize` rows each.
  let db = open(true);
  db.exec(SCHEMA);
  const insert = db.prepare('INSERT INTO person (id, site_id, seen_at, name, notes) VALUES (?, ?, ?, ?, ?)');
  const ids: string[] = [];
  const writeBatch = db.transaction((batch: Array<[string, string, string, string, string]>) => {
    for (const r of batch) insert.run(...r);
  });
  const batches = Array.from({ length: o.batches }, (_, b) => [...rows(o.batchSize, b * o.batchSize)]);
  for (const batch of batches) for (const r of batch) ids.push(r[0]);
  const w = await timed(() => {
    for (const batch of batches) writeBatch(batch);
  });
  db.pragma('wal_checkpoint(TRUNCATE)');
  const bytes = (
    db.prepare('SELECT page_count * page_size AS n FROM pragma_page_count(), pragma_page_size()').get() as {
      n: number;
    }
  ).n;
  db.close();

  // Reads on a fresh connection (cold SQLite cache, warm OS cache: pages are decrypted again).
  db = open(false);
  const byId = db.prepare('SELECT * FROM person WHERE id = ?');
  let pick = 7;
  const p = await timed(() => {
    let found = 0;
    for (let i = 0; i < o.pointReads; i += 1) {
      pick = (pick * 48271) % 2147483647;
      if (byId.get(ids[pick % ids.length])) found += 1;
    }
    if (found !== o.pointReads) throw new Error('point reads missed rows');
  });
  const range = db.prepare('SELECT * FROM person WHERE seen_at >= ? ORDER BY seen_at LIMIT ?');
  const r = await timed(() => {
    let seen = 0;
    for (let i = 0; i < o.rangeScans; i += 1) {
      const from = new Date(Date.UTC(2024, 0, 1) + ((i * 37) % 700) * 86_400_000).toISOString();
      seen += range.all(from, o.rangeLength).length;
    }
    if (seen === 0) throw new Error('range scans read nothing');
  });
  db.close();
  rmSync(file, { force: true });
  rmSync(`${file}-wal`, { force: true });
  rmSync(`${file}-shm`, { force: true });
  return {
    writes: w.ms,
    pointReads: p.ms,
    rangeScans: r.ms,
    writesCpu: w.cpuMs,
    pointReadsCpu: p.cpuMs,
    rangeScansCpu: r.cpuMs,
    bytes,
  };
}

export interface SqliteBenchResult {
  options: SqliteBenchOptions;
  plain: Measures;
  encrypted: Measures;
  versions: { sqlite: string; cipher: string };
}

export async function benchSqlite(o: SqliteBenchOptions = DEFAULT_OPTIONS): Promise<SqliteBenchResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'parcours-bench-sqlite-'));
  const key = randomBytes(32);
  try {
    const plainFile = path.join(dir, 'plain.db');
    const encFile = path.join(dir, 'encrypted.db');
    const openPlainDb = () => openPlain(plainFile);
    const openEncDb = (create: boolean) => openEncrypted({ file: encFile, key, create });
    const all: { plain: Measures[]; encrypted: Measures[] } = { plain: [], encrypted: [] };
    for (let round = 0; round < o.rounds; round += 1) {
      const order = round % 2 === 0 ? (['plain', 'encrypted'] as const) : (['encrypted', 'plain'] as const);
      for (const kind of order) {
        all[kind].push(
          kind === 'plain'
            ? await workload(openPlainDb, plainFile, o)
            : await workload(openEncDb, encFile, o),
        );
      }
    }
    const med = (list: Measures[]): Measures => ({
      writes: median(list.map((m) => m.writes)),
      pointReads: median(list.map((m) => m.pointReads)),
      rangeScans: median(list.map((m) => m.rangeScans)),
      writesCpu: median(list.map((m) => m.writesCpu)),
      pointReadsCpu: median(list.map((m) => m.pointReadsCpu)),
      rangeScansCpu: median(list.map((m) => m.rangeScansCpu)),
      bytes: median(list.map((m) => m.bytes)),
    });
    const probe = new Database(':memory:');
    const versions = {
      sqlite: (probe.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v,
      cipher: (probe.prepare('SELECT sqlite3mc_version() AS v').get() as { v: string }).v,
    };
    probe.close();
    return { options: o, plain: med(all.plain), encrypted: med(all.encrypted), versions };
  } finally {
    key.fill(0);
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatSqlite(r: SqliteBenchResult): string {
  const o = r.options;
  const rowsTotal = o.batches * o.batchSize;
  const line = (name: string, key: 'writes' | 'pointReads' | 'rangeScans', target: number) => {
    const x = r.encrypted[key] / r.plain[key];
    const cpu = r.encrypted[`${key}Cpu`] / r.plain[`${key}Cpu`];
    return [
      name,
      ms(r.plain[key]),
      ms(r.encrypted[key]),
      `${x.toFixed(3)}×`,
      `${cpu.toFixed(3)}×`,
      `≤ ${ratio(target)}`,
      x <= target ? 'ok' : 'OVER',
    ];
  };
  return [
    `Encrypted vs plain SQLite (${r.versions.cipher}, SQLite ${r.versions.sqlite}; chacha20 vs none; WAL, synchronous=FULL; median of ${o.rounds} alternating rounds)`,
    table(
      ['workload', 'plain', 'encrypted', 'enc/plain', 'cpu enc/plain', 'target', 'verdict (wall)'],
      [
        line(
          `batched writes (${o.batches} × ${o.batchSize.toLocaleString('en')} rows per transaction)`,
          'writes',
          TARGETS.writes,
        ),
        line(
          `point reads by primary key (${o.pointReads.toLocaleString('en')} lookups, ${rowsTotal.toLocaleString('en')} rows)`,
          'pointReads',
          TARGETS.reads,
        ),
        line(
          `range scans on an index (${o.rangeScans.toLocaleString('en')} × ${o.rangeLength} rows)`,
          'rangeScans',
          TARGETS.reads,
        ),
      ],
    ),
    `  database size after the writes: plain ${(r.plain.bytes / 1024 / 1024).toFixed(1)} MiB, encrypted ${(r.encrypted.bytes / 1024 / 1024).toFixed(1)} MiB`,
  ].join('\n');
}
