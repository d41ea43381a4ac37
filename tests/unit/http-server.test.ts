import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer, listen } from '../../electron/server/http-server';
import { startCore, tempDir } from './helpers/core';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(
  port: number,
  method: string,
  urlPath: string,
  body?: string,
  headers: Record<string, string> = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: urlPath,
        // The app always sends JSON; tests of foreign requests override the type.
        headers: {
          host: `127.0.0.1:${port}`,
          ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const servers: Array<{ close: () => void }> = [];
afterEach(() => {
  while (servers.length) servers.pop()!.close();
});

async function serve(extra: Partial<Parameters<typeof createHttpServer>[0]> = {}) {
  const t = await startCore();
  const staticDir = path.join(tempDir(), 'renderer');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Parcours</title>');
  writeFileSync(path.join(tempDir(), 'secret.txt'), 'outside');
  const server = createHttpServer({ core: t.core, staticDir, ...extra });
  const { port } = await listen(server, 0);
  servers.push(server);
  return { t, port };
}

describe('the clinic server (HTTP transport)', () => {
  it('answers the API with the same envelope as the core, with a bearer token and no cookie', async () => {
    const { port } = await serve();
    const status = await send(port, 'POST', '/api/setup.status', '{}', {
      'content-type': 'application/json',
    });
    expect(status.status).toBe(200);
    expect(JSON.parse(status.body)).toEqual({ ok: true, value: { state: 'needs_setup' } });
    expect(status.headers['set-cookie']).toBeUndefined();
    expect(status.headers['cache-control']).toBe('no-store');
    const noSession = await send(port, 'POST', '/api/users.list', '{}', {
      authorization: 'Bearer not-a-token',
    });
    expect(JSON.parse(noSession.body)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('refuses malformed bodies, unknown channels, other methods and oversized bodies without crashing', async () => {
    const { port } = await serve();
    expect(JSON.parse((await send(port, 'POST', '/api/setup.status', '{oops')).body)).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(JSON.parse((await send(port, 'POST', '/api/nope.nothing', '{}')).body)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect((await send(port, 'GET', '/api/setup.status')).status).toBe(405);
    const big = JSON.stringify({ centreName: 'x'.repeat(2 * 1024 * 1024) });
    const tooBig = await send(port, 'POST', '/api/setup.initialize', big);
    expect(JSON.parse(tooBig.body)).toMatchObject({
      ok: false,
      error: { code: 'validation', details: { issue: 'too_big' } },
    });
    expect(JSON.parse((await send(port, 'POST', '/api/setup.status', '{}')).body).ok).toBe(true);
  });

  it('takes a laboratory file of 5 MB from a session, and only a few fields from a call without one', async () => {
    const { port } = await serve();
    const tooBig = { ok: false, error: { code: 'validation', details: { issue: 'too_big' } } };
    // Without a session (log-in, set-up): 100 KB is already too much.
    const anonymous = JSON.stringify({ username: 'x'.repeat(100 * 1024), password: 'y' });
    expect(JSON.parse((await send(port, 'POST', '/api/auth.login', anonymous)).body)).toMatchObject(tooBig);
    // With one: a 5 MB CSV as a JSON string, its quotes escaped, reaches the core (which then
    // checks the session: this one is not real).
    const csv = `file_number;result\n${'"MTP-2026-00001";"positive"\n'.repeat(160_000)}`;
    const body = JSON.stringify({ fileName: 'labo.csv', content: csv });
    expect(body.length).toBeGreaterThan(5 * 1024 * 1024);
    const reached = await send(port, 'POST', '/api/screenings.importPreview', body, {
      authorization: 'Bearer not-a-token',
    });
    expect(JSON.parse(reached.body)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    // Beyond 12 MB, refused before the core even with a session.
    const huge = JSON.stringify({ fileName: 'labo.csv', content: 'x'.repeat(13 * 1024 * 1024) });
    const refused = await send(port, 'POST', '/api/screenings.importPreview', huge, {
      authorization: 'Bearer not-a-token',
    });
    expect(JSON.parse(refused.body)).toMatchObject(tooBig);
  });

  it('serves the app with a strict CSP, never a file outside its folder, and refuses foreign Host names (DNS rebinding)', async () => {
    const { port } = await serve();
    const page = await send(port, 'GET', '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Parcours</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).not.toContain('unsafe-eval');
    expect(page.headers['x-frame-options']).toBe('DENY');
    // Images from blob: only (the in-app photo viewer); PDFs are drawn by pdf.js in a same-origin
    // worker, so no frame may load at all.
    const directives = new Map(
      String(page.headers['content-security-policy'])
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name = '', ...values]) => [name, values] as const),
    );
    expect(directives.get('frame-src')).toEqual(["'none'"]);
    expect(directives.get('worker-src')).toEqual(["'self'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    const traversal = await send(port, 'GET', '/../secret.txt');
    expect(traversal.body).not.toContain('outside');
    const encoded = await send(port, 'GET', '/%2e%2e/secret.txt');
    expect(encoded.body).not.toContain('outside');
    const rebound = await send(port, 'POST', '/api/setup.status', '{}', { host: 'attacker.example:80' });
    expect(rebound.status).toBe(421);
  });

  it('refuses a cross-site call: text/plain bodies and foreign origins never reach the core', async () => {
    const { t, port } = await serve();
    const setup = JSON.stringify({
      centreName: 'Intrus',
      sites: [{ code: 'X1', name: 'X' }],
      admin: { username: 'intrus', displayName: 'Intrus', password: 'Un-mot-de-passe-2026!' },
    });
    const plain = await send(port, 'POST', '/api/setup.initialize', setup, { 'content-type': 'text/plain' });
    expect(plain.status).toBe(415);
    const foreign = await send(port, 'POST', '/api/setup.initialize', setup, {
      origin: 'https://evil.example',
    });
    expect(foreign.status).toBe(403);
    expect(await t.must('setup.status', {})).toEqual({ state: 'needs_setup' });
    const own = await send(port, 'POST', '/api/setup.status', '{}', { origin: `http://127.0.0.1:${port}` });
    expect(JSON.parse(own.body)).toEqual({ ok: true, value: { state: 'needs_setup' } });
  });

  it('cuts a body that never finishes, and bounds calls without a session in flight', async () => {
    // Long enough that a loaded machine sees both unfinished bodies in flight before they are cut.
    const { port } = await serve({ requestTimeoutMs: 8_000, maxAnonymousInFlight: 2 });
    /** Each step gets its own bound, so that a stuck one is named instead of the test timing out. */
    const within = <T>(what: string, p: Promise<T>, ms = 20_000) =>
      Promise.race([
        p,
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms),
        ),
      ]);
    /** A login whose body never finishes; resolves once the server has its headers in hand. */
    const slow = () =>
      new Promise<{ closed: Promise<void> }>((resolve) => {
        const socket: Socket = connect(port, '127.0.0.1', () => {
          socket.write(
            `POST /api/auth.login HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{`,
          );
          resolve({ closed: new Promise((r) => socket.once('close', () => r())) });
        });
        socket.on('error', () => undefined);
        // Read whatever the server answers: a paused socket never sees the server's FIN (only a
        // reset), so a clean cut would go unnoticed and the test would wait for nothing.
        socket.resume();
      });
    const holding = [await within('first slow body', slow()), await within('second slow body', slow())];
    // Once both unfinished bodies are in flight, a third call without a session is turned away.
    await within(
      'the third anonymous call refused',
      (async () => {
        for (;;) {
          const r = await send(port, 'POST', '/api/setup.status', '{}');
          if (r.status === 503) {
            expect(r.headers['retry-after']).toBe('2');
            return;
          }
          await new Promise((res) => setTimeout(res, 20));
        }
      })(),
    );
    // A call with a session is never refused for that.
    const withToken = await within(
      'a call with a session',
      send(port, 'POST', '/api/auth.session', '{}', { authorization: 'Bearer x' }),
    );
    expect(withToken.status).toBe(200);
    // The unfinished bodies are cut by the server, and the room comes back.
    // Cut 8 s after they began, found by a sweep every 4 s: within 12 s on a quiet machine; the
    // bound leaves room for a loaded one (CI's two cores running other suites).
    await within('the slow bodies cut', Promise.all(holding.map((h) => h.closed)), 60_000);
    expect(JSON.parse((await send(port, 'POST', '/api/setup.status', '{}')).body).ok).toBe(true);
  }, 120_000);
});
