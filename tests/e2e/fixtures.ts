/**
 * Each test gets a fresh data folder and its own `parcours serve` on a free port, so tests never
 * share a centre and can run in parallel. The server is stopped and the folder removed after.
 */
import { test as base, expect, type ConsoleMessage } from '@playwright/test';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'bin', 'parcours.mjs');
const START_TIMEOUT_MS = 60_000;

export interface ParcoursServer {
  url: string;
  dataDir: string;
  /** Everything the server printed, to explain a failure. */
  output: () => string;
}

async function startServer(
  dataDir: string,
): Promise<{ server: ParcoursServer; child: ChildProcessWithoutNullStreams }> {
  if (!existsSync(path.join(ROOT, 'dist', 'renderer', 'index.html'))) {
    throw new Error('The renderer bundle is missing: run `npm run build` before the end-to-end tests.');
  }
  const child = spawn(process.execPath, [CLI, 'serve', '--data', dataDir, '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, PARCOURS_LANG: 'en' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`parcours serve did not start within ${START_TIMEOUT_MS} ms:\n${output}`)),
      START_TIMEOUT_MS,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`parcours serve exited with code ${String(code)}:\n${output}`));
    });
  });
  return { server: { url, dataDir, output: () => output }, child };
}

async function stopServer(child: ChildProcessWithoutNullStreams): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

interface Fixtures {
  /** Files (name → content) written into the data folder before the server starts; default none. */
  dataDirFiles: Record<string, string>;
  /** The test's data folder, holding `dataDirFiles` when the server starts in it. */
  dataDir: string;
  parcours: ParcoursServer;
  /** Console errors of the page: a CSP violation or an uncaught error fails the test. */
  pageErrors: string[];
}

export const test = base.extend<Fixtures>({
  dataDirFiles: [{}, { option: true }],
  dataDir: async ({ dataDirFiles }, use) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parcours-e2e-'));
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
