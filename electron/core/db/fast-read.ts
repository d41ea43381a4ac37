/**
 * Reading many rows of one entity without TypeORM's per-row hydration, for the hot paths (the
 * dossier of someone followed for ten years). The SELECT is built from the entity's own metadata,
 * so column names, JSON and boolean conversions stay in one place; only equality filters (a list:
 * `IN`) and an ORDER BY are supported, which keeps the SQL portable.
 */
import type { EntityManager, EntitySchema } from 'typeorm';
import type { SqliteHandle } from './sqlite';

/** What the hot paths use of a prepared statement (positional parameters only). */
interface Statement {
  readonly reader: boolean;
  all(...parameters: unknown[]): unknown[];
  run(...parameters: unknown[]): unknown;
}

/**
 * Statements prepared once per connection. TypeORM's `query` goes through its logger, its
 * subscribers' broadcasts and an async statement look-up for every call; on the hot paths (every
 * call's session check, every audit append, every dossier section) that overhead was several
 * times the work SQLite does. The handle is the one TypeORM runs its transaction on (store.ts
 * hands TypeORM its pre-opened handle), so these statements run inside the caller's transaction.
 */
const prepared = new WeakMap<SqliteHandle, Map<string, Statement>>();

const STATEMENTS_KEPT = 256;

function sqliteHandleOf(em: EntityManager): SqliteHandle | null {
  if (em.connection.driver.options.type !== 'better-sqlite3') return null;
  const handle = (em.connection.driver as unknown as { databaseConnection?: SqliteHandle })
    .databaseConnection;
  return handle ?? null;
}

function statementOn(handle: SqliteHandle, sql: string): Statement {
  let cache = prepared.get(handle);
  if (!cache) prepared.set(handle, (cache = new Map<string, Statement>()));
  let statement = cache.get(sql);
  if (statement) return statement;
  statement = handle.prepare<unknown[]>(sql);
  // The hot paths use a few dozen texts; a batch of unusual size is prepared and not kept.
  if (cache.size < STATEMENTS_KEPT) cache.set(sql, statement);
  return statement;
}

/**
 * Runs one statement of a declared hot path and returns its rows (a reader) or nothing (a write).
 * Falls back to TypeORM's `query` on another driver, so the SQL stays portable behind it.
 */
export async function hotQuery<Row = Record<string, unknown>>(
  em: EntityManager,
  sql: string,
  parameters: readonly unknown[] = [],
): Promise<Row[]> {
  const handle = sqliteHandleOf(em);
  if (!handle) return em.query<Row[]>(sql, [...parameters]);
  const statement = statementOn(handle, sql);
  const values = [...parameters];
  if (statement.reader) return statement.all(...values) as Row[];
  statement.run(...values);
  return [];
}

interface Plan {
  select: string;
  table: string;
  json: string[];
  booleans: string[];
  columns: Map<string, string>;
}

const plans = new WeakMap<object, Plan>();

function planFor(em: EntityManager, entity: EntitySchema<unknown>): Plan {
  let plan = plans.get(entity);
  if (!plan) {
    const meta = em.connection.getMetadata(entity);
    const columns = new Map(meta.columns.map((c) => [c.propertyName, c.databaseName]));
    plan = {
      table: meta.tableName,
      select: meta.columns.map((c) => `"${c.databaseName}" AS "${c.propertyName}"`).join(', '),
      json: meta.columns.filter((c) => c.type === 'simple-json').map((c) => c.propertyName),
      booleans: meta.columns.filter((c) => c.type === 'boolean').map((c) => c.propertyName),
      columns,
    };
    plans.set(entity, plan);
  }
  return plan;
}

export async function findRows<Row extends object>(
  em: EntityManager,
  entity: EntitySchema<Row>,
  where: Partial<Record<keyof Row & string, string | number | readonly string[]>>,
  orderBy: { column: keyof Row & string; direction: 'ASC' | 'DESC' },
): Promise<Row[]> {
  const plan = planFor(em, entity);
  const column = (name: string) => {
    const db = plan.columns.get(name);
    if (!db) throw new Error(`unknown column ${name}`);
    return `"${db}"`;
  };
  const filters = Object.entries(where);
  if (filters.some(([, value]) => Array.isArray(value) && value.length === 0)) return [];
  const condition = ([name, value]: [string, unknown]) =>
    Array.isArray(value) ? `${column(name)} IN (${value.map(() => '?').join(', ')})` : `${column(name)} = ?`;
  const sql = `SELECT ${plan.select} FROM "${plan.table}"${filters.length ? ` WHERE ${filters.map(condition).join(' AND ')}` : ''} ORDER BY ${column(orderBy.column)} ${orderBy.direction}`;
  const rows = await hotQuery(
    em,
    sql,
    filters.flatMap(([, value]): readonly unknown[] =>
      Array.isArray(value) ? (value as readonly unknown[]) : [value],
    ),
  );
  for (const row of rows) {
    for (const key of plan.json)
      row[key] = typeof row[key] === 'string' ? (JSON.parse(row[key]) as unknown) : row[key];
    for (const key of plan.booleans) row[key] = row[key] === null ? null : Boolean(row[key]);
  }
  return rows as Row[];
}
