/**
 * Migrations run in one transaction at start-up: when one fails, every pending version is rolled
 * back — tables, columns, rows and the version record — and the store is exactly as before.
 * `migrate` reads the registry module directly (no injection point), so this file replaces the
 * registry with the real one plus extra test versions (vi.mock).
 */
import { randomBytes } from 'node:crypto';
import { Table, TableColumn } from 'typeorm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as MigrationsModule from '../../migrations';
import type { Migration } from '../../migrations';
import { fingerprint } from '../../electron/core/db/fingerprint';
import { Keyring } from '../../electron/core/db/keyring';
import { unwrapKey } from '../../electron/core/db/keywrap';
import { openEncrypted, type SqliteHandle } from '../../electron/core/db/sqlite';
import { Store, databasePath } from '../../electron/core/db/store';
import { ADMIN, setUpCentre, startCore, tempDir } from './helpers/core';
import { personInput, reception } from './helpers/reception';
import { snapshotDir } from './helpers/torture-fs';
import { migration0010 } from '../../migrations/0010-name-year-key';

const extra = vi.hoisted(() => ({ migrations: [] as Migration[], upTo: null as number | null }));

vi.mock('../../migrations', async (importOriginal) => {
  const real = await importOriginal<typeof MigrationsModule>();
  const all = () => [
    ...real.MIGRATIONS.filter((m) => extra.upTo === null || m.version <= extra.upTo),
    ...extra.migrations,
  ];
  return {
    ...real,
    get MIGRATIONS() {
      return all();
    },
    get LATEST_SCHEMA_VERSION() {
      const list = all();
      return list[list.length - 1].version;
    },
  };
});

const { MIGRATIONS: REAL } = await vi.importActual<typeof MigrationsModule>('../../migrations');
/** The latest real version (versions may skip a number while parallel branches are merged). */
const LATEST = REAL[REAL.length - 1].version;
const NEXT = LATEST + 1;

/** A migration that does real work (new table, new column, rows) and then fails half-way. */
const failing: Migration = {
  version: NEXT,
  name: 'fails-half-way',
  async up(qr) {
    await qr.createTable(
      new Table({ name: 'zz_partial', columns: [{ name: 'id', type: 'integer', isPrimary: true }] }),
    );
    await qr.query('INSERT INTO zz_partial (id) VALUES (1), (2)');
    await qr.addColumn('site', new TableColumn({ name: 'zz_flag', type: 'integer', isNullable: true }));
    await qr.query("UPDATE site SET name = 'changed by a half migration'");
    throw new Error('migration failed half-way (simulated)');
  },
};

const working: Migration = {
  version: NEXT,
  name: 'adds-a-table',
  async up(qr) {
    await qr.createTable(
      new Table({ name: 'zz_new', columns: [{ name: 'id', type: 'integer', isPrimary: true }] }),
    );
  },
};

function tablesOf(handle: ReturnType<typeof openEncrypted>): string[] {
  return (
    handle.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{
      name: string;
    }>
  ).map((r) => r.name);
}

beforeEach(() => {
  extra.migrations = [];
  extra.upTo = null;
});

describe('a failing migration rolls everything back', () => {
  it('on an existing store: same content, same version, no new table or column; the store still opens', async () => {
    const t = await setUpCentre();
    await t.core.close();
    const account = Keyring.load(t.dataDir)?.account(ADMIN.username);
    const key = account ? await unwrapKey(account.wrapped, ADMIN.password) : null;
    if (!key) throw new Error('no key');
    const read = () => {
      const h = openEncrypted({ file: databasePath(t.dataDir), key });
      try {
        return {
          fp: fingerprint(h),
          tables: tablesOf(h),
          siteColumns: (h.prepare('PRAGMA table_info(site)').all() as Array<{ name: string }>).map(
            (c) => c.name,
          ),
        };
      } finally {
        h.close();
      }
    };
    const before = read();

    extra.migrations = [failing];
    await expect(Store.open({ dataDir: t.dataDir, key })).rejects.toThrow(/half-way/);
    const after = read();
    expect(after).toEqual(before);
    expect(after.tables).not.toContain('zz_partial');
    expect(after.siteColumns).not.toContain('zz_flag');

    // Through the API: the login is refused, nothing is written, and the centre still opens with this version.
    const files = snapshotDir(t.dataDir);
    const core = await startCore(t.dataDir, t.clock);
    const login = await core.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(login.ok).toBe(false);
    await core.core.close();
    expect(read()).toEqual(before);
    expect(snapshotDir(t.dataDir)['parcours.db']).toBe(files['parcours.db']);

    extra.migrations = [];
    const again = await startCore(t.dataDir, t.clock);
    expect(
      (await again.must('auth.login', { username: ADMIN.username, password: ADMIN.password })).centreName,
    ).toBe('SPOT Test');
  });

  it('on a new store: none of the versions is applied, not even the ones before the failing one', async () => {
    const dataDir = tempDir();
    const key = randomBytes(32);
    extra.migrations = [failing];
    await expect(Store.open({ dataDir, key, create: true })).rejects.toThrow(/half-way/);
    const h = openEncrypted({ file: databasePath(dataDir), key, create: true });
    try {
      expect(tablesOf(h)).toEqual([]);
    } finally {
      h.close();
    }
  });

  it('a working next version applies and is recorded (the replaced registry is really used)', async () => {
    const t = await setUpCentre();
    await t.core.close();
    extra.migrations = [working];
    const again = await startCore(t.dataDir, t.clock);
    await again.must('auth.login', { username: ADMIN.username, password: ADMIN.password });
    const store = again.core.ctx.vault.requireStore();
    expect(store.handle.prepare('SELECT max(version) AS v FROM schema_version').get()).toEqual({ v: NEXT });
    expect(tablesOf(store.handle)).toContain('zz_new');
  });
});

function columnsOf(db: SqliteHandle, table: string): string[] {
  return (db.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string }>).map((c) => c.name);
}

/** The rows of a table over the given columns, in a fixed order. */
function rowsOf(db: SqliteHandle, table: string, columns: string[]): unknown[] {
  const list = columns.map((c) => `"${c}"`).join(', ');
  return db.prepare(`SELECT ${list} FROM "${table}" ORDER BY ${list}`).all();
}

describe('upgrading a store that holds data', () => {
  it('a version-1 store with sites, staff and audit entries opens with this version and keeps every row', async () => {
    const dataDir = tempDir();
    const key = randomBytes(32);
    extra.upTo = 1;
    const old = await Store.open({ dataDir, key, create: true });
    const now = '2025-06-01T09:00:00.000Z';
    old.handle.exec(`
      INSERT INTO centre (id, name, auto_lock_minutes, default_locale, created_at, updated_at, version) VALUES ('centre', 'Ancien centre', 10, 'fr', '${now}', '${now}', 1);
      INSERT INTO site (id, code, name, city, timezone, active, created_at, updated_at, version) VALUES ('s1', 'MTP', 'Montpellier', NULL, 'Europe/Paris', 1, '${now}', '${now}', 1);
      INSERT INTO staff_user (id, username, display_name, must_change_password, active, locale, last_login_at, deactivated_at, created_at, updated_at, version) VALUES ('u1', 'camille', 'Camille', 0, 1, 'fr', NULL, NULL, '${now}', '${now}', 1);
      INSERT INTO staff_user_role (user_id, role) VALUES ('u1', 'coordinator');
      INSERT INTO staff_user_site (user_id, site_id) VALUES ('u1', 's1');
    `);
    // Later versions may add columns (with defaults): every row keeps every value it had.
    const kept = ['centre', 'staff_user', 'staff_user_role', 'staff_user_site', 'audit_log'];
    const columnsBefore = new Map(kept.map((table) => [table, columnsOf(old.handle, table)]));
    const rowsBefore = new Map(
      kept.map((table) => [table, rowsOf(old.handle, table, columnsBefore.get(table)!)]),
    );
    await old.close();

    extra.upTo = null;
    const upgraded = await Store.open({ dataDir, key });
    try {
      const v = upgraded.handle.prepare('SELECT max(version) AS v FROM schema_version').get() as {
        v: number;
      };
      expect(v.v).toBe(LATEST);
      const after = fingerprint(upgraded.handle);
      for (const table of kept)
        expect(rowsOf(upgraded.handle, table, columnsBefore.get(table)!), table).toEqual(
          rowsBefore.get(table),
        );
      expect(after.site.rows).toBe(1);
      expect(upgraded.handle.prepare('SELECT unusual_reads_per_hour AS n FROM centre').get()).toEqual({
        n: 40,
      });
      expect(upgraded.handle.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
      expect(upgraded.handle.prepare('PRAGMA foreign_keys').get()).toEqual({ foreign_keys: 1 });
    } finally {
      await upgraded.close();
    }
  });

  it('persons filed before version 10 are found by a word of their name and their birth year after the upgrade', async () => {
    const t = await reception();
    // Fifty other "awa" names first: hers is then found by the word-and-year key only (not among
    // the first trigram matches, nor the alphabetical neighbours of "diallo awa").
    for (let i = 0; i < 50; i++)
      await t.must(
        'persons.create',
        personInput(t, { nameUsed: 'Awa Koné', birthYear: 1960 }),
        t.worker.token,
      );
    const awa = await t.must(
      'persons.create',
      personInput(t, { nameUsed: 'Awa', birthYear: 1994 }),
      t.worker.token,
    );
    // The search rows as version 9 left them: without the year, no key. Then version 10's upgrade,
    // as the start-up runs it (later versions, already applied, do not touch these rows).
    const store = t.core.ctx.vault.requireStore();
    store.handle.exec(`
      DROP INDEX person_search_row_name_year;
      ALTER TABLE person_search_row DROP COLUMN birth_year;
    `);
    const runner = store.ds.createQueryRunner();
    await runner.startTransaction();
    await migration0010.up(runner);
    await runner.commitTransaction();
    await runner.release();
    await t.core.close();

    const again = await startCore(t.dataDir, t.clock);
    const { token } = await again.must('auth.login', {
      username: 'kasey',
      password: 'Nouveau-Mot-de-passe-2026',
    });
    const found = await again.must('persons.duplicates', { nameUsed: 'Diallo Awa', birthYear: 1994 }, token);
    expect(found.map((d) => [d.id, d.reasons])).toEqual([[awa.id, ['name', 'birth_year']]]);
  });
});
