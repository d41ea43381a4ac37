/**
 * Where things are on disk: the built bundles, the profile, the data folder, the Electron-ABI
 * build of the SQLite driver. Everything is resolved once, here, before `app` is ready.
 */
import { app } from 'electron';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { logEvent } from './log';

/** dist/main/main.js → dist/. The same layout holds inside app.asar. */
const distDir = path.resolve(__dirname, '..');

export const PRELOAD_PATH = path.join(distDir, 'preload', 'preload.js');
/** The core process's entry (electron/core/workers/core-process.ts), bundled beside main.js. */
export const CORE_PROCESS_PATH = path.join(distDir, 'main', 'core-process.js');
export const RENDERER_ROOT = path.join(distDir, 'renderer');

/** Folder name, under node_modules/.cache, of the builds made by scripts/electron-native.mjs. */
const NATIVE_CACHE = path.join('node_modules', '.cache', 'parcours-native-electron');
const NATIVE_MODULE = 'better-sqlite3-multiple-ciphers';

function absoluteEnv(name: string): string | undefined {
  const value = process.env[name];
  if (value === undefined || value === '') return undefined;
  if (!path.isAbsolute(value)) {
    // A relative path would depend on the working directory of whoever started the app.
    logEvent('env.ignored_relative_path', { name });
    return undefined;
  }
  return value;
}

/**
 * Sets the profile folder before anything reads it (single-instance lock, Chromium profile).
 * A development run gets its own folder so it never opens a real clinic database.
 * PARCOURS_USER_DATA_DIR (tests) gives each run its own profile and its own instance lock.
 */
export function configureProfile(): void {
  const override = absoluteEnv('PARCOURS_USER_DATA_DIR');
  const userData =
    override ?? path.join(app.getPath('appData'), app.isPackaged ? 'Parcours' : 'Parcours (development)');
  mkdirSync(userData, { recursive: true, mode: 0o700 });
  app.setPath('userData', userData);
  // The crash reporter is never started, so nothing is collected; should Chromium still write a
  // dump, it stays inside the profile instead of a shared temp folder.
  app.setPath('crashDumps', path.join(userData, 'crash-dumps'));
}

/** The embedded store's folder: `<userData>/data`, or PARCOURS_DATA_DIR (tests, custom installs). */
export function resolveDataDir(): string {
  const dataDir = absoluteEnv('PARCOURS_DATA_DIR') ?? path.join(app.getPath('userData'), 'data');
  // 0700: on a shared workstation other OS accounts cannot even list the encrypted files.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  return dataDir;
}

/**
 * The `.node` file the DB driver must load inside Electron, or undefined to let it load its own.
 * - Packaged: electron-builder rebuilt node_modules for Electron (npmRebuild), so the driver's
 *   own binary is the right one.
 * - Development: node_modules holds the Node-ABI build (the unit tests need it), so main uses
 *   the copy built for this exact Electron by scripts/electron-native.mjs. Its folder name
 *   carries the module version, the Electron version, the platform and the architecture, so a
 *   stale build is never picked up.
 * - PARCOURS_NATIVE_BINDING (absolute path) overrides both.
 */
export function resolveNativeBinding(): string | undefined {
  const override = absoluteEnv('PARCOURS_NATIVE_BINDING');
  if (override !== undefined) return override;
  if (app.isPackaged) return undefined;
  const appPath = app.getAppPath();
  let moduleVersion: string;
  try {
    const pkg: unknown = JSON.parse(
      readFileSync(path.join(appPath, 'node_modules', NATIVE_MODULE, 'package.json'), 'utf8'),
    );
    moduleVersion =
      typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string'
        ? pkg.version
        : 'unknown';
  } catch {
    moduleVersion = 'unknown';
  }
  const folder = nativeBuildFolderName(
    moduleVersion,
    process.versions.electron ?? 'unknown',
    process.platform,
    process.arch,
  );
  const binding = path.join(
    appPath,
    NATIVE_CACHE,
    folder,
    NATIVE_MODULE,
    'build',
    'Release',
    'better_sqlite3.node',
  );
  if (existsSync(binding)) return binding;
  logEvent('native.electron_build_missing', { hint: 'run: node scripts/electron-native.mjs' });
  return undefined;
}

/** Must stay identical to the name computed in scripts/electron-native.mjs. */
export function nativeBuildFolderName(
  moduleVersion: string,
  electronVersion: string,
  platform: string,
  arch: string,
): string {
  return `${NATIVE_MODULE}@${moduleVersion}-electron-${electronVersion}-${platform}-${arch}`;
}
