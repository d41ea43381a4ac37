/**
 * One process owns a data folder: a second core, a command or a restore on a folder that a
 * running core holds is refused — naming the owner and what to do — and writes nothing; a lock
 * left by a process that is gone is taken over.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.PARCOURS_LANG = 'fr';
});

import { createCore } from '../../electron/core';
import { LOCK_FILE } from '../../electron/core/db/owner-lock';
import { cliMessages } from '../../shared/i18n/cli';
import { cli, message } from './helpers/cli';
import { ADMIN, setUpCentre, TEST_KDF, tempDir } from './helpers/core';

const fr = cliMessages.fr;
const AS_ADMIN = { PARCOURS_USER: ADMIN.username, PARCOURS_PASSWORD: ADMIN.password };

describe('one owner per data folder', () => {
  it('a second core on a folder in use is refused; once closed, the folder opens again', async () => {
    const dir = tempDir('parcours-owner-');
    const first = await createCore({ dataDir: dir, kdfCost: TEST_KDF, owner: 'serve' });
    await expect(createCore({ dataDir: dir, kdfCost: TEST_KDF })).rejects.toMatchObject({
      name: 'StoreError',
      problem: 'in_use',
    });
    await first.close();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    const again = await createCore({ dataDir: dir, kdfCost: TEST_KDF });
    await again.close();
  });

  it('a lock left by a process that is gone is taken over', async () => {
    const dir = tempDir('parcours-owner-');
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const pid = Number(gone.stdout.toString());
    writeFileSync(
      path.join(dir, LOCK_FILE),
      JSON.stringify({ pid, host: hostname(), kind: 'serve', url: null, since: new Date().toISOString() }),
    );
    const core = await createCore({ dataDir: dir, kdfCost: TEST_KDF });
    await core.close();
  });

  it('a command or a restore on a folder the server holds says which and what to do, and writes nothing', async () => {
    const t = await setUpCentre();
    // Owned by the test core (as a running server would): the command may not open it.
    t.core.ownerLock.setUrl('http://127.0.0.1:4870');
    const out = path.join(tempDir('parcours-owner-out-'), 'b.parcours-backup');
    const backup = await cli(['backup', '--data', t.dataDir, '--out', out], AS_ADMIN);
    expect(backup.code).toBe(1);
    expect(backup.err.trim()).toBe(
      message(fr.folderInUse, { owner: fr.owner_test, pid: process.pid, url: 'http://127.0.0.1:4870' }),
    );
    expect(existsSync(out)).toBe(false);

    const before = readdirSync(t.dataDir).sort();
    const restore = await cli(['restore', '--from', out, '--data', t.dataDir, '--replace'], AS_ADMIN);
    expect(restore.code).toBe(1);
    expect(restore.err).toContain(fr.owner_test);
    expect(readdirSync(t.dataDir).sort()).toEqual(before);

    // Recover and import would be second writers too: refused the same way, nothing written.
    const recover = await cli(['recover', '--data', t.dataDir, '--user', ADMIN.username], {
      PARCOURS_RECOVERY_CODE: t.recoveryCode,
    });
    expect(recover.code).toBe(1);
    expect(recover.err).toContain(fr.owner_test);
    const file = path.join(tempDir('parcours-owner-in-'), 'in.jsonl');
    writeFileSync(file, '');
    const imported = await cli(['import', '--data', t.dataDir, file], AS_ADMIN);
    expect(imported.code).toBe(1);
    expect(imported.err).toContain(fr.owner_test);
    expect(readdirSync(t.dataDir).sort()).toEqual(before);
  });
});

describe('leftovers of a killed write', () => {
  it('the owner removes half-written copies (a keyring copy holds wrapped keys) when it opens the folder', async () => {
    const dir = tempDir('parcours-owner-');
    const leftover = path.join(dir, 'keyring.json.0123456789ab.partial');
    writeFileSync(leftover, '{"accounts":{}}');
    const core = await createCore({ dataDir: dir, kdfCost: TEST_KDF });
    expect(existsSync(leftover)).toBe(false);
    await core.close();
  });
});
