/**
 * Electron main process: lifecycle only. The core for this workstation runs in its own process
 * (core-process.ts, core-client.ts): main binds it to the window through IPC and never touches the
 * database itself, so no query can freeze the window. The security rules live in policy.ts (pure),
 * security.ts (sessions and webContents), protocol.ts (app://) and ipc.ts (sender check); see
 * docs/electron-shell.md.
 */
import { app, dialog, Menu, session } from 'electron';
import type { CoreApi } from '../core/api/types';
import { CoreClient } from './core-client';
import { forkCoreProcess } from './core-process';
import { trustedSenderCheck, registerIpcHandlers } from './ipc';
import { installAutoLock, lockEverything } from './lock';
import { errorKind, logEvent } from './log';
import { buildMenu } from './menu';
import { configureProfile, RENDERER_ROOT, resolveDataDir, resolveNativeBinding } from './paths';
import { APP_PARTITION } from './policy';
import { registerAppScheme, serveRenderer } from './protocol';
import { hardenSession, installWebContentsGuard } from './security';
import { createMainWindow, focusMainWindow, trustedWebContentsIds } from './window';

const APP_USER_MODEL_ID = 'org.parcours.app';

/**
 * Switches that open a debugger on a running app. Node's --inspect is disabled by a fuse in
 * packaged builds (electron-builder.yml); Chromium's remote debugging has no fuse, so a packaged
 * app refuses to start with it rather than expose the decrypted dossiers of an unlocked session.
 * Development runs keep them: Playwright drives the app through them.
 */
const DEBUG_SWITCHES = ['remote-debugging-port', 'remote-debugging-pipe', 'inspect', 'inspect-brk'];

let core: CoreApi | null = null;
let teardown: Array<() => void> = [];
let quitting = false;

function fatal(err: unknown): void {
  logEvent('startup.failed', { kind: errorKind(err) });
  // The dialog (not the log) carries the message: it is about the installation, and the person
  // reading it is the one who can fix it.
  const detail = err instanceof Error ? err.message : String(err);
  dialog.showErrorBox('Parcours', `Parcours n'a pas pu démarrer. / Parcours could not start.\n\n${detail}`);
  app.exit(1);
}

async function start(): Promise<void> {
  const appSession = session.fromPartition(APP_PARTITION);
  hardenSession(session.defaultSession);
  hardenSession(appSession);
  serveRenderer(appSession, RENDERER_ROOT);
  Menu.setApplicationMenu(buildMenu(app.isPackaged));

  const dataDir = resolveDataDir();
  const nativeBinding = resolveNativeBinding();
  const opened = new CoreClient({
    spawn: forkCoreProcess,
    init: { dataDir, ...(nativeBinding === undefined ? {} : { nativeBinding }) },
    onEvent: logEvent,
    // A new core process has no session: the windows show the lock screen, which leads to login.
    onRestart: () => lockEverything(opened, 'core-restarted'),
  });
  await opened.start();
  core = opened;

  teardown.push(registerIpcHandlers(opened, trustedSenderCheck(trustedWebContentsIds)));
  teardown.push(installAutoLock(opened));
  await createMainWindow({ onRendererGone: () => lockEverything(opened, 'renderer-gone') });
  logEvent('started', { packaged: app.isPackaged });
}

/** Locks and closes the store after the windows are gone; the database is never left half-written. */
function closeCoreThenQuit(event: Electron.Event): void {
  const open = core;
  if (open === null) return;
  event.preventDefault();
  if (quitting) return;
  quitting = true;
  for (const undo of teardown) undo();
  teardown = [];
  try {
    open.lockAllSessions();
  } catch (err) {
    logEvent('quit.lock_failed', { kind: errorKind(err) });
  }
  open
    .close()
    .catch((err: unknown) => logEvent('quit.close_failed', { kind: errorKind(err) }))
    .finally(() => {
      core = null;
      app.quit();
    });
}

function main(): void {
  if (app.isPackaged && DEBUG_SWITCHES.some((name) => app.commandLine.hasSwitch(name))) {
    logEvent('startup.refused_debug_switch');
    app.exit(1);
    return;
  }
  configureProfile();
  // One process per profile: two would open the same encrypted database.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  // Sandbox every renderer, even one created without our webPreferences.
  app.enableSandbox();
  registerAppScheme();
  installWebContentsGuard();

  app.on('second-instance', focusMainWindow);
  // Quit on every platform when the window closes (macOS included): the store closes with it.
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', closeCoreThenQuit);

  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => fatal(err));
}

main();
