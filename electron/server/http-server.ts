/**
 * The HTTP transport of `parcours serve`: the renderer bundle and the API on one origin.
 * `POST /api/<channel>` with a JSON body and `Authorization: Bearer <token>`; the answer is the
 * same envelope the IPC transport returns. No cookies, so no CSRF surface; the Host header is
 * checked so a DNS-rebinding page cannot talk to a loopback server.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { CoreApi } from '../core/api/types';

/**
 * The largest body a call may send. With a session: a laboratory file of 5 MB as a JSON string
 * (quotes escaped) fits. Without one (log-in, set-up): a few fields, so a flood of anonymous calls
 * cannot make the server hold much memory.
 */
const MAX_BODY_BYTES = 12 * 1024 * 1024;
const MAX_ANONYMOUS_BODY_BYTES = 64 * 1024;
/** An oversized body is read and dropped up to this, so its sender can read the refusal; then cut. */
const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024;
/** A whole request (headers and body) must arrive within this: a slow body holds memory. */
const REQUEST_TIMEOUT_MS = 30_000;
/** API requests without a session in flight at once (logins, set-up): beyond, "try again". */
const MAX_ANONYMOUS_IN_FLIGHT = 32;
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  // blob: only for the document viewer: a photo made from bytes in the page's memory
  // (docs/violence-care.md, "Slice 4, the screen").
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  // pdf.js draws PDFs in its own worker, a bundled file; no frame may load at all.
  "worker-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

export interface HttpServerOptions {
  core: CoreApi;
  staticDir: string;
  host?: string;
  port?: number;
  /** Extra host names this server answers to (a clinic server reached by name on the LAN). */
  allowedHosts?: string[];
  /** Tests shorten these; the defaults suit a clinic. */
  requestTimeoutMs?: number;
  maxAnonymousInFlight?: number;
}

/**
 * An API call must come from the app itself: a JSON body (a cross-site form or `text/plain` POST
 * cannot set it without a CORS preflight, which this server never grants), and an `Origin`, when
 * the browser sends one, naming this server.
 */
function foreignRequest(req: IncomingMessage, allowedHosts: ReadonlySet<string>): 'type' | 'origin' | null {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') return 'type';
  const origin = req.headers.origin;
  if (origin === undefined) return null;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return 'origin';
  }
  return host === req.headers.host || allowedHosts.has(host) ? null : 'origin';
}

function send(
  res: ServerResponse,
  status: number,
  body: string,
  type: string,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    ...extra,
  });
  res.end(body);
}

function sendJson(res: ServerResponse, value: unknown): void {
  send(res, 200, JSON.stringify(value), 'application/json; charset=utf-8', { 'Cache-Control': 'no-store' });
}

/**
 * The body as text, or null when it is over the limit. An oversized body is drained (up to
 * DRAIN_LIMIT_BYTES, never kept) so the client can read the refusal; beyond that the connection is cut.
 */
function readBody(req: IncomingMessage, timeoutMs: number, maxBytes: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // A body that has not arrived in time is cut, however slowly it trickles in.
    const timer = setTimeout(() => req.destroy(), timeoutMs);
    req.once('close', () => clearTimeout(timer));
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > DRAIN_LIMIT_BYTES) req.destroy();
      else if (size <= maxBytes) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > maxBytes ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Who is calling, for the login throttle and the server-side backup. Behind a reverse proxy on the
 * same machine every request comes from loopback: the proxy's `X-Forwarded-For` (its last entry,
 * the one the proxy itself added) then names the real client, so that the throttle counts each
 * workstation and a browser behind the proxy is never taken for a command on the server. A
 * direct request keeps its own address (an `X-Forwarded-For` from elsewhere is not believed).
 */
export function clientOf(req: IncomingMessage): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  const forwarded = req.headers['x-forwarded-for'];
  if (!LOOPBACK.test(peer.replace(/^::ffff:/, '')) || forwarded === undefined) return peer;
  const last = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded).split(',').pop()?.trim();
  return last || 'unknown';
}

function bearer(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (!header?.startsWith('Bearer ')) return undefined;
  return header.slice('Bearer '.length).trim() || undefined;
}

async function handleApi(
  core: CoreApi,
  channel: string,
  req: IncomingMessage,
  res: ServerResponse,
  allowedHosts: ReadonlySet<string>,
  timeoutMs: number,
): Promise<void> {
  if (req.method !== 'POST') {
    send(res, 405, 'method not allowed', 'text/plain', { Allow: 'POST' });
    return;
  }
  const foreign = foreignRequest(req, allowedHosts);
  if (foreign) {
    // Nothing of the body is read: a refused request never reaches the core.
    req.resume();
    if (foreign === 'type') send(res, 415, 'the API takes application/json', 'text/plain');
    else send(res, 403, 'cross-origin request refused', 'text/plain');
    return;
  }
  const body = await readBody(
    req,
    timeoutMs,
    bearer(req) === undefined ? MAX_ANONYMOUS_BODY_BYTES : MAX_BODY_BYTES,
  );
  if (body === null) {
    sendJson(res, {
      ok: false,
      error: { code: 'validation', message: 'request body too large', details: { issue: 'too_big' } },
    });
    return;
  }
  let input: unknown = {};
  if (body.trim() !== '') {
    try {
      input = JSON.parse(body) as unknown;
    } catch {
      sendJson(res, {
        ok: false,
        error: { code: 'validation', message: 'body is not JSON', details: { issue: 'invalid_json' } },
      });
      return;
    }
  }
  sendJson(
    res,
    await core.dispatch(channel, input, {
      token: bearer(req),
      transport: 'http',
      client: clientOf(req),
    }),
  );
}

function serveStatic(staticDir: string, urlPath: string, res: ServerResponse): void {
  const root = path.resolve(staticDir);
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    send(res, 400, 'bad request', 'text/plain');
    return;
  }
  let file = path.resolve(root, `.${decoded}`);
  if (file !== root && !file.startsWith(root + path.sep)) {
    send(res, 404, 'not found', 'text/plain');
    return;
  }
  // The renderer routes in the page: anything that is not a file is the app.
  if (!existsSync(file) || statSync(file).isDirectory()) file = path.join(root, 'index.html');
  if (!existsSync(file)) {
    send(res, 503, 'The renderer bundle is missing: run `npm run build`.', 'text/plain; charset=utf-8');
    return;
  }
  const cache = file.endsWith('index.html') ? 'no-store' : 'public, max-age=31536000, immutable';
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Cache-Control': cache,
  });
  createReadStream(file).pipe(res);
}

export function createHttpServer(options: HttpServerOptions): Server {
  const host = options.host ?? '127.0.0.1';
  const maxAnonymous = options.maxAnonymousInFlight ?? MAX_ANONYMOUS_IN_FLIGHT;
  let anonymousInFlight = 0;
  const requestTimeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const timing = {
    requestTimeout,
    headersTimeout: Math.min(requestTimeout, 10_000),
    // How often Node looks for requests past their time (its default, 30 s, would let them linger).
    connectionsCheckingInterval: Math.min(requestTimeout / 2, 5_000),
  };
  return createServer(timing, (req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const port = req.socket.localPort;
    const allowed = new Set([
      `127.0.0.1:${port}`,
      `localhost:${port}`,
      `[::1]:${port}`,
      `${host}:${port}`,
      ...(options.allowedHosts ?? []),
    ]);
    // DNS rebinding targets loopback servers: only then must the Host name be ours. A server
    // exposed to the centre's network (behind its TLS proxy) answers to whatever name it is given.
    if (LOOPBACK.test(host) && (!req.headers.host || !allowed.has(req.headers.host))) {
      send(res, 421, 'misdirected request', 'text/plain');
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      // Calls without a session (logins, set-up) cost a key derivation each: a flood of them must
      // not hold the server's memory and time; staff with a session are never refused here.
      const anonymous = bearer(req) === undefined;
      if (anonymous && anonymousInFlight >= maxAnonymous) {
        req.resume();
        send(res, 503, 'busy, try again in a moment', 'text/plain', { 'Retry-After': '2' });
        return;
      }
      if (anonymous) {
        anonymousInFlight += 1;
        res.once('close', () => (anonymousInFlight -= 1));
      }
      handleApi(
        options.core,
        url.pathname.slice('/api/'.length),
        req,
        res,
        new Set(options.allowedHosts ?? []),
        requestTimeout,
      ).catch(() => {
        if (!res.headersSent)
          sendJson(res, { ok: false, error: { code: 'internal', message: 'internal error' } });
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'method not allowed', 'text/plain', { Allow: 'GET' });
      return;
    }
    serveStatic(options.staticDir, url.pathname, res);
  });
}

export function listen(server: Server, port: number, host = '127.0.0.1'): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server.address() as AddressInfo));
  });
}
