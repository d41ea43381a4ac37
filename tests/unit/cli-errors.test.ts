/**
 * A command that fails for a reason of the system — a folder where a file was expected, a missing
 * folder, a port in use — says which path or port and what to do, never "Failed: Error".
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.PARCOURS_LANG = 'fr';
});

import { cli, message } from './helpers/cli';
import { cliMessages } from '../../shared/i18n/cli';
import { ADMIN, setUpCentre, tempDir } from './helpers/core';

const fr = cliMessages.fr;
const AS_ADMIN = { PARCOURS_USER: ADMIN.username, PARCOURS_PASSWORD: ADMIN.password };

describe('the command line names the cause of a system failure', () => {
  it('a folder given as the backup file, an export into a missing folder, a restore onto a file', async () => {
    const t = await setUpCentre();
    await t.core.close();
    const folder = tempDir('parcours-cli-out-');
    const backup = await cli(['backup', '--data', t.dataDir, '--out', folder], AS_ADMIN);
    expect(backup.code).toBe(1);
    expect(backup.err.trim()).toBe(message(fr.isDirectory, { path: folder }));

    const missing = path.join(tempDir('parcours-cli-out-'), 'nope', 'export.jsonl');
    const exported = await cli(['export', '--data', t.dataDir, '--out', missing], {
      ...AS_ADMIN,
      PARCOURS_RECOVERY_CODE: t.recoveryCode,
    });
    expect(exported.code).toBe(1);
    expect(exported.err).not.toContain('Échec');
    expect(exported.err.trim()).toMatch(new RegExp(`${path.dirname(missing)}|${missing}`));

    const file = path.join(tempDir('parcours-cli-out-'), 'a-file');
    writeFileSync(file, 'x');
    const good = path.join(tempDir('parcours-cli-out-'), 'ok.parcours-backup');
    expect((await cli(['backup', '--data', t.dataDir, '--out', good], AS_ADMIN)).code).toBe(0);
    const restored = await cli(['restore', '--from', good, '--data', path.join(file, 'data')], AS_ADMIN);
    expect(restored.code).toBe(1);
    expect(restored.err).not.toContain('Échec');
  }, 60_000);

  it('a port already in use says so and how to choose another', async () => {
    const busy = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', () => r()));
    const { port } = busy.address() as AddressInfo;
    try {
      const dir = tempDir('parcours-cli-serve-');
      mkdirSync(dir, { recursive: true });
      const r = await cli(['serve', '--data', dir, '--port', String(port)]);
      expect(r.code).toBe(1);
      expect(r.err.trim()).toBe(message(fr.portInUse, { port }));
    } finally {
      busy.close();
    }
  });
});
