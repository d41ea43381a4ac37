/**
 * Policies that apply to every session and every webContents, whoever created them: no
 * permission, no network, no navigation away from the app, no new window, no <webview>.
 */
import { app, shell, type Session, type WebContents } from 'electron';
import { isAllowedExternalUrl, isAppUrl } from './policy';
import { logEvent } from './log';

/**
 * The renderer of a case-management app needs no camera, microphone, location, notification,
 * clipboard read, USB, serial, HID, MIDI or full-screen element: every request and every check
 * is answered "no". Chromium's own defaults differ between permissions; this does not.
 */
export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_webContents, permission, callback) => {
    logEvent('permission.denied', { permission });
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // The page never talks to the network (the core is reached through IPC): cancel any http(s),
  // ws(s) or file request at the network layer too, in case a CSP is ever loosened by mistake.
  ses.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'file://*/*'] },
    (_details, callback) => {
      callback({ cancel: true });
    },
  );
}

function openExternalIfAllowed(url: string): void {
  if (!isAllowedExternalUrl(url)) {
    logEvent('external_url.refused');
    return;
  }
  shell.openExternal(url).catch(() => logEvent('external_url.open_failed'));
}

/** Navigation, redirects, pop-ups and webviews for one webContents. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) {
      event.preventDefault();
      logEvent('navigation.refused');
    }
  });
  // Subframes too (the CSP forbids frames already; this holds even if it did not).
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) {
      event.preventDefault();
      logEvent('navigation.refused', { frame: 'sub' });
    }
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) {
      event.preventDefault();
      logEvent('redirect.refused');
    }
  });
  contents.setWindowOpenHandler(({ url }) => {
    // Never a new Electron window; at most the OS browser for an allow-listed https host.
    openExternalIfAllowed(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logEvent('webview.refused');
  });
}

/** Applies `hardenWebContents` to every webContents ever created, including ones we did not ask for. */
export function installWebContentsGuard(): void {
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents);
  });
}
