/**
 * The writing child process (torture-child.ts) as a command: bundled with esbuild into one file
 * (typeorm included, only the native driver left outside), so each spawn loads in ~0.15 s instead
 * of ~0.5 s under `node --import tsx`, which stays the fallback. Built from the same source on
 * every run.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from './core';

const ROOT = path.resolve(__dirname, '../../..');
export const WRITER_SOURCE = path.join(ROOT, 'tests/unit/helpers/torture-child.ts');

export interface ChildCommand {
  command: string;
  args: string[];
  env: Record<string, string>;
}

export async function writerChildCommand(): Promise<ChildCommand> {
  if (!existsSync(path.join(ROOT, 'node_modules/tsx'))) throw new Error('tsx is not installed');
  try {
    const esbuild = await import('esbuild');
    const outfile = path.join(tempDir('parcours-torture-bin-'), 'torture-child.cjs');
    await esbuild.build({
      entryPoints: [WRITER_SOURCE],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['better-sqlite3-multiple-ciphers'],
      outfile,
      logLevel: 'silent',
    });
    return {
      command: process.execPath,
      args: [outfile],
      env: { NODE_PATH: path.join(ROOT, 'node_modules') },
    };
  } catch {
    return { command: process.execPath, args: ['--import', 'tsx', WRITER_SOURCE], env: {} };
  }
}
