/**
 * Starting and stopping `parcours serve` (the built CLI) on a data folder: used by the global
 * set-up to build the seeded centre and by each test for its own server.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const CLI = path.join(ROOT, 'bin', 'parcours.mjs');
const START_TIMEOUT_MS = 60_000;

export interface ParcoursServer {
  url: string;
  dataDir: string;
  /** Everything the server printed, to explain a failure. */
  output: () => string;
}

export interface RunningServer {
  server: ParcoursServer;
  child: ChildProcessWithoutNullStreams;
}

export function requireBuild(): void {
  if (!existsSync(path.join(ROOT, 'dist', 'renderer', 'index.html')))
    throw new Error('The renderer bundle is missing: run `npm run build` before the end-to-end tests.');
  if (!existsSync(path.join(ROOT, 'dist', 'server', 'cli.cjs')))
    throw new Error('The CLI is not built: run `npm run build` before the end-to-end tests.');
}

export async function startServer(dataDir: string): Promise<RunningServer> {
  requireBuild();
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

/** SIGTERM lets the server close the store cleanly (checkpointed, nothing left in the WAL). */
export async function stopServer(child: ChildProcessWithoutNullStreams): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
