/**
 * The app window and the registry of windows this process created. Only their webContents may
 * call the IPC handlers (see policy.ts isTrustedSender) or receive the lock event.
 */
import { app, BrowserWindow, dialog, type WebContents } from 'electron';
import path from 'node:path';
import { APP_ENTRY_URL, APP_PARTITION } from './policy';
import { PRELOAD_PATH } from './paths';
import { logEvent } from './log';
import { leavesPage, unloadLanguage, unloadPrompt } from './unload-prompt';

const trustedIds = new Set<number>();
const trustedContents = new Map<number, WebContents>();

/** Ids of the webContents of our windows (read by the IPC sender check). */
export const trustedWebContentsIds: ReadonlySet<number> = trustedIds;

export function trustedWebContents(): WebContents[] {
  return [...trustedContents.values()].filter((contents) => !contents.isDestroyed());
}

/** After this many renderer crashes within CRASH_WINDOW_MS, stop reloading: it would loop. */
const MAX_CRASHES = 3;
const CRASH_WINDOW_MS = 5 * 60_000;

export interface WindowHooks {
  /** The renderer process of a window is gone: its in-memory session token is lost with it. */
  onRendererGone(): void;
}

export async function createMainWindow(hooks: WindowHooks): Promise<BrowserWindow> {
  const win = new BrowserWindow({
    width: 1280,
    height: 840,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'Parcours',
    backgroundColor: '#ffffff',
    // Linux shows this in the task bar in development; packaged builds take the icon from the .desktop file.
    ...(process.platform === 'linux' && !app.isPackaged
      ? { icon: path.join(app.getAppPath(), 'resources', 'icon.png') }
      : {}),
    webPreferences: {
      // Isolated world for the preload: the page cannot reach its objects or Electron's.
      contextIsolation: true,
      // OS-level sandbox for the renderer process; the preload gets only a minimal require.
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Spell checking sends nothing by itself but downloads dictionaries from a Google CDN.
      spellcheck: false,
      experimentalFeatures: false,
      // Middle-click (auxclick) could open a link in a new window past setWindowOpenHandler.
      disableBlinkFeatures: 'Auxclick',
      enableWebSQL: false,
      navigateOnDragDrop: false,
      // A page may not block the user with an endless series of alert() dialogs.
      safeDialogs: true,
      // No DevTools in what clinics install: they would show every dossier and the session token.
      devTools: !app.isPackaged,
      partition: APP_PARTITION,
      preload: PRELOAD_PATH,
    },
  });

  const contents = win.webContents;
  const id = contents.id;
  trustedIds.add(id);
  trustedContents.set(id, contents);
  contents.once('destroyed', () => {
    trustedIds.delete(id);
    trustedContents.delete(id);
  });

  let crashes: number[] = [];
  contents.on('render-process-gone', (_event, details) => {
    logEvent('renderer.gone', { reason: details.reason });
    hooks.onRendererGone();
    if (details.reason === 'clean-exit' || win.isDestroyed()) return;
    const now = Date.now();
    crashes = [...crashes.filter((at) => now - at < CRASH_WINDOW_MS), now];
    if (crashes.length >= MAX_CRASHES) {
      win.close();
      return;
    }
    contents.reload();
  });

  // A form holds unsaved work (the page cancelled beforeunload): ask, rather than refuse to close silently.
  contents.on('will-prevent-unload', (event) => {
    const answer = dialog.showMessageBoxSync(win, unloadPrompt(unloadLanguage(app.getLocale())));
    if (leavesPage(answer)) event.preventDefault();
  });

  win.once('ready-to-show', () => win.show());
  await win.loadURL(APP_ENTRY_URL);
  return win;
}

/** Brings the existing window forward when the user starts Parcours a second time. */
export function focusMainWindow(): void {
  const win = BrowserWindow.getAllWindows().find((candidate) => trustedIds.has(candidate.webContents.id));
  if (win === undefined) return;
  if (win.isMinimized()) win.restore();
  win.focus();
}
