#!/usr/bin/env node
// Builds better-sqlite3-multiple-ciphers for the Electron ABI, next to (not over) the Node-ABI
// build in node_modules that the unit tests and the `parcours` CLI load. `npm start` runs this
// before `electron .`; electron/main/paths.ts passes the result to the core as `nativeBinding`.
//
//   node scripts/electron-native.mjs            build if missing or stale
//   node scripts/electron-native.mjs --force    rebuild
//   PARCOURS_SKIP_ELECTRON_NATIVE=1             skip (CI jobs that never start Electron)
//
// Where: node_modules/.cache/parcours-native-electron/<module>@<version>-electron-<version>-<platform>-<arch>/
// (outside dist/, which `npm run build` wipes; the name must match nativeBuildFolderName() in
// electron/main/paths.ts, so a build for another Electron or module version is never loaded).
//
// How: copy the package sources there, fetch the Electron headers with `node-gyp install`, then
// `node-gyp rebuild` against them, the way Electron documents for manual builds. When the headers
// cannot be fetched (offline machine), it says so and exits 0: the rest of `npm start` still runs,
// and the app reports at start-up that its database driver is missing.
// Packaged builds do not use this: electron-builder rebuilds node_modules itself (npmRebuild).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MODULE = 'better-sqlite3-multiple-ciphers';
const HEADERS_URL = 'https://electronjs.org/headers';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const force = process.argv.includes('--force');
const say = (line) => console.log(`electron-native: ${line}`);

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

if (process.env.PARCOURS_SKIP_ELECTRON_NATIVE === '1') {
  say('skipped (PARCOURS_SKIP_ELECTRON_NATIVE=1)');
  process.exit(0);
}

const modulePkgFile = path.join(root, 'node_modules', MODULE, 'package.json');
const electronPkgFile = path.join(root, 'node_modules', 'electron', 'package.json');
if (!existsSync(modulePkgFile) || !existsSync(electronPkgFile)) {
  say(`skipped: ${MODULE} or electron is not installed (run npm install first)`);
  process.exit(0);
}
const moduleVersion = readJson(modulePkgFile).version;
const electronVersion = readJson(electronPkgFile).version;
const { platform, arch } = process;

const folder = `${MODULE}@${moduleVersion}-electron-${electronVersion}-${platform}-${arch}`;
const cacheRoot = path.join(root, 'node_modules', '.cache', 'parcours-native-electron');
const target = path.join(cacheRoot, folder, MODULE);
const binary = path.join(target, 'build', 'Release', 'better_sqlite3.node');
const stampFile = path.join(target, '.parcours-build.json');
const stamp = { module: MODULE, moduleVersion, electronVersion, platform, arch };

if (!force && existsSync(binary) && existsSync(stampFile)) {
  const previous = readJson(stampFile);
  if (Object.entries(stamp).every(([key, value]) => previous[key] === value)) {
    say(`up to date (${folder})`);
    process.exit(0);
  }
}

// node-gyp: the project's copy if hoisted, else the one bundled with npm (npm exports its path).
function findNodeGyp() {
  const require = createRequire(path.join(root, 'package.json'));
  try {
    return require.resolve('node-gyp/bin/node-gyp.js');
  } catch {
    const fromNpm = process.env.npm_config_node_gyp;
    if (fromNpm && existsSync(fromNpm)) return fromNpm;
    return null;
  }
}
const nodeGyp = findNodeGyp();
if (nodeGyp === null) {
  say('failed: node-gyp not found (it comes with npm and with electron-builder; run npm install)');
  process.exit(1);
}

// npm passes its configuration to scripts as npm_config_* variables, and node-gyp reads them as
// options. A `nodedir`, `target`, `runtime` or `disturl` from a user's .npmrc would make node-gyp
// build against Node's headers and produce a Node-ABI binary under an Electron name. Keep only the
// network settings (proxy, CA) that the header download may need.
const KEEP_NPM_CONFIG = new Set(['proxy', 'https_proxy', 'http_proxy', 'noproxy', 'cafile', 'strict_ssl']);
const env = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => {
    const lower = key.toLowerCase();
    return !lower.startsWith('npm_config_') || KEEP_NPM_CONFIG.has(lower.slice('npm_config_'.length));
  }),
);
// Electron headers live apart from Node's, as Electron's documentation recommends.
const devdir = path.join(os.homedir(), '.electron-gyp');
const gypTarget = [
  `--target=${electronVersion}`,
  `--arch=${arch}`,
  `--dist-url=${HEADERS_URL}`,
  `--devdir=${devdir}`,
];

function nodeGypRun(args, cwd, timeoutMs) {
  return spawnSync(process.execPath, [nodeGyp, ...args], { cwd, env, stdio: 'inherit', timeout: timeoutMs });
}

say(`Electron ${electronVersion} headers (${platform}-${arch})…`);
const headers = nodeGypRun(['install', ...gypTarget], root, 5 * 60_000);
if (headers.status !== 0) {
  say(
    `skipped: the Electron ${electronVersion} headers could not be fetched from ${HEADERS_URL} (offline?).`,
  );
  say('The Electron app cannot open its database until this build exists;');
  say(
    'run `node scripts/electron-native.mjs` again with network access. Tests and the CLI are not affected.',
  );
  process.exit(0);
}

say(`building ${MODULE} ${moduleVersion} for Electron ${electronVersion} in ${path.relative(root, target)}`);
rmSync(path.join(cacheRoot, folder), { recursive: true, force: true });
mkdirSync(target, { recursive: true });
const source = path.join(root, 'node_modules', MODULE);
// Sources only: the existing build/ is the Node-ABI one and must not leak into this copy.
cpSync(source, target, {
  recursive: true,
  filter: (from) => {
    const rel = path.relative(source, from);
    const first = rel.split(path.sep)[0];
    return first !== 'build' && first !== 'node_modules' && first !== 'prebuilds';
  },
});

const build = nodeGypRun(
  [
    'rebuild',
    '--release',
    `--jobs=${Math.max(1, os.availableParallelism?.() ?? os.cpus().length)}`,
    ...gypTarget,
  ],
  target,
  30 * 60_000,
);
if (build.status !== 0 || !existsSync(binary)) {
  // The headers were there, so this is a real build failure (compiler, toolchain): say it loudly.
  rmSync(path.join(cacheRoot, folder), { recursive: true, force: true });
  say(`failed: node-gyp rebuild exited with ${build.status ?? build.signal}. A C/C++ toolchain is required`);
  say(
    '(Linux: build-essential and python3; macOS: Xcode command line tools; Windows: Visual Studio Build Tools).',
  );
  process.exit(1);
}
writeFileSync(stampFile, `${JSON.stringify({ ...stamp, builtAt: new Date().toISOString() }, null, 2)}\n`);
say(`done: ${path.relative(root, binary)}`);
