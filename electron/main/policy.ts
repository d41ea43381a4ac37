/**
 * The security policy of the shell as plain data and pure functions: the app origin, the CSP,
 * the external-link allow-list, the file resolution of the app protocol and the sender check.
 * Nothing here imports `electron`, so every rule can be tested in plain Node
 * (tests/electron/policy.spec.ts) even on a machine without an Electron binary.
 */
import path from 'node:path';

/** The renderer is served from `app://parcours/`, never from file:// (see protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'parcours';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The session of the app windows. No `persist:` prefix: Chromium keeps it in memory only, so no
 * cache, cookie, localStorage or IndexedDB of the page ever reaches the disk of the workstation.
 */
export const APP_PARTITION = 'parcours-app';

/**
 * Hosts that `shell.openExternal` may open (https only, exact host match). Empty on purpose: the
 * app has no link that leaves it. Add a host here, and only here, when one is needed (for
 * example a public health reference site), and say why in docs/electron-shell.md.
 */
export const EXTERNAL_HTTPS_HOSTS: readonly string[] = [];

/**
 * Content-Security-Policy of every response of the app protocol.
 * - script-src 'self': only the bundled scripts; no inline script, no eval, no remote code.
 * - style-src 'unsafe-inline': Mantine writes its CSS variables in a <style> element; inline
 *   style cannot run code, which is why this is tolerated and script is not.
 * - connect-src 'self': the page talks to the core through IPC, never over the network.
 * - everything else that can load or embed content is 'none'.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "child-src 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
  "base-uri 'none'",
].join('; ');

/** Headers added to every response of the app protocol. */
export const RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  // The bundle is on the local disk: caching it buys nothing and would keep copies around.
  'Cache-Control': 'no-store',
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
};

/** The MIME type of a bundle file; null for a type the renderer has no business loading. */
export function contentTypeFor(file: string): string | null {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? null;
}

function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * True for a URL of the app origin. Compared field by field: Node's URL gives the origin "null"
 * for a non-special scheme such as app:, so `url.origin` cannot be used.
 */
export function isAppUrl(raw: string): boolean {
  const url = parseUrl(raw);
  return (
    url !== null &&
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}

/** True when `raw` may be handed to the operating system's browser. */
export function isAllowedExternalUrl(
  raw: string,
  allowedHosts: readonly string[] = EXTERNAL_HTTPS_HOSTS,
): boolean {
  const url = parseUrl(raw);
  return (
    url !== null &&
    url.protocol === 'https:' &&
    url.username === '' &&
    url.password === '' &&
    url.port === '' &&
    allowedHosts.includes(url.hostname)
  );
}

/**
 * Maps a request of the app protocol to a file inside `root` (the renderer bundle), or null.
 * The URL parser already folds `..` segments, but percent-encoded separators (`%2f`, `%5c`) only
 * become separators after decoding, so the decoded path is resolved again and must stay inside
 * `root`. A null byte, a malformed escape or a URL of another origin is refused.
 */
export function resolveAppFile(root: string, rawUrl: string): string | null {
  if (!isAppUrl(rawUrl)) return null;
  const url = new URL(rawUrl);
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  if (relative === '' || path.isAbsolute(relative) || /^[a-zA-Z]:/.test(relative)) return null;
  const base = path.resolve(root);
  const target = path.resolve(base, relative);
  if (!target.startsWith(base + path.sep)) return null;
  return target;
}

/** What the sender check needs of a WebFrameMain. */
export interface FrameLike {
  readonly url: string;
  readonly parent: unknown;
  readonly processId: number;
  readonly frameToken: string;
}

/** What the sender check needs of an IpcMainInvokeEvent. */
export interface SenderLike {
  readonly senderFrame: FrameLike | null;
  readonly sender: { readonly id: number; readonly mainFrame: FrameLike };
}

/**
 * An IPC call is served only when it comes from the top frame of a window this process created,
 * and that frame shows the app origin. A frame that navigated away or was destroyed
 * (senderFrame null), a subframe, or another webContents is refused.
 */
export function isTrustedSender(event: SenderLike, trustedWebContentsIds: ReadonlySet<number>): boolean {
  const frame = event.senderFrame;
  if (frame === null) return false;
  if (!trustedWebContentsIds.has(event.sender.id)) return false;
  if (frame.parent !== null) return false;
  let top: FrameLike;
  try {
    top = event.sender.mainFrame;
  } catch {
    // The webContents is being destroyed.
    return false;
  }
  if (frame.processId !== top.processId || frame.frameToken !== top.frameToken) return false;
  return isAppUrl(frame.url);
}
