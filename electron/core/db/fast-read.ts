/**
 * Reading many rows of one entity without TypeORM's per-row hydration, for the hot paths (the
 * dossier of someone followed for ten years). The SELECT is built from the entity's own metadata,
 * so column names, JSON and boolean conversions stay in one place; only equality filters and an
 * ORDER BY are supported, which keeps the SQL portable.
 */
import type { EntityManager, EntitySchema } from 'typeorm';

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
  where: Partial<Record<keyof Row & string, string | number>>,
  orderBy: { column: keyof Row & string; direction: 'ASC' | 'DESC' },
): Promise<Row[]> {
  const plan = planFor(em, entity);
  const column = (name: string) => {
    const db = plan.columns.get(name);
    if (!db) throw new Error(`unknown column ${name}`);
    return `"${db}"`;
  };
  const filters = Object.keys(where);
  const sql = `SELECT ${plan.select} FROM "${plan.table}"${filters.length ? ` WHERE ${filters.map((f) => `${column(f)} = ?`).join(' AND ')}` : ''} ORDER BY ${column(orderBy.column)} ${orderBy.direction}`;
  const rows = await em.query<Array<Record<string, unknown>>>(sql, Object.values(where));
  for (const row of rows) {
    for (const key of plan.json)
      row[key] = typeof row[key] === 'string' ? (JSON.parse(row[key]) as unknown) : row[key];
    for (const key of plan.booleans) row[key] = row[key] === null ? null : Boolean(row[key]);
  }
  return rows as Row[];
}
