/**
 * "The window never waits for the database" (issue 6, item 9), measured side by side in one run:
 * as-you-type search through `dispatch` on a centre of 10,000 persons,
 *   - alone;
 *   - while a ~2-second long read runs without pause through the long-read worker (`audit.verify`
 *     walking and re-hashing an audit chain sized to take about two seconds here);
 * and, for reference only, while the same long read runs in the core's own thread (what a long
 * read did before the worker: every other call waits behind it).
 * Target: search p95 with the long read ≤ 1.5× search p95 alone.
 *
 * The two measured sides alternate in blocks (ABBA…), both warmed first, ≥ 200 samples each. Beside
 * the wall-clock times, the main thread's CPU time per search (Linux: /proc/self/task/<pid>/stat):
 * on two shared cores, wall time also counts waiting for a core, CPU time mostly does not.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { GENESIS_HASH, keyedEntryHash } from '../../electron/core/audit/audit-log';
import { centre, fillPersons, p95, type Centre } from './reception';
import { median, ms, ratio, table } from './stats';

const PERSONS = 10_000;
const BLOCKS = 10;
const PER_BLOCK = 25;
const INLINE_SAMPLES = 20;
const TARGET_LONG_READ_MS = 2000;
/** A keystroke every 40 ms (faster than anyone types): a block spans a good part of a long read. */
const KEYSTROKE_MS = 40;

/** Names typed one letter at a time, as at the reception desk. */
const TYPED = [
  'Amélie Martin',
  'Karim Benali',
  'Yasmine Diallo',
  'Mamadou Traoré',
  'Sacha Nguyen',
  'Inès Moreau',
];
const QUERIES = TYPED.flatMap((name) =>
  Array.from({ length: name.length - 1 }, (_, i) => name.slice(0, i + 2)).filter((q) => !q.endsWith(' ')),
);

/** CPU time of this thread only (the long-read worker is another thread of this process). */
const THREAD_STAT = `/proc/self/task/${process.pid}/stat`;
const CLOCK_TICK_MS = 10; // USER_HZ = 100 on Linux
function mainThreadCpuMs(): number | null {
  if (!existsSync(THREAD_STAT)) return null;
  const fields = readFileSync(THREAD_STAT, 'utf8').split(') ')[1]?.split(' ') ?? [];
  // After "pid (comm) ": state is field 3, utime 14, stime 15 → indexes 11 and 12 here.
  return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS;
}

/** Appends `count` entries to the audit chain, keyed as the core keys them (HMAC under K_audit). */
function fillAudit(c: Centre, count: number): void {
  const store = c.core.ctx.vault.requireStore();
  const db = store.handle;
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const insert = db.prepare(
    `INSERT INTO audit_log (seq, at, actor_id, action, section, person_id, target_type, target_id, site_id, reason, detail, prev_hash, hash, chain_version)
     VALUES (?, ?, ?, 'read', 'identity', ?, NULL, NULL, ?, NULL, NULL, ?, ?, 2)`,
  );
  const t0 = Date.parse('2025-01-02T08:00:00Z');
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      seq += 1;
      const fields = {
        seq,
        at: new Date(t0 + seq * 60_000).toISOString(),
        actorId: c.userId,
        action: 'read',
        section: 'identity',
        personId: randomUUID(),
        targetType: null,
        targetId: null,
        siteId: c.siteId,
        reason: null,
        detail: null,
        prevHash,
      };
      const hash = keyedEntryHash(store.auditKey.key, fields);
      insert.run(seq, fields.at, c.userId, fields.personId, c.siteId, prevHash, hash);
      prevHash = hash;
    }
  })();
}

interface Block {
  times: number[];
  cpuMs: number | null;
  /** Searches that started while a long read was in flight. */
  overlapped: number;
}

const pause = (msDelay: number) => new Promise((resolve) => setTimeout(resolve, msDelay));

export async function benchLongReads(): Promise<string> {
  const c = await centre();
  // The reception worker searches; the coordinator (audit.read) runs the long read.
  const login = await c.core.dispatch(
    'auth.login',
    { username: 'coord', password: 'Bench-password-2026' },
    { transport: 'http' },
  );
  if (!login.ok) throw new Error(`auth.login: ${login.error.code}`);
  const coordinator = (login.value as { token: string }).token;
  const call = (channel: string, input: unknown, token = c.token) =>
    c.core.dispatch(channel, input, { token, transport: 'http' });
  const verify = () => call('audit.verify', {}, coordinator);
  let q = 0;
  const search = () => call('persons.search', { query: QUERIES[q++ % QUERIES.length], limit: 20 });

  async function block(n: number, busy: () => boolean = () => false, paced = true): Promise<Block> {
    const times: number[] = [];
    let cpuMs: number | null = 0;
    let overlapped = 0;
    for (let i = 0; i < n; i++) {
      if (paced) await pause(KEYSTROKE_MS);
      if (busy()) overlapped += 1;
      const cpu0 = mainThreadCpuMs();
      const start = performance.now();
      const r = await search();
      times.push(performance.now() - start);
      const cpu1 = mainThreadCpuMs();
      cpuMs = cpuMs === null || cpu0 === null || cpu1 === null ? null : cpuMs + cpu1 - cpu0;
      if (!r.ok) throw new Error(`persons.search: ${r.error.code}`);
    }
    return { times, cpuMs, overlapped };
  }

  /** Runs audit.verify back to back until stopped; resolves with each run's duration. */
  function longReadLoop(): { started: Promise<void>; busy: () => boolean; stop: () => Promise<number[]> } {
    let running = true;
    let inFlight = false;
    const durations: number[] = [];
    let markStarted!: () => void;
    const started = new Promise<void>((resolve) => (markStarted = resolve));
    const loop = (async () => {
      while (running) {
        const start = performance.now();
        const pending = verify();
        inFlight = true;
        markStarted();
        const r = await pending;
        inFlight = false;
        if (!r.ok) throw new Error(`audit.verify: ${r.error.code}`);
        durations.push(performance.now() - start);
      }
    })();
    return {
      started,
      busy: () => inFlight,
      stop: async () => {
        running = false;
        await loop;
        return durations;
      },
    };
  }

  try {
    const t0 = performance.now();
    fillPersons(c, PERSONS);
    // Size the audit chain so that one verification takes about two seconds on this machine.
    fillAudit(c, 50_000);
    await verify(); // starts the worker
    let entries = 0;
    for (let round = 0; round < 3; round++) {
      const probeStart = performance.now();
      const probe = await verify();
      const probeMs = performance.now() - probeStart;
      if (!probe.ok) throw new Error(`audit.verify: ${probe.error.code}`);
      entries = (probe.value as { checked: number }).checked;
      if (probeMs >= 0.9 * TARGET_LONG_READ_MS) break;
      const wanted = Math.min(3_000_000, Math.round((entries * TARGET_LONG_READ_MS) / probeMs));
      fillAudit(c, wanted - entries);
      entries = wanted;
    }
    const filled = performance.now() - t0;

    // Warm both sides.
    await block(30);
    const warm = longReadLoop();
    await warm.started;
    await block(30);
    await warm.stop();

    const alone: Block[] = [];
    const withLong: Block[] = [];
    const longRuns: number[] = [];
    for (let b = 0; b < BLOCKS; b++) {
      // ABBA…: neither side always goes first.
      const order = b % 2 === 0 ? ['alone', 'long'] : ['long', 'alone'];
      for (const side of order) {
        if (side === 'alone') alone.push(await block(PER_BLOCK));
        else {
          const loop = longReadLoop();
          await loop.started;
          withLong.push(await block(PER_BLOCK, loop.busy));
          longRuns.push(...(await loop.stop()));
        }
      }
    }

    // Reference: the same long read in the core's own thread (the route flag ignored).
    const runner = c.core.ctx.longReads;
    c.core.ctx.longReads = undefined;
    const inlineLoop = longReadLoop();
    await inlineLoop.started;
    // Not paced: a long read in this thread runs as one chain of already-resolved promises, so
    // not even a timer fires until it ends (which is the point of the worker).
    const inline = await block(INLINE_SAMPLES, inlineLoop.busy, false);
    const inlineRuns = await inlineLoop.stop();
    c.core.ctx.longReads = runner;

    const all = (blocks: Block[]) => blocks.flatMap((x) => x.times);
    const cpuPerSearch = (blocks: Block[]) =>
      blocks.some((x) => x.cpuMs === null)
        ? null
        : blocks.reduce((sum, x) => sum + (x.cpuMs ?? 0), 0) / all(blocks).length;
    const a = all(alone);
    const l = all(withLong);
    const cpuA = cpuPerSearch(alone);
    const cpuL = cpuPerSearch(withLong);
    const cpuText = (v: number | null) => (v === null ? 'n/a' : ms(v));
    const rows = [
      [`alone (${a.length} searches)`, ms(median(a)), ms(p95(a)), cpuText(cpuA), ''],
      [
        `while audit.verify runs in the long-read worker (${l.length})`,
        ms(median(l)),
        ms(p95(l)),
        cpuText(cpuL),
        '',
      ],
      [
        'ratio with / without',
        ratio(median(l) / median(a)),
        ratio(p95(l) / p95(a)),
        cpuA && cpuL ? ratio(cpuL / cpuA) : 'n/a',
        '≤ 1.50× (p95)',
      ],
      [
        `reference: audit.verify in the core's thread (${inline.times.length})`,
        ms(median(inline.times)),
        ms(p95(inline.times)),
        '',
        'not a target',
      ],
    ];
    return [
      table(
        ['as-you-type search, 10,000 persons, through dispatch', 'p50', 'p95', 'cpu/search', 'target'],
        rows,
      ),
      `  (scale: ${PERSONS.toLocaleString('en')} persons, ${entries.toLocaleString('en')} audit entries; ` +
        `one audit.verify in the worker: median ${ms(median(longRuns))} over ${longRuns.length} runs, ` +
        `in-process ${inlineRuns.length ? ms(median(inlineRuns)) : 'n/a'}; ` +
        `${withLong.reduce((n, x) => n + x.overlapped, 0)} of ${l.length} searches started while it ran; ` +
        `${BLOCKS} alternating blocks of ${PER_BLOCK}, one search every ${KEYSTROKE_MS} ms; ` +
        `cpu = main thread only; data written in ${ms(filled)})`,
    ].join('\n');
  } finally {
    await c.core.close();
    rmSync(c.dir, { recursive: true, force: true });
  }
}
