/**
 * The app:// protocol that serves the renderer bundle. A custom standard scheme instead of
 * file:// gives the page a real origin (`app://parcours`), which the IPC sender check and the
 * navigation guard compare against, and keeps the extra privileges Chromium grants to file://
 * pages (reading any other file:// URL) out of reach.
 */
import { protocol, type Session } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { APP_SCHEME, RESPONSE_HEADERS, contentTypeFor, resolveAppFile } from './policy';
import { errorKind, logEvent } from './log';

/** Must run before `app` is ready (Chromium reads the scheme list at start-up). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: {
        // standard: origin semantics and relative URL resolution like https.
        standard: true,
        // secure: a secure context (Web Crypto, etc.), as https would be.
        secure: true,
        // fetch() of bundle files (JSON catalogues, translations) from the page.
        supportFetchAPI: true,
        codeCache: true,
        // Vite emits <script type="module" crossorigin>: a CORS-mode fetch. Same-origin, it needs no
        // CORS; marking the scheme CORS-capable keeps Chromium from refusing the mode outright. It
        // opens nothing to other origins: no response carries Access-Control-Allow-Origin.
        corsEnabled: true,
        // Not bypassCSP: the CSP header below must bind the page. No service workers either.
        bypassCSP: false,
        allowServiceWorkers: false,
      },
    },
  ]);
}

function refuse(status: 404 | 405): Response {
  return new Response(null, { status, headers: { ...RESPONSE_HEADERS } });
}

/** Serves files of `root` only; everything else is a 404 (no listing, no fallback). */
export function serveRenderer(session: Session, root: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
    const file = resolveAppFile(root, request.url);
    if (file === null) return refuse(404);
    const type = contentTypeFor(file);
    if (type === null) return refuse(404);
    try {
      const info = await stat(file);
      if (!info.isFile()) return refuse(404);
      const body = request.method === 'HEAD' ? null : await readFile(file);
      return new Response(body, { status: 200, headers: { ...RESPONSE_HEADERS, 'Content-Type': type } });
    } catch (err) {
      // A missing file is normal (404); do not log the path, a URL may carry anything.
      if (!(err instanceof Error && 'code' in err && err.code === 'ENOENT'))
        logEvent('protocol.read_failed', { kind: errorKind(err) });
      return refuse(404);
    }
  });
}
