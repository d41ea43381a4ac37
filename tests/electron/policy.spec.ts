/**
 * The shell's security rules as pure functions (electron/main/policy.ts, shared/contract/bridge.ts)
 * and the shape of the built preload. These run in plain Node, so they guard the policy even on
 * machines without an Electron binary, where shell.spec.ts is skipped.
 */
import { expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  EXTERNAL_HTTPS_HOSTS,
  isAllowedExternalUrl,
  isAppUrl,
  isTrustedSender,
  resolveAppFile,
  type FrameLike,
  type SenderLike,
} from '../../electron/main/policy';
import { IPC_CHANNEL_PREFIX, LOCKED_EVENT, isPlainData } from '../../shared/contract/bridge';
import { CHANNEL_NAMES } from '../../shared/contract';
import { leavesPage, unloadLanguage, unloadPrompt, UNLOAD_BUTTONS } from '../../electron/main/unload-prompt';

const root = path.resolve(__dirname, '..', '..');

test.describe('app origin', () => {
  test('only app://parcours is the app', () => {
    expect(APP_ORIGIN).toBe('app://parcours');
    expect(isAppUrl('app://parcours/index.html')).toBe(true);
    expect(isAppUrl('app://parcours/')).toBe(true);
    for (const url of [
      'https://parcours/index.html',
      'file:///index.html',
      'app://evil/index.html',
      'app://parcours.evil/index.html',
      'app://parcours:8080/index.html',
      'app://user:pw@parcours/index.html',
      'APP://PARCOURS.example/',
      'about:blank',
      'not a url',
      '',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

test.describe('app protocol file resolution', () => {
  const bundle = path.resolve('/srv/parcours/dist/renderer');

  test('serves files inside the bundle', () => {
    expect(resolveAppFile(bundle, 'app://parcours/')).toBe(path.join(bundle, 'index.html'));
    expect(resolveAppFile(bundle, 'app://parcours/index.html')).toBe(path.join(bundle, 'index.html'));
    expect(resolveAppFile(bundle, 'app://parcours/assets/index-abc.js?v=1#x')).toBe(
      path.join(bundle, 'assets', 'index-abc.js'),
    );
    expect(resolveAppFile(bundle, 'app://parcours/assets/a%20b.css')).toBe(
      path.join(bundle, 'assets', 'a b.css'),
    );
  });

  test('refuses traversal, other origins and malformed paths', () => {
    for (const url of [
      'app://parcours/../package.json',
      'app://parcours/%2e%2e/%2e%2e/package.json',
      'app://parcours/..%2f..%2fpackage.json',
      'app://parcours/assets/..%2f..%2f..%2fpackage.json',
      'app://parcours/..%5c..%5cpackage.json',
      'app://parcours/%2fetc%2fpasswd',
      'app://parcours/C:%5cWindows%5cwin.ini',
      'app://parcours/index.html%00.png',
      'app://parcours/%E0%A4%A',
      'app://other/index.html',
      'file:///etc/passwd',
    ]) {
      const resolved = resolveAppFile(bundle, url);
      if (resolved !== null) expect(resolved.startsWith(bundle + path.sep), url).toBe(true);
    }
    expect(resolveAppFile(bundle, 'app://parcours/..%2f..%2fpackage.json')).toBeNull();
    expect(resolveAppFile(bundle, 'app://parcours/index.html%00.png')).toBeNull();
    expect(resolveAppFile(bundle, 'app://parcours/%E0%A4%A')).toBeNull();
    expect(resolveAppFile(bundle, 'app://other/index.html')).toBeNull();
  });
});

test.describe('external links', () => {
  test('none are allowed by default', () => {
    expect(EXTERNAL_HTTPS_HOSTS).toEqual([]);
    expect(isAllowedExternalUrl('https://example.com/')).toBe(false);
  });

  test('an allow-listed host opens over https only, with no credentials or port', () => {
    const hosts = ['www.example.org'];
    expect(isAllowedExternalUrl('https://www.example.org/page', hosts)).toBe(true);
    for (const url of [
      'http://www.example.org/',
      'https://www.example.org.evil.com/',
      'https://evil.com/?https://www.example.org/',
      'https://user@www.example.org/',
      'https://www.example.org:444/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'mailto:someone@example.org',
    ]) {
      expect(isAllowedExternalUrl(url, hosts), url).toBe(false);
    }
  });
});

test.describe('CSP', () => {
  test('no eval, no inline or remote script, nothing embedded', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/);
  });
});

test.describe('IPC sender check', () => {
  const top: FrameLike = { url: 'app://parcours/index.html', parent: null, processId: 7, frameToken: 'top' };
  const ours = new Set([1]);
  const event = (senderFrame: FrameLike | null, id = 1, mainFrame: FrameLike = top): SenderLike => ({
    senderFrame,
    sender: { id, mainFrame },
  });

  test('accepts the top frame of our window on the app origin', () => {
    expect(isTrustedSender(event(top), ours)).toBe(true);
  });

  test('refuses everything else', () => {
    expect(isTrustedSender(event(null), ours)).toBe(false);
    expect(isTrustedSender(event(top, 2), ours)).toBe(false);
    const sub: FrameLike = { ...top, parent: top, frameToken: 'sub' };
    expect(isTrustedSender(event(sub), ours)).toBe(false);
    const elsewhere: FrameLike = { ...top, url: 'https://example.com/' };
    expect(isTrustedSender(event(elsewhere, 1, elsewhere), ours)).toBe(false);
    const otherTop: FrameLike = { ...top, frameToken: 'other' };
    expect(isTrustedSender(event(otherTop), ours)).toBe(false);
    const destroyed: SenderLike = {
      senderFrame: top,
      sender: {
        id: 1,
        get mainFrame(): FrameLike {
          throw new Error('destroyed');
        },
      },
    };
    expect(isTrustedSender(destroyed, ours)).toBe(false);
  });
});

test.describe('bridge', () => {
  test('plain data only', () => {
    for (const ok of [
      null,
      undefined,
      true,
      0,
      'x',
      [],
      {},
      { a: [1, 'b', { c: null }] },
      Object.create(null) as object,
    ]) {
      expect(isPlainData(ok)).toBe(true);
    }
    class Thing {}
    const getter = Object.defineProperty({}, 'x', { get: () => 1, enumerable: true });
    let deep: unknown = 1;
    for (let i = 0; i < 40; i += 1) deep = [deep];
    for (const bad of [
      () => 1,
      Symbol('s'),
      1n,
      NaN,
      Infinity,
      new Date(),
      new Map(),
      new Uint8Array(1),
      new Thing(),
      getter,
      { [Symbol('k')]: 1 },
      deep,
    ]) {
      expect(isPlainData(bad)).toBe(false);
    }
  });

  test('every contract channel has its own IPC name, distinct from the lock event', () => {
    const names = CHANNEL_NAMES.map((channel) => IPC_CHANNEL_PREFIX + channel);
    expect(new Set(names).size).toBe(names.length);
    expect(names).not.toContain(LOCKED_EVENT);
  });
});

test.describe('closing a window with unsaved work', () => {
  test('asks in the OS language with the words of the screens; stay is the default and the Escape answer', () => {
    expect(unloadLanguage('fr-FR')).toBe('fr');
    expect(unloadLanguage('ar-MA')).toBe('fr');
    expect(unloadLanguage('en-GB')).toBe('en');
    const fr = unloadPrompt('fr');
    expect(fr.message).toBe('Quitter sans enregistrer ?');
    expect(fr.buttons).toEqual(['Rester sur la page', 'Quitter sans enregistrer']);
    expect(fr.defaultId).toBe(UNLOAD_BUTTONS.stay);
    expect(fr.cancelId).toBe(UNLOAD_BUTTONS.stay);
    expect(unloadPrompt('en').buttons).toEqual(['Stay on the page', 'Leave without saving']);
  });

  test('only "leave" lets the window close', () => {
    expect(leavesPage(UNLOAD_BUTTONS.leave)).toBe(true);
    expect(leavesPage(UNLOAD_BUTTONS.stay)).toBe(false);
  });
});

test.describe('built preload', () => {
  const preload = path.join(root, 'dist', 'preload', 'preload.js');
  test.skip(!existsSync(preload), 'dist/preload/preload.js not built (npm run build)');

  test('requires nothing but electron (a sandboxed preload cannot)', () => {
    const source = readFileSync(preload, 'utf8');
    const required = [...source.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect([...new Set(required)]).toEqual(['electron']);
  });
});
