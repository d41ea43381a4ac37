/**
 * The Electron shell, driven for real: window preferences, isolation, navigation, pop-ups,
 * permissions, the IPC bridge and its sender check, CSP, the app protocol and auto-lock.
 * Needs an Electron binary and a build (`npm run build`); skips with a clear line otherwise.
 */
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

/** `require('electron')` from Node is the path of the binary, or throws when it was never downloaded. */
function findElectronBinary(): string | null {
  try {
    const resolved: unknown = createRequire(path.join(root, 'package.json'))('electron');
    return typeof resolved === 'string' && existsSync(resolved) ? resolved : null;
  } catch {
    return null;
  }
}

const electronBinary = findElectronBinary();
const hasElectron = electronBinary !== null;
// Printed as well as given to test.skip: the list reporter shows skip reasons only in some modes,
// and the CI log must say why the shell was not exercised.
if (!hasElectron) console.log('skipped: no Electron binary');

const APP_ORIGIN_PREFIX = 'app://parcours/';

interface LockProbe {
  lockedA: number;
  lockedB: number;
  unsubscribeA?: () => void;
}

function childEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    // ELECTRON_RUN_AS_NODE would start the binary as plain Node.
    if (value !== undefined && key !== 'ELECTRON_RUN_AS_NODE') env[key] = value;
  }
  return { ...env, ...extra };
}

test.describe('Electron shell', () => {
  test.skip(!hasElectron, 'skipped: no Electron binary');
  test.describe.configure({ mode: 'serial' });

  let app: ElectronApplication;
  let page: Page;
  let tmp: string;

  test.beforeAll(async () => {
    if (
      !existsSync(path.join(root, 'dist', 'main', 'main.js')) ||
      !existsSync(path.join(root, 'dist', 'renderer', 'index.html'))
    ) {
      throw new Error('The app is not built: run `npm run build` first');
    }
    tmp = mkdtempSync(path.join(os.tmpdir(), 'parcours-electron-'));
    app = await electron.launch({
      executablePath: electronBinary ?? undefined,
      args: [root],
      cwd: root,
      env: childEnv({
        PARCOURS_DATA_DIR: path.join(tmp, 'data'),
        // Own profile, hence own single-instance lock: a developer's running app does not interfere.
        PARCOURS_USER_DATA_DIR: path.join(tmp, 'profile'),
      }),
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    // The last test closes the window, which may already have quit the app.
    await app?.close().catch(() => undefined);
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  test('every window has the hardened webPreferences', async () => {
    const all = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().map((win) => {
        // Undocumented but long-standing (Electron's own tests use it); absent from the typings.
        const contents = win.webContents as unknown as {
          getLastWebPreferences?: () => Record<string, unknown> | null;
        };
        if (typeof contents.getLastWebPreferences !== 'function')
          return { error: 'getLastWebPreferences is not available' };
        const prefs = contents.getLastWebPreferences();
        return {
          contextIsolation: prefs?.contextIsolation,
          sandbox: prefs?.sandbox,
          nodeIntegration: prefs?.nodeIntegration,
          nodeIntegrationInWorker: prefs?.nodeIntegrationInWorker,
          webSecurity: prefs?.webSecurity,
          allowRunningInsecureContent: prefs?.allowRunningInsecureContent,
          webviewTag: prefs?.webviewTag,
        };
      }),
    );
    expect(all.length).toBeGreaterThan(0);
    for (const prefs of all) {
      expect(prefs).toEqual({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
      });
    }
  });

  test('the page comes from the app origin and sees no Node', async () => {
    expect(page.url().startsWith(APP_ORIGIN_PREFIX)).toBe(true);
    const globals = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return {
        require: typeof w.require,
        process: typeof w.process,
        module: typeof w.module,
        Buffer: typeof w.Buffer,
      };
    });
    expect(globals).toEqual({
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      Buffer: 'undefined',
    });
  });

  test('window.parcours exposes only invoke and onLocked', async () => {
    const keys = await page.evaluate(() => Object.keys(window.parcours ?? {}).sort());
    expect(keys).toEqual(['invoke', 'onLocked']);
  });

  test('navigation away from the app is refused', async () => {
    const before = page.url();
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    // A refused navigation leaves no event to wait for: give it time to (not) happen.
    await page.waitForTimeout(1_000);
    expect(page.url()).toBe(before);
    const mainUrl = await app.evaluate(
      ({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.getURL() ?? '',
    );
    expect(mainUrl).toBe(before);
  });

  test('window.open returns null and opens nothing', async () => {
    const opened = await page.evaluate(() => window.open('https://example.com/') === null);
    expect(opened).toBe(true);
    const sameOrigin = await page.evaluate(() => window.open('app://parcours/index.html') === null);
    expect(sameOrigin).toBe(true);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    expect(app.windows()).toHaveLength(1);
  });

  test('permission requests are denied', async () => {
    expect(await page.evaluate(() => Notification.requestPermission())).toBe('denied');
    const geolocation = await page.evaluate(
      async () => (await navigator.permissions.query({ name: 'geolocation' })).state,
    );
    expect(geolocation).toBe('denied');
    const media = await page.evaluate(() =>
      navigator.mediaDevices.getUserMedia({ audio: true }).then(
        (stream) => {
          stream.getTracks().forEach((track) => track.stop());
          return 'granted';
        },
        (err: unknown) => (err instanceof Error ? err.name : 'error'),
      ),
    );
    expect(media).not.toBe('granted');
  });

  test('the CSP forbids eval and is sent with every response', async () => {
    const evalBlocked = await page.evaluate(() => {
      try {
        // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the point is to see it refused
        const compiled = new Function('return 1') as () => unknown;
        compiled();
        return false;
      } catch {
        return true;
      }
    });
    expect(evalBlocked).toBe(true);
    const csp = await page.evaluate(async () =>
      (await fetch(window.location.href)).headers.get('content-security-policy'),
    );
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
  });

  test('the app protocol refuses path traversal', async () => {
    const statuses = await page.evaluate(async () => {
      const urls = [
        'app://parcours/%2e%2e/%2e%2e/package.json',
        'app://parcours/..%2f..%2fpackage.json',
        'app://parcours/..%5c..%5cpackage.json',
      ];
      return Promise.all(urls.map(async (url) => (await fetch(url)).status));
    });
    expect(statuses).toEqual([404, 404, 404]);
  });

  test('an unknown channel is refused, a known one reaches the core', async () => {
    const unknown = await page.evaluate(() =>
      window.parcours?.invoke('no.such.channel' as never, {} as never),
    );
    expect(unknown).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const proto = await page.evaluate(() => window.parcours?.invoke('__proto__' as never, {} as never));
    expect(proto).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const status = await page.evaluate(() => window.parcours?.invoke('setup.status', {}));
    expect(status).toMatchObject({ ok: true, value: { state: 'needs_setup' } });
  });

  test('a window the app did not create is refused by the IPC sender check', async () => {
    const preload = path.join(root, 'dist', 'preload', 'preload.js');
    const answer = await app.evaluate(async ({ BrowserWindow }, preloadPath) => {
      const stranger = new BrowserWindow({
        show: false,
        webPreferences: {
          preload: preloadPath,
          partition: 'parcours-app',
          sandbox: true,
          contextIsolation: true,
        },
      });
      try {
        await stranger.loadURL('app://parcours/index.html');
        return (await stranger.webContents.executeJavaScript(
          "window.parcours.invoke('setup.status', {})",
        )) as unknown;
      } finally {
        stranger.destroy();
      }
    }, preload);
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  test('screen lock and suspend lock the sessions and tell the page', async () => {
    await page.evaluate(() => {
      const probe: LockProbe = { lockedA: 0, lockedB: 0 };
      (window as unknown as { probe: LockProbe }).probe = probe;
      probe.unsubscribeA = window.parcours?.onLocked(() => {
        probe.lockedA += 1;
      });
      window.parcours?.onLocked(() => {
        probe.lockedB += 1;
      });
    });
    const counts = () =>
      page.evaluate(() => {
        const { probe } = window as unknown as { probe: LockProbe };
        return [probe.lockedA, probe.lockedB];
      });

    await app.evaluate(({ powerMonitor }) => {
      powerMonitor.emit('lock-screen');
    });
    await expect.poll(counts).toEqual([1, 1]);

    await page.evaluate(() => (window as unknown as { probe: LockProbe }).probe.unsubscribeA?.());
    await app.evaluate(({ powerMonitor }) => {
      powerMonitor.emit('suspend');
    });
    // B proves the event arrived; A, unsubscribed, must not have moved.
    await expect.poll(counts).toEqual([1, 2]);
  });

  // Last: it closes the window.
  test('closing the window with unsaved work asks first: stay keeps it open, leave closes it', async () => {
    // What a dirty form does (renderer/app/dirty-forms.ts): cancel beforeunload.
    await page.evaluate(() => window.addEventListener('beforeunload', (event) => event.preventDefault()));
    const answer = (response: number) =>
      app.evaluate(({ dialog }, r) => {
        const asked = { count: 0 };
        (globalThis as unknown as { asked: { count: number } }).asked = asked;
        dialog.showMessageBoxSync = () => {
          asked.count += 1;
          return r;
        };
      }, response);
    const asked = () =>
      app.evaluate(() => (globalThis as unknown as { asked: { count: number } }).asked.count);
    const windows = () => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);

    await answer(0); // "Rester sur la page"
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
    await expect.poll(asked).toBe(1);
    expect(await windows()).toBe(1);

    await answer(1); // "Quitter sans enregistrer"
    const closed = page.waitForEvent('close');
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
    await closed;
    expect(await asked()).toBe(1);
  });
});
