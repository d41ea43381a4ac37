/**
 * Each test gets its own data folder and its own `parcours serve` on a free port, so tests never
 * share a centre and can run in parallel. The folder starts as a copy of the seeded centre built
 * once by global-setup.ts (`startFrom: 'seeded-centre'`, the default) or empty (`'empty-folder'`:
 * the set-up wizard, an unreadable store). The server is stopped and the folder removed after.
 */
import { test as base, expect, type ConsoleMessage } from '@playwright/test';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seedInfo } from './seed';
import { startServer, stopServer, type ParcoursServer } from './server';

export type { ParcoursServer } from './server';

interface Fixtures {
  /** What the data folder holds before the server starts. */
  startFrom: 'seeded-centre' | 'empty-folder';
  /** Files (name → content) written into the data folder before the server starts; default none. */
  dataDirFiles: Record<string, string>;
  /** The test's data folder. */
  dataDir: string;
  parcours: ParcoursServer;
  /** Console errors of the page: a CSP violation or an uncaught error fails the test. */
  pageErrors: string[];
}

export const test = base.extend<Fixtures>({
  startFrom: ['seeded-centre', { option: true }],
  dataDirFiles: [{}, { option: true }],
  dataDir: async ({ startFrom, dataDirFiles }, use) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parcours-e2e-'));
    if (startFrom === 'seeded-centre') await cp(seedInfo().dataDir, dir, { recursive: true });
    for (const [name, content] of Object.entries(dataDirFiles))
      await writeFile(path.join(dir, name), content);
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  parcours: async ({ dataDir }, use, testInfo) => {
    const { server, child } = await startServer(dataDir);
    try {
      await use(server);
    } finally {
      await stopServer(child);
      if (testInfo.status !== testInfo.expectedStatus)
        await testInfo.attach('server-output', { body: server.output(), contentType: 'text/plain' });
    }
  },
  baseURL: async ({ parcours }, use) => {
    await use(parcours.url);
  },
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(err.message));
      page.on('console', (msg: ConsoleMessage) => {
        if (msg.type() === 'error') errors.push(msg.text());
      });
      await use(errors);
      expect(errors, 'the page logged errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
