/**
 * Kill -9 torture: a child process commits records (a site and its hash-chained audit entries per
 * transaction) and reports each id after the commit; the parent kills it with SIGKILL at random
 * moments, 200+ times on the same data folder. After every kill the parent reopens the store and
 * proves: every reported record is there, `PRAGMA integrity_check` is `ok`, no transaction is half
 * there, and the audit chain verifies.
 *
 * Spawning is the cost: the child is bundled once (see childCommand), and the next child starts
 * loading while the current one writes (it waits for "go" on stdin before it opens the store).
 * Set TORTURE_SEED to replay a run. TORTURE_ITERATIONS lowers the count for the quick local
 * command (`npm run test:quick`); CI and `npm test` leave it unset and run the full count.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { verifyChain } from '../../electron/core/audit/audit-log';
import { integrityOk } from '../../electron/core/db/fingerprint';
import { Store, databasePath } from '../../electron/core/db/store';
import { tempDir } from './helpers/core';
import { writerChildCommand as childCommand, type ChildCommand } from './helpers/writer-child';

const ROOT = path.resolve(__dirname, '../..');
const FULL_ITERATIONS = 210;

/**
 * The full count is what proves durability; a lower one only makes a local run faster. A value
 * that is not a whole number of at least 10 fails loudly rather than quietly testing nothing.
 */
function iterations(): number {
  const raw = process.env.TORTURE_ITERATIONS;
  if (raw === undefined || raw === '') return FULL_ITERATIONS;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 10)
    throw new Error(`TORTURE_ITERATIONS must be an integer >= 10, not ${raw}`);
  return n;
}
const ITERATIONS = iterations();

/** mulberry32: a seeded PRNG so that a failing run can be replayed with TORTURE_SEED. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type KillMode = 'after_records' | 'after_first_ms' | 'any_time';

interface ChildRun {
  reported: Array<{ id: string; seq: number }>;
  ready: boolean;
  signal: NodeJS.Signals | null;
  code: number | null;
  stderr: string;
}

interface WarmChild {
  /** Lets the child open the store and write; kills it as `mode` says; resolves once it is gone. */
  go(mode: KillMode, rand: () => number): Promise<ChildRun>;
  kill(): void;
}

/** Starts a child that loads its modules and waits: the next child warms up while the current one runs. */
function warmChild(cmd: ChildCommand, env: Record<string, string>): WarmChild {
  const child = spawn(cmd.command, cmd.args, {
    cwd: ROOT,
    env: { ...process.env, ...cmd.env, ...env, TORTURE_WAIT: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const run: ChildRun = { reported: [], ready: false, signal: null, code: null, stderr: '' };
  let onLine: (line: string) => void = () => undefined;
  let pending = '';
  let killed = false;
  const kill = (): void => {
    if (killed) return;
    killed = true;
    child.kill('SIGKILL');
  };
  const closed = new Promise<ChildRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      run.code = code;
      run.signal = signal;
      resolve(run);
    });
  });
  child.stdin.on('error', () => undefined); // killed before it read "go"
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? ''; // a line without its newline was not fully reported: ignore it
    for (const line of lines) onLine(line);
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (run.stderr += chunk));

  return {
    kill,
    async go(mode, rand) {
      const wantRecords = 1 + Math.floor(rand() * 30);
      const afterFirstMs = 5 + Math.floor(rand() * 56);
      onLine = (line) => {
        if (line === 'ready') {
          run.ready = true;
          return;
        }
        const [id, seq] = line.split(' ');
        run.reported.push({ id, seq: Number(seq) });
        if (run.reported.length === 1 && mode === 'after_first_ms') setTimeout(kill, afterFirstMs);
        if (mode === 'after_records' && run.reported.length >= wantRecords) kill();
      };
      if (mode === 'any_time') setTimeout(kill, Math.floor(rand() * 150));
      const guard = setTimeout(kill, 20_000); // a child that never writes must not hang the suite
      child.stdin.end('go\n');
      const result = await closed;
      clearTimeout(guard);
      return result;
    },
  };
}

describe('kill -9 torture of the encrypted store', () => {
  it(
    `keeps every committed record and an intact audit chain across ${ITERATIONS} SIGKILLs`,
    { timeout: 300_000 },
    async () => {
      const seed = Number(process.env.TORTURE_SEED ?? Math.floor(Math.random() * 2 ** 31));
      const rand = prng(seed);
      const cmd = await childCommand();
      const dataDir = tempDir('parcours-torture-');
      const key = randomBytes(32);
      const reported = new Map<string, number>();
      let killsDuringWrites = 0;

      const envOf = (i: number) => ({
        TORTURE_DIR: dataDir,
        TORTURE_KEY: key.toString('hex'),
        TORTURE_TAG: `r${i}`,
      });
      let next = warmChild(cmd, envOf(0));
      onTestFinished(() => next.kill());

      for (let i = 0; i < ITERATIONS; i += 1) {
        // The first run creates the store; killing it half-way through set-up is not this test's subject.
        const mode: KillMode =
          i === 0
            ? 'after_records'
            : (['after_records', 'after_first_ms', 'any_time'] as const)[Math.floor(rand() * 3)];
        const current = next;
        if (i + 1 < ITERATIONS) next = warmChild(cmd, envOf(i + 1));
        const run = await current.go(mode, rand);
        const where = `iteration ${i} (seed ${seed}, mode ${mode})`;
        if (run.signal !== 'SIGKILL')
          throw new Error(`${where}: the child ended by itself (code ${run.code}): ${run.stderr}`);
        expect(run.stderr, where).toBe('');
        if (run.reported.length > 0) killsDuringWrites += 1;
        for (const r of run.reported) reported.set(r.id, r.seq);
        if (!existsSync(databasePath(dataDir))) continue;

        // Restart: the store opens with the key, and everything reported is there, whole.
        const store = await Store.open({ dataDir, key });
        try {
          expect(integrityOk(store.handle), `${where}: integrity_check`).toBe(true);
          const sites = new Set(
            (
              store.handle.prepare("SELECT id FROM site WHERE id LIKE 'r%'").all() as Array<{ id: string }>
            ).map((r) => r.id),
          );
          const audit = store.handle
            .prepare("SELECT seq, target_id AS target, action FROM audit_log WHERE target_type = 'site'")
            .all() as Array<{ seq: number; target: string; action: string }>;
          const bySeq = new Map(audit.map((a) => [a.seq, a.target]));
          const missing = [...reported.entries()].filter(
            ([id, seq]) => !sites.has(id) || bySeq.get(seq) !== id,
          );
          expect(missing, `${where}: reported records lost`).toEqual([]);

          // Atomicity: each committed site has exactly the audit entries of its transaction.
          const entries = new Map<string, number>();
          for (const a of audit) entries.set(a.target, (entries.get(a.target) ?? 0) + 1);
          const halfWritten = [...new Set([...sites, ...entries.keys()])].filter((id) => {
            const n = Number(id.split('-')[1]);
            return entries.get(id) !== (n % 4 === 3 ? 6 : 1) || !sites.has(id);
          });
          expect(halfWritten, `${where}: half-written transactions`).toEqual([]);

          const chain = await verifyChain(store.manager);
          const total = (store.handle.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number })
            .n;
          expect(chain, `${where}: audit chain`).toEqual({
            intact: true,
            checked: total,
            firstBrokenSeq: null,
            problem: null,
          });
        } finally {
          await store.close();
        }
      }

      expect(reported.size).toBeGreaterThan(ITERATIONS);
      expect(killsDuringWrites).toBeGreaterThan(ITERATIONS / 2);
      console.log(
        `kill -9 torture: ${ITERATIONS} iterations (${killsDuringWrites} killed while writing), ${reported.size} reported records verified, seed ${seed}`,
      );
    },
  );
});
