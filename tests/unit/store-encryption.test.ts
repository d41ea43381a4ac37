/**
 * Data never exists unencrypted on disk. A unique marker saved through the API (centre, site,
 * staff and person names, the search index) must appear in no file of the data folder (database,
 * -wal, -shm, keyring, login attempts), no file written under the temp folder or the working
 * folder meanwhile, and no log line — while the store is open and after it is closed. The
 * database does not start with the SQLite header, plain SQLite cannot read it, a wrong key fails
 * without touching it, and the right key (unwrapped from the keyring) reads the marker back.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StoreError } from '../../electron/core/db/errors';
import { Keyring } from '../../electron/core/db/keyring';
import { normalizeRecoveryCode, unwrapKey } from '../../electron/core/db/keywrap';
import { openEncrypted, readHeader } from '../../electron/core/db/sqlite';
import { databasePath } from '../../electron/core/db/store';
import { ADMIN, startCore, type TestCore } from './helpers/core';
import { allFiles, filesContaining, filesModifiedSince, sha256File, snapshotDir } from './helpers/torture-fs';

const ROOT = path.resolve(__dirname, '../..');

/** Everything written to stdout / stderr during a test, besides the core's own log lines. */
let output: string[] = [];
beforeEach(() => {
  output = [];
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    vi.spyOn(stream, 'write').mockImplementation((chunk: unknown, ...rest: unknown[]) => {
      output.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
      return original(chunk, ...rest);
    });
  }
});
afterEach(() => {
  vi.restoreAllMocks();
});

interface MarkedCentre {
  t: TestCore;
  marker: string;
  recoveryCode: string;
  token: string;
}

/** A centre whose names, staff, site and person all carry the marker, written through the API. */
async function markedCentre(): Promise<MarkedCentre> {
  // Lower case, no accents: the search index stores normalised text, which must not leak either.
  const marker = `zqmark${randomBytes(8).toString('hex')}`;
  const t = await startCore();
  const { recoveryCode } = await t.must('setup.initialize', {
    centreName: `Centre ${marker}`,
    locale: 'fr',
    sites: [{ code: 'MTP', name: 'Montpellier', timezone: 'Europe/Paris' }],
    admin: { ...ADMIN, displayName: `Coordination ${marker}` },
  });
  const { token } = await t.must('auth.login', { username: ADMIN.username, password: ADMIN.password });
  const site = await t.must(
    'centre.saveSite',
    { code: 'MRK', name: `Site ${marker}`, city: `${marker}ville`, timezone: 'Europe/Paris' },
    token,
  );
  const worker = await t.must(
    'users.create',
    { username: 'sam', displayName: `Sam ${marker}`, roles: ['community_worker'], siteIds: [site.id] },
    token,
  );
  const first = await t.must('auth.login', { username: 'sam', password: worker.temporaryPassword });
  await t.must(
    'auth.changePassword',
    { currentPassword: worker.temporaryPassword, newPassword: 'Accueil-Communautaire-9' },
    first.token,
  );
  await t.must(
    'persons.create',
    { nameUsed: `${marker}`, legalName: `Legal ${marker}`, siteId: site.id },
    first.token,
  );
  expect((await t.must('persons.search', { query: marker }, first.token)).length).toBe(1);
  const centre = await t.must('centre.get', {}, token);
  await t.must(
    'centre.update',
    { version: centre.version, name: `Renamed ${marker}`, autoLockMinutes: 15, defaultLocale: 'fr' },
    token,
  );
  return { t, marker, recoveryCode, token };
}

function leaks(files: readonly string[], marker: string): string[] {
  return filesContaining(files, marker);
}

function logLeaks(t: TestCore, marker: string): string[] {
  return [...t.logs, ...output].filter(
    (line) => line.includes(marker) || Buffer.from(line, 'utf8').includes(Buffer.from(marker, 'utf16le')),
  );
}

const skipHeavy = (p: string): boolean => /[/\\](node_modules|\.git)$/.test(p);

describe('the store is encrypted at rest', () => {
  it('the marker is in no file, no temp file and no log line — while open (WAL present) and after closing', async () => {
    const started = Date.now() - 2000;
    const { t, marker } = await markedCentre();
    const db = databasePath(t.dataDir);

    // While open: the write-ahead log holds the recent writes, and it is encrypted too.
    expect(existsSync(`${db}-wal`)).toBe(true);
    expect(statSync(`${db}-wal`).size).toBeGreaterThan(0);
    const openFiles = allFiles(t.dataDir);
    expect(openFiles.map((f) => path.basename(f)).sort()).toEqual(
      expect.arrayContaining(['keyring.json', 'parcours.db', 'parcours.db-shm', 'parcours.db-wal']),
    );
    expect(leaks(openFiles, marker)).toEqual([]);

    await t.core.close();
    const closedFiles = allFiles(t.dataDir);
    expect(closedFiles.map((f) => path.basename(f))).toContain('parcours.db');
    expect(leaks(closedFiles, marker)).toEqual([]);

    const temp = filesModifiedSince(tmpdir(), started, skipHeavy);
    expect(temp.length).toBeGreaterThan(0);
    expect(leaks(temp, marker)).toEqual([]);
    expect(leaks(filesModifiedSince(ROOT, started, skipHeavy), marker)).toEqual([]);
    expect(logLeaks(t, marker)).toEqual([]);
  });

  it('the login-attempts file and the keyring hold no name either, after failed logins with the marker as user name', async () => {
    const { t, marker } = await markedCentre();
    await t.call('auth.login', { username: marker, password: `${marker}-password` });
    await t.call('auth.login', { username: ADMIN.username, password: `${marker}-password` });
    expect(existsSync(path.join(t.dataDir, 'login-attempts.json'))).toBe(true);
    expect(leaks(allFiles(t.dataDir), marker)).toEqual([]);
    expect(leaks(allFiles(t.dataDir), ADMIN.username)).toEqual([]);
    expect(logLeaks(t, marker)).toEqual([]);
  });

  it('the file has no SQLite header and plain SQLite cannot read it', async () => {
    const { t } = await markedCentre();
    await t.core.close();
    const db = databasePath(t.dataDir);
    const header = readHeader(db, 16);
    expect(header.length).toBe(16);
    expect(header.toString('latin1')).not.toBe('SQLite format 3\0');
    expect(header.toString('latin1')).not.toContain('SQLite');
    const before = sha256File(db);

    const plain = new Database(db, { readonly: true, fileMustExist: true });
    try {
      expect(() => plain.prepare('SELECT count(*) AS n FROM sqlite_master').get()).toThrow(/not a database/i);
    } finally {
      plain.close();
    }
    expect(sha256File(db)).toBe(before);
  });

  it('a wrong key fails loudly and leaves the file untouched; the right key from the keyring reads the data on a fresh handle', async () => {
    const { t, marker, recoveryCode } = await markedCentre();
    await t.core.close();
    const db = databasePath(t.dataDir);
    const folderBefore = snapshotDir(t.dataDir);

    for (const wrongKey of [randomBytes(32), Buffer.alloc(32)]) {
      let failure: unknown = null;
      try {
        openEncrypted({ file: db, key: wrongKey }).close();
      } catch (err) {
        failure = err;
      }
      expect(failure).toBeInstanceOf(StoreError);
      expect((failure as StoreError).problem).toBe('unreadable');
      expect(snapshotDir(t.dataDir)).toEqual(folderBefore);
    }

    const keyring = Keyring.load(t.dataDir);
    const account = keyring?.account(ADMIN.username);
    if (!keyring || !account) throw new Error('no keyring account for the coordinator');
    expect(await unwrapKey(account.wrapped, 'not the password')).toBeNull();
    const key = await unwrapKey(account.wrapped, ADMIN.password);
    const byRecovery = await unwrapKey(keyring.recovery, normalizeRecoveryCode(recoveryCode));
    if (!key || !byRecovery) throw new Error('the keyring did not give the key back');
    expect(byRecovery.equals(key)).toBe(true);

    const handle = openEncrypted({ file: db, key, cipher: keyring.cipher });
    try {
      const read = (sql: string) => (handle.prepare(sql).get() as { v: string }).v;
      expect(read('SELECT name AS v FROM centre')).toBe(`Renamed ${marker}`);
      expect(read("SELECT name AS v FROM site WHERE code = 'MRK'")).toBe(`Site ${marker}`);
      expect(read("SELECT display_name AS v FROM staff_user WHERE username = 'sam'")).toBe(`Sam ${marker}`);
      expect(read('SELECT name_used AS v FROM person')).toBe(marker);
    } finally {
      handle.close();
    }
    // Reading with the right key changed nothing either.
    expect(snapshotDir(t.dataDir)).toEqual(folderBefore);
  });

  it('a wrong password at login leaves the database and its -wal unchanged, store closed or open', async () => {
    const { t } = await markedCentre();
    await t.core.close();
    const db = databasePath(t.dataDir);

    // Closed: a fresh start, a wrong password, the store is not even opened.
    const restarted = await startCore(t.dataDir, t.clock);
    const before = snapshotDir(t.dataDir);
    const wrong = await restarted.call('auth.login', {
      username: ADMIN.username,
      password: 'certainly-not-it',
    });
    expect(wrong.ok ? null : wrong.error.code).toBe('wrong_credentials');
    const after = snapshotDir(t.dataDir);
    expect(after['parcours.db']).toBe(before['parcours.db']);
    expect(Object.keys(after).filter((f) => f.startsWith('parcours.db'))).toEqual(
      Object.keys(before).filter((f) => f.startsWith('parcours.db')),
    );
    expect((await restarted.must('setup.status', {})).state).toBe('locked');

    // Open (WAL in use): someone is logged in; a wrong password touches neither file.
    restarted.clock.advance(5000);
    await restarted.must('auth.login', { username: 'sam', password: 'Accueil-Communautaire-9' });
    expect(existsSync(`${db}-wal`)).toBe(true);
    const dbHash = sha256File(db);
    const walHash = sha256File(`${db}-wal`);
    for (const [username, password] of [
      [ADMIN.username, 'still-not-it'],
      ['nobody', 'whatever-it-is'],
    ] as const) {
      const r = await restarted.call('auth.login', { username, password });
      expect(r.ok ? null : r.error.code).toBe('wrong_credentials');
      expect(sha256File(db)).toBe(dbHash);
      expect(sha256File(`${db}-wal`)).toBe(walHash);
    }
  });

  it('every file of the data folder is private to the account running Parcours, from the first session on', async () => {
    const { t } = await markedCentre();
    await t.call('auth.login', { username: ADMIN.username, password: 'a-wrong-one' });
    const open = (dir: string) =>
      Object.fromEntries(
        readdirSync(dir).map((f) => [f, (statSync(path.join(dir, f)).mode & 0o077).toString(8)]),
      );
    const everyFilePrivate = (dir: string) => Object.fromEntries(readdirSync(dir).map((f) => [f, '0']));
    expect((statSync(t.dataDir).mode & 0o077).toString(8)).toBe('0');
    expect(readdirSync(t.dataDir)).toEqual(
      expect.arrayContaining(['parcours.db-wal', 'parcours.db-shm', 'login-attempts.json']),
    );
    expect(open(t.dataDir)).toEqual(everyFilePrivate(t.dataDir));
    await t.core.close();
    const again = await startCore(t.dataDir, t.clock);
    again.clock.advance(5000); // past the throttle of the wrong attempt above
    await again.must('auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(open(t.dataDir)).toEqual(everyFilePrivate(t.dataDir));
  });
});
