/**
 * A scheduled backup while the clinic server runs: `parcours backup` finds the server in the
 * folder's lock, logs in to it and the server writes the backup — one writer on the store, and
 * the centre keeps working. The server writes files only for a command on its own machine, and
 * never over an existing file.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.PARCOURS_LANG = 'fr';
});

import { createCore, type Core } from '../../electron/core';
import { readBackup } from '../../electron/core/db/backup';
import { readOwner } from '../../electron/core/db/owner-lock';
import { createHttpServer, listen } from '../../electron/server/http-server';
import { cliMessages } from '../../shared/i18n/cli';
import { cli } from './helpers/cli';
import { ADMIN, TEST_KDF, tempDir } from './helpers/core';

const fr = cliMessages.fr;
const AS_ADMIN = { PARCOURS_USER: ADMIN.username, PARCOURS_PASSWORD: ADMIN.password };
const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (stops.length) await stops.pop()!();
});

async function runningServer(): Promise<{ core: Core; dataDir: string }> {
  const dataDir = tempDir('parcours-served-');
  const core = await createCore({ dataDir, kdfCost: TEST_KDF, owner: 'serve' });
  const setup = await core.dispatch(
    'setup.initialize',
    { centreName: 'SPOT Test', locale: 'fr', sites: [{ code: 'MTP', name: 'Montpellier' }], admin: ADMIN },
    { transport: 'http' },
  );
  if (!setup.ok) throw new Error(JSON.stringify(setup.error));
  const server = createHttpServer({ core, staticDir: tempDir() });
  const { port } = await listen(server, 0);
  core.ownerLock.setUrl(`http://127.0.0.1:${port}`);
  stops.push(async () => {
    server.close();
    server.closeAllConnections();
    await core.close();
  });
  return { core, dataDir };
}

describe('backup beside a running server', () => {
  it('goes through the server: the file is written, verified, and audited; the server keeps the folder', async () => {
    const { core, dataDir } = await runningServer();
    const out = path.join(tempDir('parcours-served-out-'), 'nuit.parcours-backup');
    const r = await cli(['backup', '--data', dataDir, '--out', out], AS_ADMIN);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(new RegExp(`^${fr.backupDone.split('{{')[0]}`));
    expect(readBackup(out).header.schemaVersion).toBeGreaterThan(0);
    const login = await core.dispatch(
      'auth.login',
      { username: ADMIN.username, password: ADMIN.password },
      { transport: 'http' },
    );
    expect(login.ok).toBe(true);
    const token = login.ok ? (login.value as { token: string }).token : '';
    const audit = await core.dispatch(
      'audit.list',
      { action: 'backup', page: 1, pageSize: 5 },
      { token, transport: 'http' },
    );
    expect(audit.ok ? (audit.value as { total: number }).total : 0).toBe(1);
  });

  it('refuses a caller that is not on the server itself, and never overwrites a file', async () => {
    const { core, dataDir } = await runningServer();
    const login = await core.dispatch(
      'auth.login',
      { username: ADMIN.username, password: ADMIN.password },
      { transport: 'http' },
    );
    const token = login.ok ? (login.value as { token: string }).token : '';
    const out = path.join(tempDir('parcours-served-out-'), 'b.parcours-backup');
    const remote = await core.dispatch(
      'centre.backup',
      { out },
      { token, transport: 'http', client: '192.168.1.30' },
    );
    expect(remote.ok ? null : remote.error).toMatchObject({
      code: 'validation',
      details: { reason: 'loopback_only' },
    });
    expect(existsSync(out)).toBe(false);
    // A browser behind a reverse proxy on the server comes from loopback too: its forwarded address counts.
    const url = core.ownerLock ? readOwner(dataDir)?.url : undefined;
    const proxied = await fetch(`${url}/api/centre.backup`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'x-forwarded-for': '192.168.1.30',
      },
      body: JSON.stringify({ out }),
    });
    expect(await proxied.json()).toMatchObject({
      ok: false,
      error: { details: { reason: 'loopback_only' } },
    });
    expect(existsSync(out)).toBe(false);
    writeFileSync(out, 'do not touch');
    const r = await cli(['backup', '--data', dataDir, '--out', out], AS_ADMIN);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Ce fichier existe déjà');
  });
});
