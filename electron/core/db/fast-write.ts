/**
 * Inserting many rows of one entity without TypeORM's per-row query building and its read-back of
 * the inserted row, for the hot paths (an import of a ten-year centre writes a million rows: built
 * one by one through `insert`, the query building and the read-back cost ten times the write).
 * The INSERT is built from the entity's own metadata and every value is converted by TypeORM's
 * own driver (JSON, booleans, dates, transformers), so a column receives what `insert` would
 * write; a property left undefined takes the column's default, as with `insert`.
 */
import type { EntityManager, EntityMetadata, EntitySchema } from 'typeorm';

type ColumnMetadata = EntityMetadata['columns'][number];

/**
 * Bound values per statement: SQLite's historical default limit (999), so any build accepts it;
 * a dozen columns still gives about 80 rows per statement, which amortises each one.
 */
const MAX_PARAMETERS = 999;

interface Plan {
  table: string;
  columns: ColumnMetadata[];
  /** What the plain path would do that this one does not (generated values, cascades). */
  plainOnly: boolean;
}

const plans = new WeakMap<object, Plan>();

function planFor(em: EntityManager, entity: object): Plan {
  let plan = plans.get(entity);
  if (!plan) {
    const meta = em.connection.getMetadata(entity as EntitySchema<unknown>);
    plan = {
      table: meta.tableName,
      columns: meta.columns.filter((c) => !c.isVirtual && c.isInsert),
      plainOnly:
        meta.relations.length > 0 ||
        meta.columns.some((c) => c.isGenerated || c.isCreateDate || c.isUpdateDate || c.isVersion) ||
        meta.ownListeners.length > 0 ||
        em.connection.subscribers.length > 0,
    };
    plans.set(entity, plan);
  }
  return plan;
}

/** Inserts `rows` (objects of the entity's properties) in as few statements as the limit allows. */
export async function insertRows<Row extends object>(
  em: EntityManager,
  entity: EntitySchema<Row>,
  rows: readonly Row[],
): Promise<void> {
  if (rows.length === 0) return;
  const plan = planFor(em, entity);
  if (plan.plainOnly) {
    // TypeORM's insert types cannot be checked against a generic Row.
    await em.getRepository(entity).insert(rows as never);
    return;
  }
  const driver = em.connection.driver;
  // Consecutive rows that define the same columns share one statement.
  let group: unknown[][] = [];
  let groupColumns: ColumnMetadata[] = [];
  let groupKey = '';
  const flush = async () => {
    if (group.length === 0) return;
    const names = groupColumns.map((c) => `"${c.databaseName}"`).join(', ');
    const tuple = `(${groupColumns.map(() => '?').join(', ')})`;
    const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / Math.max(1, groupColumns.length)));
    for (let start = 0; start < group.length; start += perStatement) {
      const slice = group.slice(start, start + perStatement);
      await em.query(
        `INSERT INTO "${plan.table}" (${names}) VALUES ${slice.map(() => tuple).join(', ')}`,
        slice.flat(),
      );
    }
    group = [];
  };
  for (const row of rows) {
    const columns: ColumnMetadata[] = [];
    const values: unknown[] = [];
    let key = '';
    for (const column of plan.columns) {
      const value: unknown = column.getEntityValue(row);
      if (value === undefined) continue;
      columns.push(column);
      values.push(driver.preparePersistentValue(value, column));
      key += `${column.databaseName},`;
    }
    if (key !== groupKey) {
      await flush();
      groupColumns = columns;
      groupKey = key;
    }
    group.push(values);
  }
  await flush();
}

/**
 * Which of `ids` the entity's table holds: one statement on the primary key, no entity built (an
 * import asks this of every chunk of records, and most are new).
 */
export async function presentIds(
  em: EntityManager,
  entity: EntitySchema<{ id: string }>,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const plan = planFor(em, entity);
  const id = plan.columns.find((c) => c.propertyName === 'id');
  if (!id) throw new Error(`${plan.table}: no id column`);
  const present = new Set<string>();
  const perStatement = MAX_PARAMETERS;
  for (let start = 0; start < ids.length; start += perStatement) {
    const slice = ids.slice(start, start + perStatement);
    const rows = await em.query<Array<{ id: string }>>(
      `SELECT "${id.databaseName}" AS id FROM "${plan.table}" WHERE "${id.databaseName}" IN (${slice.map(() => '?').join(', ')})`,
      slice,
    );
    for (const row of rows) present.add(row.id);
  }
  return present;
}
