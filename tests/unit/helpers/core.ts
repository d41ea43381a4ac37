/**
 * Test cores run on real encrypted databases in fresh temporary folders. Only the scrypt cost of
 * new wraps is lowered (N=2^12) so the suite stays fast; the production cost is measured in
 * tests/bench.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { ChannelInput, ChannelName, ChannelOutput, Result } from '../../../shared/contract';
import { createCore, type Core } from '../../../electron/core';

export const TEST_KDF = { N: 2 ** 12, r: 8, p: 1 };

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

export function tempDir(prefix = 'parcours-test-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export class FakeClock {
  constructor(public t = Date.parse('2026-03-02T09:00:00Z')) {}
  now = (): Date => new Date(this.t);
  advance(ms: number): void {
    this.t += ms;
  }
}

export interface TestCore {
  core: Core;
  dataDir: string;
  clock: FakeClock;
  logs: string[];
  call<C extends ChannelName>(
    channel: C,
    input: ChannelInput<C>,
    token?: string,
  ): Promise<Result<ChannelOutput<C>>>;
  /** Calls and fails the test if the answer is not ok. */
  must<C extends ChannelName>(channel: C, input: ChannelInput<C>, token?: string): Promise<ChannelOutput<C>>;
}

export async function startCore(dataDir = tempDir(), clock = new FakeClock()): Promise<TestCore> {
  const logs: string[] = [];
  const core = await createCore({ dataDir, now: clock.now, kdfCost: TEST_KDF, log: (l) => logs.push(l) });
  cleanups.push(() => core.close());
  const call = async <C extends ChannelName>(channel: C, input: ChannelInput<C>, token?: string) =>
    (await core.dispatch(channel, input, { token, transport: 'http' })) as Result<ChannelOutput<C>>;
  const must = async <C extends ChannelName>(channel: C, input: ChannelInput<C>, token?: string) => {
    const r = await call(channel, input, token);
    if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
    return r.value;
  };
  return { core, dataDir, clock, logs, call, must };
}

export const ADMIN = {
  username: 'camille',
  displayName: 'Camille Coordination',
  password: 'Coordination-2026!',
};

/** A centre set up with two sites and a logged-in coordinator. */
export async function setUpCentre(
  t?: TestCore,
): Promise<TestCore & { token: string; recoveryCode: string; siteIds: string[] }> {
  const tc = t ?? (await startCore());
  const { recoveryCode } = await tc.must('setup.initialize', {
    centreName: 'SPOT Test',
    locale: 'fr',
    sites: [
      { code: 'MTP', name: 'Montpellier centre', city: 'Montpellier', timezone: 'Europe/Paris' },
      { code: 'OUT', name: 'Hors les murs', timezone: 'Europe/Paris' },
    ],
    admin: ADMIN,
  });
  const session = await tc.must('auth.login', { username: ADMIN.username, password: ADMIN.password });
  return { ...tc, token: session.token, recoveryCode, siteIds: session.user.sites.map((s) => s.id) };
}
