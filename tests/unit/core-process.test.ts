/**
 * The desktop's core process protocol (electron/main/core-client.ts ↔
 * electron/core/workers/core-host.ts), under Node: a `child_process.fork` child stands in for
 * Electron's utilityProcess (same messages, structured clone). No Electron binary is needed, and
 * no test waits on a clock: answers are ordered by the test (a fake core that holds calls) or by
 * the processes' own events.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/contract/envelope';
import type { ToCore } from '../../electron/core/workers/core-protocol';
import { CoreClient, type CoreProcess } from '../../electron/main/core-client';
import { ADMIN, tempDir } from './helpers/core';

const ROOT = path.resolve(__dirname, '../..');
const REAL_ENTRY = path.join(ROOT, 'electron/core/workers/core-process.ts');
const FAKE_ENTRY = path.join(__dirname, 'helpers/fake-core-process.ts');

const clients: CoreClient[] = [];
const children: ChildProcess[] = [];
afterEach(async () => {
  while (clients.length) await clients.pop()!.close();
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill();
});

/** Forks `entry` under tsx, as Electron forks the bundled entry as a utilityProcess. */
function spawner(entry: string, env: Record<string, string> = {}): () => CoreProcess {
  expect(existsSync(path.join(ROOT, 'node_modules/tsx'))).toBe(true);
  return () => {
    const child = fork(entry, [], {
      execArgv: ['--import', 'tsx'],
      serialization: 'advanced',
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    children.push(child);
    // A send on a channel that just closed is reported here; the exit event settles the calls.
    child.on('error', () => undefined);
    return {
      post: (message: ToCore) => {
        if (!child.connected) throw new Error('channel closed');
        child.send(message);
      },
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.once('exit', (code) => listener(code)),
      kill: () => {
        child.kill();
      },
    };
  };
}

function client(
  entry: string,
  options: Partial<ConstructorParameters<typeof CoreClient>[0]> & { env?: Record<string, string> } = {},
): CoreClient {
  const { env, ...rest } = options;
  const c = new CoreClient({
    spawn: spawner(entry, env),
    init: { dataDir: tempDir('parcours-coreproc-') },
    ...rest,
  });
  clients.push(c);
  return c;
}

const ipc = { transport: 'ipc' as const };
const value = (r: Result<unknown>): unknown => (r.ok ? r.value : r.error.code);

describe('core process protocol (fake core)', () => {
  it('correlates answers by id, whatever order they come back in', async () => {
    const c = client(FAKE_ENTRY);
    await c.start();
    const order: string[] = [];
    const first = c.dispatch('hold', 'a', ipc).then((r) => (order.push('a'), r));
    const second = c.dispatch('hold', 'b', ipc).then((r) => (order.push('b'), r));
    const echoes = await Promise.all([1, 2, 3].map((n) => c.dispatch('echo', { n }, ipc)));
    expect(echoes.map(value)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(order).toEqual([]);
    // Released in the reverse order of sending: each answer still reaches its own caller.
    await c.dispatch('release', 'b', ipc);
    expect(value(await second)).toBe('held b');
    await c.dispatch('release', 'a', ipc);
    expect(value(await first)).toBe('held a');
    expect(order).toEqual(['b', 'a']);
  });

  it('a core process that dies answers its calls with store_unavailable, and a new one takes over', async () => {
    const events: string[] = [];
    let restarts = 0;
    const c = client(FAKE_ENTRY, {
      onEvent: (event) => events.push(event),
      onRestart: () => (restarts += 1),
    });
    await c.start();
    const pending = c.dispatch('hold', 'x', ipc);
    const crash = c.dispatch('crash', {}, ipc);
    for (const r of await Promise.all([pending, crash])) {
      expect(r).toEqual({
        ok: false,
        error: {
          code: 'store_unavailable',
          message: 'The core process stopped',
          details: { problem: 'core_process_exited' },
        },
      });
    }
    // Sent before the new process is ready: queued, then answered by it.
    expect(value(await c.dispatch('echo', 'after', ipc))).toBe('after');
    expect(c.spawned).toBe(2);
    expect(restarts).toBe(1);
    expect(events).toEqual(['core.restarting']);
  });

  it('restarts a bounded number of times, then answers at once without a core', async () => {
    const events: string[] = [];
    const c = client(FAKE_ENTRY, { maxRestarts: 2, now: () => 0, onEvent: (event) => events.push(event) });
    await c.start();
    for (let i = 0; i < 3; i += 1)
      expect(value(await c.dispatch('crash', {}, ipc))).toBe('store_unavailable');
    expect(events).toEqual(['core.restarting', 'core.restarting', 'core.gave_up']);
    expect(c.spawned).toBe(3);
    expect(value(await c.dispatch('echo', 'anyone?', ipc))).toBe('store_unavailable');
    await c.lockAll(); // resolves: nothing to lock, nothing to wait for
    expect(c.spawned).toBe(3);
  });

  it('deaths outside the restart window do not add up', async () => {
    let t = 0;
    const c = client(FAKE_ENTRY, { maxRestarts: 1, restartWindowMs: 1000, now: () => t });
    await c.start();
    for (let i = 0; i < 3; i += 1) {
      t += 5000;
      expect(value(await c.dispatch('crash', {}, ipc))).toBe('store_unavailable');
      expect(value(await c.dispatch('echo', i, ipc))).toBe(i);
    }
    expect(c.spawned).toBe(4);
  });

  it('a core process that freezes is ended after its silence, and its calls answered', async () => {
    const events: string[] = [];
    const c = client(FAKE_ENTRY, { stallMs: 1000, onEvent: (event) => events.push(event) });
    await c.start();
    // Waiting calls, a core that says nothing: the watchdog ends it; no call hangs.
    const frozen = await Promise.all([c.dispatch('hold', 'w', ipc), c.dispatch('freeze', {}, ipc)]);
    expect(frozen.map(value)).toEqual(['store_unavailable', 'store_unavailable']);
    expect(events).toEqual(['core.stalled', 'core.restarting']);
    expect(value(await c.dispatch('echo', 'alive', ipc))).toBe('alive');
    expect(c.spawned).toBe(2);
  });

  it('lock-all and close go through the same channel, in order with the calls', async () => {
    const c = client(FAKE_ENTRY);
    await c.start();
    c.lockAllSessions();
    expect(value(await c.dispatch('locks', {}, ipc))).toBe(1);
    await c.lockAll();
    expect(value(await c.dispatch('locks', {}, ipc))).toBe(2);
    const held = c.dispatch('hold', 'h', ipc);
    await c.close();
    // Closed: the unanswered call and any later one get the envelope, nothing hangs.
    expect(value(await held)).toBe('store_unavailable');
    expect(value(await c.dispatch('echo', 1, ipc))).toBe('store_unavailable');
  });

  it('a core that cannot start makes start() fail with its reason', async () => {
    const c = client(FAKE_ENTRY, { env: { FAKE_CORE_INIT_FAIL: '1' } });
    await expect(c.start()).rejects.toThrow('cannot create the data folder');
    expect(value(await c.dispatch('echo', 1, ipc))).toBe('store_unavailable');
  });
});

describe('core process protocol (the real core process)', () => {
  it('sets up, logs in, locks every session and closes through the protocol', async () => {
    const c = client(REAL_ENTRY);
    await c.start();
    expect(value(await c.dispatch('setup.status', {}, ipc))).toEqual({ state: 'needs_setup' });
    const setup = await c.dispatch(
      'setup.initialize',
      {
        centreName: 'Poste de travail',
        locale: 'fr',
        sites: [{ code: 'MTP', name: 'Montpellier', timezone: 'Europe/Paris' }],
        admin: ADMIN,
      },
      ipc,
    );
    expect(setup.ok).toBe(true);
    const login = await c.dispatch('auth.login', { username: ADMIN.username, password: ADMIN.password }, ipc);
    if (!login.ok) throw new Error(login.error.code);
    const token = (login.value as { token: string }).token;
    expect(value(await c.dispatch('users.list', { page: 1, pageSize: 10 }, { ...ipc, token }))).toMatchObject(
      {
        total: 1,
      },
    );
    expect(value(await c.dispatch('users.list', { page: 1, pageSize: 10 }, ipc))).toBe('unauthenticated');
    expect(value(await c.dispatch('no.such.channel', {}, ipc))).toBe('not_found');

    await c.lockAll();
    expect(value(await c.dispatch('users.list', { page: 1, pageSize: 10 }, { ...ipc, token }))).toBe(
      'locked',
    );

    // The core process is killed (as by a native crash): a new one starts on the same folder,
    // with no session — the old token is worthless, the store waits for a login.
    const first = children[0];
    const gone = new Promise((resolve) => first.once('exit', resolve));
    first.kill('SIGKILL');
    await gone;
    expect(value(await c.dispatch('setup.status', {}, ipc))).toEqual({ state: 'locked' });
    expect(value(await c.dispatch('auth.session', {}, { ...ipc, token }))).toBe('unauthenticated');
    expect(c.spawned).toBe(2);
    // Quit: the store closes, then the process ends.
    const second = children[1];
    const ended = new Promise((resolve) => second.once('exit', resolve));
    await c.close();
    await ended;
  });
});
