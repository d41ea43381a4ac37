/**
 * Long reads (`longRead` routes: audit.verify, audit.list) run in a worker thread on their own
 * read-only connection (electron/core/workers). These tests use real encrypted stores and the real
 * worker; the ordering test holds the worker on a latch instead of measuring any time.
 */
import { readdirSync, readFileSync, lstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CONTRACT,
  type ChannelInput,
  type ChannelName,
  type ChannelOutput,
  type Result,
} from '../../shared/contract';
import { createCore, type Core } from '../../electron/core';
import { listAudit, verifyAudit } from '../../electron/core/services/audit/audit-service';
import { openEncrypted } from '../../electron/core/db/sqlite';
import { LONG_READ_NICE } from '../../electron/core/workers/long-read-serve';
import { databasePath, Store } from '../../electron/core/db/store';
import { ADMIN, FakeClock, TEST_KDF, tempDir } from './helpers/core';

const LATCHED_ENTRY = path.join(__dirname, 'helpers', 'latched-long-read-worker.ts');
const GO = 1;
const CRASH = 2;

const cores: Core[] = [];
afterEach(async () => {
  while (cores.length) await cores.pop()!.close();
});

interface Centre {
  core: Core;
  dataDir: string;
  token: string;
  siteIds: string[];
  call<C extends ChannelName>(
    channel: C,
    input: ChannelInput<C>,
    token?: string,
  ): Promise<Result<ChannelOutput<C>>>;
  must<C extends ChannelName>(channel: C, input: ChannelInput<C>, token?: string): Promise<ChannelOutput<C>>;
}

/** The viewer's reader, for the in-process call (dispatch finds it from the session). */
const COORDINATOR = { userId: 'coordinator', roles: ['coordinator'] as const };

async function centre(
  options: { latch?: Int32Array; longReads?: 'worker' | 'inline'; entry?: string; logs?: string[] } = {},
): Promise<Centre> {
  const dataDir = tempDir('parcours-longread-');
  const clock = new FakeClock();
  const core = await createCore({
    dataDir,
    now: clock.now,
    kdfCost: TEST_KDF,
    log: (line) => options.logs?.push(line),
    longReads: options.longReads ?? 'worker',
    ...(options.latch ? { longReadWorker: { entry: LATCHED_ENTRY, extra: options.latch.buffer } } : {}),
    ...(options.entry ? { longReadWorker: { entry: options.entry } } : {}),
  });
  cores.push(core);
  const call = async <C extends ChannelName>(channel: C, input: ChannelInput<C>, token?: string) =>
    (await core.dispatch(channel, input, { token, transport: 'http' })) as Result<ChannelOutput<C>>;
  const must = async <C extends ChannelName>(channel: C, input: ChannelInput<C>, token?: string) => {
    const r = await call(channel, input, token);
    if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
    return r.value;
  };
  await must('setup.initialize', {
    centreName: 'Lectures longues',
    locale: 'fr',
    sites: [{ code: 'MTP', name: 'Montpellier', timezone: 'Europe/Paris' }],
    admin: ADMIN,
  });
  const session = await must('auth.login', { username: ADMIN.username, password: ADMIN.password });
  return { core, dataDir, token: session.token, siteIds: session.user.sites.map((s) => s.id), call, must };
}

/** A few dozen audit entries from ordinary work (accounts created and changed). */
async function history(c: Centre): Promise<void> {
  for (let i = 0; i < 4; i += 1) {
    const { user } = await c.must(
      'users.create',
      { username: `agent${i}`, displayName: `Agent ${i}`, roles: ['community_worker'], siteIds: c.siteIds },
      c.token,
    );
    await c.must(
      'users.update',
      {
        id: user.id,
        version: user.version,
        displayName: `Agent ${i} bis`,
        roles: ['community_worker', 'nurse'],
        siteIds: c.siteIds,
      },
      c.token,
    );
  }
}

/** Resolves once at least `count` jobs have reached the latch in the worker. */
async function reached(latch: Int32Array, count: number): Promise<void> {
  // Atomics.waitAsync (ES2024) is not in this project's lib typings.
  const atomics = Atomics as unknown as {
    waitAsync(a: Int32Array, i: number, v: number): { async: boolean; value: Promise<string> | string };
  };
  for (;;) {
    const seen = Atomics.load(latch, 1);
    if (seen >= count) return;
    const w = atomics.waitAsync(latch, 1, seen);
    if (w.async) await w.value;
  }
}

function release(latch: Int32Array, value: number): void {
  Atomics.store(latch, 0, value);
  Atomics.notify(latch, 0);
}

describe('long reads in the worker', () => {
  it('return what the same handler returns in-process, intact chain or broken', async () => {
    const c = await centre();
    await history(c);
    const inProcessVerify = async () => CONTRACT['audit.verify'].output.parse(await verifyAudit(c.core.ctx));
    const viaWorker = await c.must('audit.verify', {}, c.token);
    expect(viaWorker).toEqual(await inProcessVerify());
    expect(viaWorker.intact).toBe(true);
    expect(c.core.ctx.longReads?.workersStarted).toBe(1);
    if (process.platform === 'linux') {
      // The worker thread runs at a lower CPU priority; the core's thread keeps its own.
      const nice = (tid: string) =>
        readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ')[16];
      const threads = readdirSync('/proc/self/task');
      expect(threads.map(nice)).toContain(String(LONG_READ_NICE));
      expect(nice(String(process.pid))).toBe('0');
    }

    for (const raw of [
      { page: 1, pageSize: 50 },
      { page: 2, pageSize: 5 },
      { page: 1, pageSize: 10, action: 'update' as const },
    ]) {
      const input = CONTRACT['audit.list'].input.parse(raw);
      const inProcess = CONTRACT['audit.list'].output.parse(await listAudit(c.core.ctx, COORDINATOR, input));
      expect(await c.must('audit.list', raw, c.token)).toEqual(inProcess);
    }

    // Someone with the key drops the triggers and edits an entry: both paths name the same entry.
    const db = c.core.ctx.vault.requireStore().handle;
    const triggers = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'")
      .all() as Array<{ name: string }>;
    for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
    db.prepare('UPDATE audit_log SET target_id = ? WHERE seq = 5').run('tampered');
    const broken = await c.must('audit.verify', {}, c.token);
    expect(broken.intact).toBe(false);
    expect(broken.firstBrokenSeq).toBe(5);
    expect(broken).toEqual(await inProcessVerify());
    // One worker served every read.
    expect(c.core.ctx.longReads?.workersStarted).toBe(1);
  });

  it('let other calls — reads and writes — finish while a long read is still running', async () => {
    const latch = new Int32Array(new SharedArrayBuffer(8));
    const c = await centre({ latch });
    await history(c);
    const before = (
      await listAudit(c.core.ctx, COORDINATOR, CONTRACT['audit.list'].input.parse({ page: 1, pageSize: 1 }))
    ).total;
    const events: string[] = [];
    const long = c.call('audit.verify', {}, c.token).then((r) => {
      events.push('long read answered');
      return r;
    });
    // The worker has taken its read snapshot and will stay inside the job until released.
    await reached(latch, 1);
    events.push('long read running');

    const users = await c.call('users.list', { page: 1, pageSize: 20 }, c.token);
    events.push('read answered');
    const created = await c.call(
      'users.create',
      { username: 'pendant', displayName: 'Pendant', roles: ['nurse'], siteIds: c.siteIds },
      c.token,
    );
    events.push('write answered');
    expect(users.ok && created.ok).toBe(true);
    expect(events).toEqual(['long read running', 'read answered', 'write answered']);
    const after = (
      await listAudit(c.core.ctx, COORDINATOR, CONTRACT['audit.list'].input.parse({ page: 1, pageSize: 1 }))
    ).total;
    expect(after).toBeGreaterThan(before);

    release(latch, GO);
    const verified = await long;
    expect(events).toEqual(['long read running', 'read answered', 'write answered', 'long read answered']);
    // The long read saw one consistent snapshot: the chain as it was when it started.
    expect(verified.ok && verified.value).toEqual({
      intact: true,
      checked: before,
      firstBrokenSeq: null,
      problem: null,
    });
    // The next one sees what was written meanwhile, chained on.
    expect(await c.must('audit.verify', {}, c.token)).toMatchObject({ intact: true, checked: after });
  });

  it('a worker that dies fails its call with store_unavailable, and the next long read starts a new one', async () => {
    const latch = new Int32Array(new SharedArrayBuffer(8));
    const c = await centre({ latch });
    const pending = c.call('audit.verify', {}, c.token);
    await reached(latch, 1);
    release(latch, CRASH);
    const r = await pending;
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toMatchObject({ code: 'store_unavailable', details: { problem: 'worker_exited' } });

    release(latch, GO);
    expect((await c.must('audit.verify', {}, c.token)).intact).toBe(true);
    expect(c.core.ctx.longReads?.workersStarted).toBe(2);
    // The core itself never stopped answering.
    expect((await c.must('auth.session', {}, c.token)).user.username).toBe(ADMIN.username);
  });

  it('a build without the worker bundle fails the long read clearly, never silently in-process', async () => {
    const logs: string[] = [];
    const c = await centre({ entry: path.join(tempDir('parcours-nobundle-'), 'long-read-worker.js'), logs });
    const r = await c.call('audit.verify', {}, c.token);
    expect(!r.ok && r.error).toMatchObject({
      code: 'store_unavailable',
      details: { problem: 'worker_exited' },
    });
    expect(logs.join('\n')).toContain('long-read worker entry not found');
    expect((await c.must('auth.session', {}, c.token)).user.username).toBe(ADMIN.username);
  });

  it('permission, session and lock are checked in the core before any worker starts', async () => {
    const c = await centre();
    const { temporaryPassword } = await c.must(
      'users.create',
      { username: 'kasey', displayName: 'Kasey', roles: ['community_worker'], siteIds: c.siteIds },
      c.token,
    );
    const first = await c.must('auth.login', { username: 'kasey', password: temporaryPassword });
    await c.must(
      'auth.changePassword',
      { currentPassword: temporaryPassword, newPassword: 'Nouveau-Mot-de-passe-2026' },
      first.token,
    );
    const refused = await c.call('audit.verify', {}, first.token);
    expect(!refused.ok && refused.error.code).toBe('forbidden');
    const anonymous = await c.call('audit.list', { page: 1, pageSize: 5 });
    expect(!anonymous.ok && anonymous.error.code).toBe('unauthenticated');
    c.core.lockAllSessions();
    const locked = await c.call('audit.verify', {}, c.token);
    expect(!locked.ok && locked.error.code).toBe('locked');
    expect(c.core.ctx.longReads?.workersStarted).toBe(0);
  });

  it('leave the data key in no file of the data folder or the temp folder', async () => {
    const startedAt = Date.now();
    const c = await centre();
    await history(c);
    const key = Buffer.from(c.core.ctx.vault.requireDataKey());
    expect((await c.must('audit.verify', {}, c.token)).intact).toBe(true);
    await c.must('audit.list', { page: 1, pageSize: 20 }, c.token);
    expect(c.core.ctx.longReads?.workersStarted).toBe(1);
    await c.core.close();

    const forms = [
      key,
      Buffer.from(key.toString('hex')),
      Buffer.from(key.toString('hex').toUpperCase()),
      Buffer.from(key.toString('base64')),
      Buffer.from(key.toString('base64url')),
    ];
    const scanned: string[] = [];
    const scan = (dir: string, onlySince: number | null, depth: number): void => {
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        return; // another user's or another test's folder, gone or unreadable
      }
      for (const name of names) {
        const file = path.join(dir, name);
        let st;
        try {
          st = lstatSync(file);
        } catch {
          continue;
        }
        if (st.isSymbolicLink()) continue;
        if (st.isDirectory()) {
          if (depth < 6) scan(file, onlySince, depth + 1);
          continue;
        }
        if (!st.isFile() || st.size > 64 * 1024 * 1024) continue;
        if (onlySince !== null && st.mtimeMs < onlySince - 1000) continue;
        let content: Buffer;
        try {
          content = readFileSync(file);
        } catch {
          continue;
        }
        scanned.push(file);
        for (const form of forms) expect(content.includes(form), `key found in ${file}`).toBe(false);
      }
    };
    scan(c.dataDir, null, 0);
    expect(scanned).toContain(databasePath(c.dataDir));
    // The temp folder is shared with other runs: only what was written since this test started.
    scan(tmpdir(), startedAt, 0);
  });

  it('the worker connection is read-only: SQLite refuses a write on it', async () => {
    const c = await centre({ longReads: 'inline' });
    const key = c.core.ctx.vault.requireDataKey();
    const cipher = c.core.ctx.vault.getKeyring().cipher;
    const reader = await Store.openReadOnly({ dataDir: c.dataDir, key, cipher });
    try {
      const n = (reader.handle.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
      expect(n).toBeGreaterThan(0);
      expect(() => reader.handle.prepare('DELETE FROM centre').run()).toThrow(/readonly/i);
    } finally {
      await reader.close();
    }
    // And a wrong key opens nothing, read-only or not.
    expect(() =>
      openEncrypted({ file: databasePath(c.dataDir), key: Buffer.alloc(32, 7), cipher, readonly: true }),
    ).toThrow();
    expect(c.core.ctx.longReads).toBeUndefined();
  });
});
