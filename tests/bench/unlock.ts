/**
 * Unlock time: what a user waits for between typing the password and the first screen of data.
 * Keyring unwrap with the production scrypt cost (N=2^17, r=8, p=1), opening the encrypted file
 * (key, then a real read), and the migrations check (TypeORM on the verified handle).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCore } from '../../electron/core';
import { Keyring } from '../../electron/core/db/keyring';
import { OWASP_SCRYPT, unwrapKey } from '../../electron/core/db/keywrap';
import { openEncrypted } from '../../electron/core/db/sqlite';
import { Store, databasePath } from '../../electron/core/db/store';
import { median, ms, percentile, ratio, table, timed } from './stats';

/** Issue 8: scrypt N=2^17 stays (about 0.7 s of CPU alone on a 2-core server); the target is 1 s. */
export const UNLOCK_TARGET_MS = 1000;

export interface UnlockResult {
  runs: number;
  unwrap: number;
  unwrapCpu: number;
  openVerify: number;
  storeOpen: number;
  total: number;
  totalP95: number;
  totalCpu: number;
}

const ADMIN = { username: 'bench', displayName: 'Bench', password: 'Cle-De-Mesure-2026' };

export async function benchUnlock(runs = 10): Promise<UnlockResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'parcours-bench-unlock-'));
  try {
    // A real centre, set up with the production KDF cost (the default of createCore).
    const core = await createCore({ dataDir: dir, log: () => undefined });
    const r = await core.dispatch(
      'setup.initialize',
      {
        centreName: 'Bench',
        locale: 'fr',
        sites: [{ code: 'BEN', name: 'Bench', timezone: 'Europe/Paris' }],
        admin: ADMIN,
      },
      { transport: 'http' },
    );
    if (!r.ok) throw new Error(`set-up failed: ${r.error.code} ${r.error.field ?? ''}`);
    await core.close();

    const unwrap: number[] = [];
    const unwrapCpu: number[] = [];
    const openVerify: number[] = [];
    const storeOpen: number[] = [];
    const total: number[] = [];
    const totalCpu: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const ring = Keyring.load(dir);
      const account = ring?.account(ADMIN.username);
      if (!ring || !account) throw new Error('no account in the keyring');
      if (account.wrapped.kdf.N !== OWASP_SCRYPT.N)
        throw new Error('the keyring is not at the production cost');
      const u = await timed(() => unwrapKey(account.wrapped, ADMIN.password));
      const key = u.value;
      if (!key) throw new Error('unwrap failed');
      // The raw part alone: key pragma + verifying read, for the breakdown.
      const raw = await timed(() => openEncrypted({ file: databasePath(dir), key, cipher: ring.cipher }));
      raw.value.close();
      // What the app really does after the unwrap: open, verify, TypeORM, migrations check.
      const s = await timed(() => Store.open({ dataDir: dir, key, cipher: ring.cipher }));
      await s.value.close();
      key.fill(0);
      unwrap.push(u.ms);
      unwrapCpu.push(u.cpuMs);
      openVerify.push(raw.ms);
      storeOpen.push(s.ms);
      total.push(u.ms + s.ms);
      totalCpu.push(u.cpuMs + s.cpuMs);
    }
    return {
      runs,
      unwrap: median(unwrap),
      unwrapCpu: median(unwrapCpu),
      openVerify: median(openVerify),
      storeOpen: median(storeOpen),
      total: median(total),
      totalP95: percentile(total, 95),
      totalCpu: median(totalCpu),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatUnlock(r: UnlockResult): string {
  const verdict = r.totalP95 <= UNLOCK_TARGET_MS ? 'within target' : 'OVER TARGET';
  return [
    `Unlock (scrypt N=2^17 r=8 p=1; median of ${r.runs} runs)`,
    table(
      ['step', 'median'],
      [
        ['keyring unwrap (scrypt + AES-256-GCM)', ms(r.unwrap)],
        ['  its CPU time (what it costs on an idle core)', ms(r.unwrapCpu)],
        ['store open (file, key, verify, TypeORM, migrations check)', ms(r.storeOpen)],
        ['  of which: file + key + verifying read alone', ms(r.openVerify)],
        ['unlock total (unwrap + store open)', ms(r.total)],
        ['  its CPU time', ms(r.totalCpu)],
        ['unlock total, p95', ms(r.totalP95)],
      ],
    ),
    `  target p95 ≤ ${UNLOCK_TARGET_MS} ms → ${ratio(r.totalP95 / UNLOCK_TARGET_MS)} of the target (${verdict})`,
  ].join('\n');
}
