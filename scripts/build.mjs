// Builds everything that runs: the Electron main process and preload (CommonJS, as a sandboxed
// preload requires), the `parcours` CLI / clinic server, and the renderer bundle (Vite).
// Dependencies stay external: native modules (better-sqlite3-multiple-ciphers) must load their
// own binary, and TypeORM is large and CommonJS already.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);

if (!existsSync(path.join(root, 'node_modules', 'esbuild'))) {
  console.log('build: dependencies not installed yet, nothing to build');
  process.exit(0);
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  packages: 'external',
  logLevel: 'warning',
  absWorkingDir: root,
};

async function buildNode() {
  // The long-read worker (electron/core/workers) is found beside the bundle that starts it.
  await esbuild({
    ...common,
    entryPoints: {
      cli: 'electron/server/cli.ts',
      'long-read-worker': 'electron/core/workers/long-read-worker.ts',
    },
    outdir: path.join(dist, 'server'),
    outExtension: { '.js': '.cjs' },
  });
  if (existsSync(path.join(root, 'electron/main/main.ts'))) {
    // main.js forwards to the core process (core-process.js, forked as a utilityProcess), which
    // alone loads the store and the native driver.
    await esbuild({
      ...common,
      entryPoints: { main: 'electron/main/main.ts', 'core-process': 'electron/core/workers/core-process.ts' },
      outdir: path.join(dist, 'main'),
      external: ['electron'],
    });
    // The sandboxed preload cannot require anything but a few electron modules: bundle everything in.
    await esbuild({
      ...common,
      packages: undefined,
      minify: true,
      entryPoints: { preload: 'electron/preload/preload.ts' },
      outdir: path.join(dist, 'preload'),
      external: ['electron'],
    });
  }
}

async function buildRenderer() {
  await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}

if (!only) rmSync(dist, { recursive: true, force: true });
if (!only || only === 'node') await buildNode();
if (!only || only === 'renderer') await buildRenderer();
console.log('build: done');
