/**
 * The schema has one checked definition: the store the migrations build is, table for table, the
 * one the TypeORM entities describe — columns (type with its length, nullability, default, primary
 * key, autoincrement), foreign keys, unique constraints and indexes. The database side is read with
 * SQLite's own PRAGMAs, the entity side from `dataSource.entityMetadatas`, both as plain sentences,
 * so a failure lists each difference readably ("only in the database: …"). TypeORM's own schema
 * diff must also want nothing. The same holds for a store upgraded from the previous version with
 * rows in it, which also keeps its rows, its audit triggers and its search index.
 */
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as MigrationsModule from '../../migrations';
import { fingerprint, integrityOk } from '../../electron/core/db/fingerprint';
import type { SqliteHandle } from '../../electron/core/db/sqlite';
import { Store } from '../../electron/core/db/store';
import { tempDir } from './helpers/core';

// Builds a store of an older version by hiding the later migrations (as store-migrate.test.ts).
const registry = vi.hoisted(() => ({ upTo: null as number | null }));
vi.mock('../../migrations', async (importOriginal) => {
  const real = await importOriginal<typeof MigrationsModule>();
  const list = () => real.MIGRATIONS.filter((m) => registry.upTo === null || m.version <= registry.upTo);
  return {
    ...real,
    get MIGRATIONS() {
      return list();
    },
    get LATEST_SCHEMA_VERSION() {
      return list()[list().length - 1].version;
    },
  };
});

beforeEach(() => {
  registry.upTo = null;
});

/** Tables the store holds on purpose without an entity, and why. */
const NOT_ENTITIES: Record<string, string> = {
  schema_version: 'the migrations’ own record of the versions applied',
  person_search: 'the FTS5 search index, behind electron/core/services/persons/search-index.ts',
  person_search_row: 'the search index’s rows (content of person_search), behind search-index.ts',
};

interface ColumnInfo {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}
interface ForeignKeyInfo {
  id: number;
  seq: number;
  table: string;
  from: string;
  to: string;
  on_update: string;
  on_delete: string;
}
interface IndexInfo {
  name: string;
  unique: number;
  origin: 'c' | 'u' | 'pk';
  partial: number;
}

const list = (columns: readonly string[]) => `(${columns.join(', ')})`;

function columnFact(
  table: string,
  c: { name: string; type: string; nullable: boolean; default: string | undefined; autoincrement: boolean },
): string {
  return (
    `${table}.${c.name}: ${c.type.toLowerCase()}${c.nullable ? '' : ' not null'}` +
    `${c.default === undefined ? '' : ` default ${c.default}`}${c.autoincrement ? ' autoincrement' : ''}`
  );
}

/** The schema as SQLite has it, one sentence per fact. */
function databaseFacts(db: SqliteHandle): string[] {
  const objects = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as Array<{ name: string; sql: string }>;
  // An FTS5 table keeps its data in shadow tables named after it.
  const virtual = objects.filter((o) => /^CREATE VIRTUAL TABLE/i.test(o.sql)).map((o) => o.name);
  const tables = objects.filter(
    (o) => !(o.name in NOT_ENTITIES) && !virtual.some((v) => o.name === v || o.name.startsWith(`${v}_`)),
  );
  const facts: string[] = [];
  for (const { name: table, sql } of tables) {
    facts.push(`table ${table}`);
    const columns = db.prepare(`PRAGMA table_info("${table}")`).all() as ColumnInfo[];
    for (const c of columns)
      facts.push(
        columnFact(table, {
          name: c.name,
          type: c.type,
          nullable: c.notnull === 0 && c.pk === 0,
          default: c.dflt_value ?? undefined,
          autoincrement: new RegExp(`"${c.name}" [^,]*AUTOINCREMENT`, 'i').test(sql),
        }),
      );
    const pk = columns
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name);
    facts.push(pk.length ? `${table} primary key ${list(pk)}` : `${table} has no primary key`);

    const fks = db.prepare(`PRAGMA foreign_key_list("${table}")`).all() as ForeignKeyInfo[];
    for (const id of [...new Set(fks.map((f) => f.id))]) {
      const parts = fks.filter((f) => f.id === id).sort((a, b) => a.seq - b.seq);
      facts.push(
        `${table} foreign key ${list(parts.map((p) => p.from))} → ${parts[0].table}${list(parts.map((p) => p.to))}` +
          ` on delete ${parts[0].on_delete} on update ${parts[0].on_update}`,
      );
    }

    for (const index of db.prepare(`PRAGMA index_list("${table}")`).all() as IndexInfo[]) {
      if (index.origin === 'pk') continue;
      const cols = (
        db.prepare(`PRAGMA index_info("${index.name}")`).all() as Array<{ seqno: number; name: string }>
      )
        .sort((a, b) => a.seqno - b.seqno)
        .map((c) => c.name);
      if (index.origin === 'u') facts.push(`${table} unique ${list(cols)}`);
      else
        facts.push(
          `${table} ${index.unique ? 'unique index' : 'index'} ${index.name} ${list(cols)}${index.partial ? ' partial' : ''}`,
        );
    }
  }
  return facts.sort();
}

/** The schema as the entities describe it, in the same sentences. */
function entityFacts(ds: DataSource): string[] {
  const driver = ds.driver;
  const facts: string[] = [];
  for (const meta of ds.entityMetadatas) {
    const table = meta.tableName;
    facts.push(`table ${table}`);
    for (const c of meta.columns)
      facts.push(
        columnFact(table, {
          name: c.databaseName,
          type: `${driver.normalizeType(c)}${c.length ? `(${c.length})` : ''}`,
          nullable: c.isNullable,
          default: driver.normalizeDefault(c),
          autoincrement: c.isGenerated && c.generationStrategy === 'increment',
        }),
      );
    const pk = meta.primaryColumns.map((c) => c.databaseName);
    facts.push(pk.length ? `${table} primary key ${list(pk)}` : `${table} has no primary key`);
    for (const fk of meta.foreignKeys)
      facts.push(
        `${table} foreign key ${list(fk.columnNames)} → ${fk.referencedTablePath}${list(fk.referencedColumnNames)}` +
          ` on delete ${fk.onDelete ?? 'NO ACTION'} on update ${fk.onUpdate ?? 'NO ACTION'}`,
      );
    for (const u of meta.uniques) facts.push(`${table} unique ${list(u.columns.map((c) => c.databaseName))}`);
    for (const index of meta.indices)
      facts.push(
        `${table} ${index.isUnique ? 'unique index' : 'index'} ${index.name} ${list(index.columns.map((c) => c.databaseName))}${index.where ? ' partial' : ''}`,
      );
  }
  return facts.sort();
}

/** Every fact on one side only, labelled with its side; empty when the schemas agree. */
function differences(db: SqliteHandle, ds: DataSource): string[] {
  const inDatabase = databaseFacts(db);
  const inEntities = entityFacts(ds);
  return [
    ...inDatabase.filter((f) => !inEntities.includes(f)).map((f) => `only in the database: ${f}`),
    ...inEntities.filter((f) => !inDatabase.includes(f)).map((f) => `only in the entities: ${f}`),
  ];
}

async function typeormWants(ds: DataSource): Promise<string[]> {
  return (await ds.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query);
}

/** The objects the entities do not describe are there and work: append-only audit log, search index. */
function expectStoreObjects(db: SqliteHandle): void {
  const triggers = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all() as Array<{
      name: string;
    }>
  ).map((t) => t.name);
  expect(triggers).toEqual(['audit_log_no_delete', 'audit_log_no_update']);
  for (const table of Object.keys(NOT_ENTITIES))
    expect(db.prepare('SELECT count(*) AS n FROM sqlite_master WHERE name = ?').get(table), table).toEqual({
      n: 1,
    });
}

async function openNew(): Promise<Store> {
  return Store.open({ dataDir: tempDir(), key: randomBytes(32), create: true });
}

describe('the migrated schema is the schema of the entities', () => {
  it('a new store: same tables, columns, keys, uniques and indexes', async () => {
    const store = await openNew();
    try {
      expect(differences(store.handle, store.ds)).toEqual([]);
      // Not vacuous: every entity table is compared, and the facts cover every kind of constraint.
      const facts = databaseFacts(store.handle);
      for (const meta of store.ds.entityMetadatas) expect(facts).toContain(`table ${meta.tableName}`);
      for (const kind of [' primary key ', ' foreign key ', ' unique (', ' index ', ' default ', ' not null'])
        expect(
          facts.some((f) => f.includes(kind)),
          kind,
        ).toBe(true);
      expectStoreObjects(store.handle);
    } finally {
      await store.close();
    }
  });

  it('a new store: TypeORM’s own schema diff wants no statement', async () => {
    const store = await openNew();
    try {
      expect(await typeormWants(store.ds)).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('the comparison sees a difference on either side and names it', async () => {
    const store = await openNew();
    try {
      const stepIndex = store.ds.getMetadata('VisitStep').indices[0].name;
      store.handle.exec('CREATE INDEX zz_extra ON visit (step)');
      store.handle.exec(`DROP INDEX "${stepIndex}"`);
      const found = differences(store.handle, store.ds);
      expect(found).toContain('only in the database: visit index zz_extra (step)');
      expect(found).toContain(`only in the entities: visit_step index ${stepIndex} (visit_id, at)`);
      expect(found).toHaveLength(2);
    } finally {
      await store.close();
    }
  });

  it('a version-2 store with rows upgrades to the same schema, keeping its rows, audit triggers and search index', async () => {
    const dataDir = tempDir();
    const key = randomBytes(32);
    registry.upTo = 2;
    const old = await Store.open({ dataDir, key, create: true });
    const t = '2025-06-01T09:00:00.000Z';
    old.handle.exec(`
      INSERT INTO site (id, code, name, timezone, active, created_at, updated_at, version) VALUES ('s1', 'MTP', 'Montpellier', 'Europe/Paris', 1, '${t}', '${t}', 1);
      INSERT INTO file_number_counter (site_id, year, last) VALUES ('s1', 2025, 41), ('s1', 2024, 7);
      INSERT INTO person (id, file_number, site_id, name_used, created_at, updated_at) VALUES ('p1', 'MTP-2025-00041', 's1', 'Alex', '${t}', '${t}');
      INSERT INTO person_search (person_id, field, text) VALUES ('p1', 'name_used', 'alex');
      INSERT INTO audit_log (at, action, prev_hash, hash) VALUES ('${t}', 'login', '0', 'h1');
    `);
    const before = fingerprint(old.handle);
    const auditBefore = old.handle.prepare('SELECT * FROM audit_log ORDER BY seq').all();
    const sitesBefore = old.handle.prepare('SELECT * FROM site ORDER BY id').all();
    await old.close();

    registry.upTo = null;
    const store = await Store.open({ dataDir, key });
    try {
      expect(differences(store.handle, store.ds)).toEqual([]);
      expect(await typeormWants(store.ds)).toEqual([]);
      const after = fingerprint(store.handle);
      // The search index is derived data that migration 0005 rebuilds from the persons (checked
      // below); every other table keeps its rows exactly.
      const derived = (n: string) => n === 'schema_version' || n.startsWith('person_search');
      const gainedColumns = (n: string) => n === 'audit_log' || n === 'site';
      for (const table of Object.keys(before).filter((n) => !derived(n) && !gainedColumns(n)))
        expect(after[table], table).toEqual(before[table]);
      // A site keeps every value exactly; 0019's address and phone start empty.
      const sitesAfter = store.handle.prepare('SELECT * FROM site ORDER BY id').all() as Array<{
        address: string | null;
        phone: string | null;
      }>;
      expect(sitesAfter.map(({ address: _a, phone: _p, ...row }) => row)).toEqual(sitesBefore);
      expect(sitesAfter.map((row) => [row.address, row.phone])).toEqual(sitesBefore.map(() => [null, null]));
      // The audit log keeps every entry exactly, each marked as plain SHA-256 by 0004's new column.
      const auditAfter = store.handle.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Array<{
        chain_version: number;
      }>;
      expect(auditAfter.map(({ chain_version: _v, ...row }) => row)).toEqual(auditBefore);
      expect(auditAfter.map((row) => row.chain_version)).toEqual(auditBefore.map(() => 1));
      expectStoreObjects(store.handle);
      expect(() => store.handle.exec("UPDATE audit_log SET action = 'x'")).toThrow(/append-only/);
      expect(() => store.handle.exec('DELETE FROM audit_log')).toThrow(/append-only/);
      const found = (query: string) =>
        store.handle
          .prepare(
            'SELECT r.person_id, r.field FROM person_search f JOIN person_search_row r ON r.id = f.rowid WHERE person_search MATCH ?',
          )
          .all(query);
      expect(found('lex')).toEqual([{ person_id: 'p1', field: 'name_used' }]);
      // Rebuilt from the person, not copied: the file number is found too.
      expect(found('202500041')).toEqual([{ person_id: 'p1', field: 'file_number' }]);
      // The counter's pair is now its primary key: a number once given cannot be given twice.
      expect(() =>
        store.handle.exec("INSERT INTO file_number_counter (site_id, year, last) VALUES ('s1', 2025, 1)"),
      ).toThrow(/UNIQUE|PRIMARY KEY/);
      expect(store.handle.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
      expect(integrityOk(store.handle)).toBe(true);
    } finally {
      await store.close();
    }
  });
});
