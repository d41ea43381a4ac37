/**
 * Opening faults: a corrupted or foreign file where the database should be, a database from a
 * newer Parcours, a missing keyring or database. Each gets a clear state and error (with the
 * problem named, so the screen can offer the recovery options), and the files are never
 * overwritten, recreated or "repaired". Also: the migration registry is complete and ordered, and
 * a failed write leaves nothing half-written.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from '../../migrations';
import type { Result } from '../../shared/contract';
import { appendAudit } from '../../electron/core/audit/audit-log';
import { fingerprint } from '../../electron/core/db/fingerprint';
import { Keyring } from '../../electron/core/db/keyring';
import { unwrapKey } from '../../electron/core/db/keywrap';
import { openEncrypted, readHeader } from '../../electron/core/db/sqlite';
import { databasePath } from '../../electron/core/db/store';
import { SiteEntity } from '../../electron/core/services/centre/entities';
import { ADMIN, setUpCentre, startCore, type TestCore } from './helpers/core';
import { snapshotDir } from './helpers/torture-fs';

function errorOf(r: Result<unknown>) {
  if (r.ok) throw new Error('expected a refusal, got a success');
  return r.error;
}

/** A set-up centre, closed: its data folder holds a real encrypted database and its keyring. */
async function closedCentre(): Promise<{ dataDir: string; t: TestCore }> {
  const t = await setUpCentre();
  await t.core.close();
  return { dataDir: t.dataDir, t };
}

async function dataKeyOf(dataDir: string): Promise<Buffer> {
  const account = Keyring.load(dataDir)?.account(ADMIN.username);
  const key = account ? await unwrapKey(account.wrapped, ADMIN.password) : null;
  if (!key) throw new Error('cannot unwrap the data key');
  return key;
}

/** Tries every way in through the API; returns what the user would see. */
async function tryToOpen(dataDir: string) {
  const core = await startCore(dataDir);
  const statusBefore = await core.must('setup.status', {});
  const login = await core.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
  const statusAfter = await core.must('setup.status', {});
  const setup = await core.call('setup.initialize', {
    centreName: 'Nouveau centre',
    locale: 'fr',
    sites: [{ code: 'NEW', name: 'Nouveau', timezone: 'Europe/Paris' }],
    admin: { username: 'intrus', displayName: 'Intrus', password: 'Un-Nouveau-Depart-1' },
  });
  await core.core.close();
  return { statusBefore, login, statusAfter, setup, logs: core.logs };
}

/** Login is refused with this store problem, and the status then reports it. */
function expectRefusedAs(seen: Awaited<ReturnType<typeof tryToOpen>>, problem: string): void {
  expect(errorOf(seen.login)).toMatchObject({ code: 'store_unavailable', details: { problem } });
  expect(seen.statusAfter).toEqual({ state: 'unavailable', problem });
}

describe('a foreign, corrupted or newer file where the database should be', () => {
  it('a plain SQLite file: foreign_database, login refused, the file untouched', async () => {
    const { dataDir } = await closedCentre();
    const db = databasePath(dataDir);
    rmSync(db);
    const plain = new Database(db);
    plain.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('someone else''s data');");
    plain.close();
    const before = snapshotDir(dataDir);

    const seen = await tryToOpen(dataDir);
    expect(seen.statusBefore).toEqual({ state: 'unavailable', problem: 'foreign_database' });
    expectRefusedAs(seen, 'foreign_database');
    expect(errorOf(seen.setup).code).toBe('already_set_up');
    expect(snapshotDir(dataDir)).toEqual(before);
    expect(readHeader(db).toString('latin1')).toBe('SQLite format 3\0');

    // Without a keyring it is still recognised as foreign, not as a centre that lost its keyring.
    rmSync(Keyring.path(dataDir));
    const alone = await tryToOpen(dataDir);
    expect(alone.statusBefore).toEqual({ state: 'unavailable', problem: 'foreign_database' });
    expect(errorOf(alone.setup).code).toBe('already_set_up');
  });

  it('random bytes with a valid keyring: unreadable, and no file is created, changed or deleted', async () => {
    const { dataDir } = await closedCentre();
    writeFileSync(databasePath(dataDir), randomBytes(64 * 1024));
    const before = snapshotDir(dataDir);

    const seen = await tryToOpen(dataDir);
    expect(seen.statusBefore).toEqual({ state: 'locked' }); // it cannot know before it tries the key
    expectRefusedAs(seen, 'unreadable');
    expect(errorOf(seen.setup).code).toBe('already_set_up');
    expect(snapshotDir(dataDir)).toEqual(before);
  });

  it('a real database damaged in its first page: unreadable, untouched', async () => {
    const { dataDir } = await closedCentre();
    const db = databasePath(dataDir);
    const fd = openSync(db, 'r+');
    try {
      writeSync(fd, randomBytes(64), 0, 64, 200);
    } finally {
      closeSync(fd);
    }
    const before = snapshotDir(dataDir);
    const seen = await tryToOpen(dataDir);
    expectRefusedAs(seen, 'unreadable');
    expect(snapshotDir(dataDir)).toEqual(before);
  });

  it('an empty file: unreadable, never initialised as a new store', async () => {
    const { dataDir } = await closedCentre();
    writeFileSync(databasePath(dataDir), Buffer.alloc(0));
    const before = snapshotDir(dataDir);
    const seen = await tryToOpen(dataDir);
    // Any key opens an empty file: without a check it would get a fresh, empty schema.
    expectRefusedAs(seen, 'unreadable');
    expect(errorOf(seen.setup).code).toBe('already_set_up');
    expect(snapshotDir(dataDir)).toEqual(before);
  });

  it('a database written by a newer Parcours: from_future, refused before anything is written', async () => {
    const { dataDir } = await closedCentre();
    const key = await dataKeyOf(dataDir);
    const handle = openEncrypted({ file: databasePath(dataDir), key });
    handle
      .prepare('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)')
      .run(999, 'from-the-future', '2031-01-01T00:00:00.000Z');
    handle.close();
    const before = snapshotDir(dataDir);

    const seen = await tryToOpen(dataDir);
    expect(errorOf(seen.login)).toMatchObject({
      code: 'store_unavailable',
      details: { problem: 'from_future' },
    });
    expect(errorOf(seen.login).message).toMatch(/newer version/i);
    expect(seen.statusAfter).toEqual({ state: 'unavailable', problem: 'from_future' });
    expect(errorOf(seen.setup).code).toBe('already_set_up');
    expect(snapshotDir(dataDir)).toEqual(before);
  });

  it('a database without its keyring: keyring_missing, nothing recreated', async () => {
    const { dataDir } = await closedCentre();
    rmSync(Keyring.path(dataDir));
    const before = snapshotDir(dataDir);
    const seen = await tryToOpen(dataDir);
    expect(seen.statusBefore).toEqual({ state: 'unavailable', problem: 'keyring_missing' });
    expect(errorOf(seen.login)).toMatchObject({
      code: 'store_unavailable',
      details: { problem: 'keyring_missing' },
    });
    expect(errorOf(seen.setup).code).toBe('already_set_up');
    expect(snapshotDir(dataDir)).toEqual(before);
  });

  it('a damaged or foreign keyring: keyring_missing with a clear answer, never an internal error, nothing rewritten', async () => {
    for (const content of [
      '{"format":"parcours-keyring","version":1,"cip',
      '',
      '{"format":"something-else"}',
      'null',
      '[]',
    ]) {
      const { dataDir } = await closedCentre();
      writeFileSync(Keyring.path(dataDir), content);
      const before = snapshotDir(dataDir);
      const seen = await tryToOpen(dataDir);
      expect(seen.statusBefore, JSON.stringify(content)).toEqual({
        state: 'unavailable',
        problem: 'keyring_missing',
      });
      expect(errorOf(seen.login), JSON.stringify(content)).toMatchObject({
        code: 'store_unavailable',
        details: { problem: 'keyring_missing' },
      });
      expect(errorOf(seen.setup).code).toBe('already_set_up');
      expect(snapshotDir(dataDir)).toEqual(before);
    }
  });

  it('a keyring without its database: missing, no empty database created', async () => {
    const { dataDir } = await closedCentre();
    rmSync(databasePath(dataDir));
    const before = snapshotDir(dataDir);
    const seen = await tryToOpen(dataDir);
    expect(seen.statusBefore).toEqual({ state: 'unavailable', problem: 'missing' });
    expect(errorOf(seen.login)).toMatchObject({ code: 'store_unavailable', details: { problem: 'missing' } });
    expect(errorOf(seen.setup).code).toBe('already_set_up');
    expect(snapshotDir(dataDir)).toEqual(before);
  });

  it('errors are logged by kind only, and the original centre opens again once its files are back', async () => {
    const { dataDir } = await closedCentre();
    const db = databasePath(dataDir);
    const saved = `${dataDir}.saved.db`;
    copyFileSync(db, saved);
    writeFileSync(db, randomBytes(8192));
    const seen = await tryToOpen(dataDir);
    expect(errorOf(seen.login).code).toBe('store_unavailable');
    for (const line of seen.logs) expect(line).not.toContain(ADMIN.password);

    copyFileSync(saved, db);
    rmSync(saved);
    const back = await startCore(dataDir);
    expect(
      (await back.must('auth.login', { username: ADMIN.username, password: ADMIN.password })).centreName,
    ).toBe('SPOT Test');
  });
});

describe('migrations', () => {
  it('the registry is versions 1..n in order, and every migrations/NNNN-name.ts file is in it', async () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
    const dir = path.resolve(__dirname, '../../migrations');
    const files = readdirSync(dir)
      .filter((f) => /^\d{4}-.+\.ts$/.test(f))
      .sort();
    expect(files).toHaveLength(MIGRATIONS.length);
    for (const [i, file] of files.entries()) {
      const version = Number(file.slice(0, 4));
      expect(version, file).toBe(i + 1);
      const module = (await import(path.join(dir, file))) as Record<string, unknown>;
      const exported = Object.values(module).filter(
        (v): v is Migration => typeof v === 'object' && v !== null && 'version' in v && 'up' in v,
      );
      expect(exported, file).toHaveLength(1);
      expect(MIGRATIONS[i], file).toBe(exported[0]);
      expect(file, 'file name matches the migration').toBe(
        `${String(version).padStart(4, '0')}-${exported[0].name}.ts`,
      );
      expect(readFileSync(path.join(dir, file), 'utf8')).not.toMatch(/synchronize\s*\(/);
    }
  });

  it('a new store records every version it was built with', async () => {
    const { dataDir } = await closedCentre();
    const handle = openEncrypted({
      file: databasePath(dataDir),
      key: await dataKeyOf(dataDir),
      readonly: true,
    });
    try {
      const rows = handle.prepare('SELECT version, name FROM schema_version ORDER BY version').all();
      expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    } finally {
      handle.close();
    }
  });
});

describe('a failed write leaves nothing half-written', () => {
  it('a transaction that fails after several inserts rolls all of them back', async () => {
    const t = await setUpCentre();
    const store = t.core.ctx.vault.requireStore();
    const before = fingerprint(store.handle);
    const failure = await store
      .transaction(async (em) => {
        const now = t.clock.now().toISOString();
        await em.getRepository(SiteEntity).insert({
          id: 'half',
          code: 'HALF',
          name: 'Half',
          city: null,
          timezone: 'Europe/Paris',
          active: true,
          openingHours: null,
          createdAt: now,
          updatedAt: now,
          version: 1,
        });
        await appendAudit(
          em,
          { actorId: null, action: 'create', targetType: 'site', targetId: 'half' },
          t.clock.now(),
        );
        throw new Error('disk full (simulated)');
      })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(Error);
    expect(fingerprint(store.handle)).toEqual(before);
    expect((await t.must('audit.verify', {}, t.token)).intact).toBe(true);
    // The store goes on working after the failure.
    await t.must('centre.saveSite', { code: 'NEXT', name: 'Next', timezone: 'Europe/Paris' }, t.token);
  });

  it('a staff account whose key cannot be written is not created (database and keyring agree)', async () => {
    const t = await setUpCentre();
    const store = t.core.ctx.vault.requireStore();
    const ringFile = Keyring.path(t.dataDir);
    const ringBefore = readFileSync(ringFile, 'utf8');
    const before = fingerprint(store.handle);

    // The keyring cannot be replaced: a folder stands where the file should go (root ignores modes).
    rmSync(ringFile);
    mkdirSync(ringFile);
    writeFileSync(path.join(ringFile, 'x'), 'x');
    const r = await t.call(
      'users.create',
      { username: 'nina', displayName: 'Nina', roles: ['nurse'], siteIds: [t.siteIds[0]] },
      t.token,
    );
    expect(errorOf(r).code).toBe('internal');
    expect(fingerprint(store.handle)).toEqual(before);
    // No half-written copy of the keyring (wrapped keys) is left lying beside it.
    expect(readdirSync(t.dataDir).filter((f) => f.includes('.partial'))).toEqual([]);

    // The disk is fine again: the next account is created, and the failed one left no key behind.
    rmSync(ringFile, { recursive: true });
    writeFileSync(ringFile, ringBefore);
    await t.must(
      'users.create',
      { username: 'omar', displayName: 'Omar', roles: ['nurse'], siteIds: [t.siteIds[0]] },
      t.token,
    );
    const ring = Keyring.load(t.dataDir);
    expect(ring?.account('omar')).not.toBeNull();
    expect(ring?.account('nina')).toBeNull();
    const list = await t.must('users.list', { page: 1, pageSize: 50, includeInactive: true }, t.token);
    expect(list.items.map((u) => u.username).sort()).toEqual([ADMIN.username, 'omar']);
  });

  it('a deactivation whose key removal cannot be written changes nothing: the user stays active and can still log in', async () => {
    const t = await setUpCentre();
    const nurse = await t.must(
      'users.create',
      { username: 'nina', displayName: 'Nina', roles: ['nurse'], siteIds: [t.siteIds[0]] },
      t.token,
    );
    const store = t.core.ctx.vault.requireStore();
    const ringFile = Keyring.path(t.dataDir);
    const ringBefore = readFileSync(ringFile, 'utf8');
    const before = fingerprint(store.handle);

    rmSync(ringFile);
    mkdirSync(ringFile);
    writeFileSync(path.join(ringFile, 'x'), 'x');
    expect(
      errorOf(await t.call('users.deactivate', { id: nurse.user.id, version: nurse.user.version }, t.token))
        .code,
    ).toBe('internal');
    expect(fingerprint(store.handle)).toEqual(before);
    rmSync(ringFile, { recursive: true });
    writeFileSync(ringFile, ringBefore);

    // Memory agrees with the database: the account still opens the data, in this run and after a restart.
    expect((await t.call('auth.login', { username: 'nina', password: nurse.temporaryPassword })).ok).toBe(
      true,
    );
    await t.core.close();
    const again = await startCore(t.dataDir, t.clock);
    expect((await again.call('auth.login', { username: 'nina', password: nurse.temporaryPassword })).ok).toBe(
      true,
    );
  });
});

describe('opening the store once', () => {
  it('two first logins at the same moment share one store: one handle, one audit chain, nothing left open', async () => {
    const { dataDir, t } = await closedCentre();
    const core = await startCore(dataDir, t.clock);
    core.clock.advance(60_000);
    const [a, b] = await Promise.all([
      core.call('auth.login', { username: ADMIN.username, password: ADMIN.password }),
      core.call('auth.login', { username: ADMIN.username, password: ADMIN.password }),
    ]);
    expect(a.ok && b.ok).toBe(true);
    const token = a.ok ? a.value.token : '';
    const logins = await core.must('audit.list', { page: 1, pageSize: 50, action: 'login' }, token);
    expect(logins.total).toBe(3); // the set-up login and these two
    expect((await core.must('audit.verify', {}, token)).intact).toBe(true);
    await core.core.close();
    // Every handle was closed: the last one to close folds the write-ahead log back into the file.
    expect(
      readdirSync(dataDir)
        .filter((f) => f.startsWith('parcours.db'))
        .sort(),
    ).toEqual(['parcours.db']);
  });
});
