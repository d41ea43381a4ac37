import { existsSync } from 'node:fs';
import path from 'node:path';
import { createHttpServer, listen } from '../http-server';
import { openCore, requireOption, t, CliError } from '../cli-support';

/** The renderer bundle sits beside the CLI bundle: dist/server/cli.cjs → dist/renderer. */
export function rendererDir(): string {
  const candidates = [
    path.resolve(__dirname, '../renderer'),
    path.resolve(__dirname, '../../dist/renderer'),
    path.resolve(process.cwd(), 'dist/renderer'),
  ];
  return candidates.find((dir) => existsSync(path.join(dir, 'index.html'))) ?? candidates[0];
}

export async function serveCommand(values: Record<string, unknown>): Promise<void> {
  const dataDir = requireOption(values, 'data');
  const port = values.port === undefined ? 4870 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new CliError(t('missingOption', { option: '--port' }), 2);
  const host = typeof values.host === 'string' ? values.host : '127.0.0.1';
  const core = await openCore(dataDir, 'serve');
  const server = createHttpServer({ core, staticDir: rendererDir(), host });
  let address;
  try {
    address = await listen(server, port, host);
  } catch (err) {
    // Not serving: give the folder back at once.
    await core.close();
    throw err;
  }
  const url = `http://${host}:${address.port}`;
  core.ownerLock.setUrl(url);
  console.log(t('listening', { url }));
  const status = await core.dispatch('setup.status', {}, { transport: 'http' });
  if (status.ok && (status.value as { state: string }).state === 'needs_setup')
    console.log(t('serveNotSetUp', { url }));
  await new Promise<void>((resolve) => {
    const stop = () => {
      server.close(() => resolve());
      server.closeAllConnections();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await core.close();
}
