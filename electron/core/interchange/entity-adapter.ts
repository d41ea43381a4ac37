import { In, type EntityManager, type EntitySchema, type FindOptionsWhere } from 'typeorm';
import { RECORD_SCHEMAS, type RecordOf, type RecordType } from '../../../shared/contract/interchange';
import { insertRows, presentIds } from '../db/fast-write';
import { DomainError } from '../errors';
import type { RecordAdapter, Reference } from './adapter';

type Exportable = Exclude<RecordType, 'header'>;
type Field<T extends Exportable> = Exclude<keyof RecordOf<T>, 'type'> & string;

/** The fields a record type carries, in the format's order (from its schema, the one definition). */
export function recordFields<T extends Exportable>(type: T): Array<Field<T>> {
  return Object.keys(RECORD_SCHEMAS[type].shape).filter((k): k is Field<T> => k !== 'type');
}

/**
 * The interchange record of a view: the fields the format carries, read from the capability's own
 * view (its one row → view mapping) under the view's names where they differ (`renamed`: format
 * name → view name). What the view adds for screens (names, alerts, versions) stays out; a field
 * the format carries but the view lacks is a mapping gap and fails loudly rather than exporting
 * less than the store holds.
 */
export function recordFromView<T extends Exportable>(
  type: T,
  view: object,
  renamed: Partial<Record<Field<T>, string>> = {},
): RecordOf<T> {
  const source = view as Record<string, unknown>;
  const record: Record<string, unknown> = { type };
  for (const field of recordFields(type)) {
    const name = renamed[field] ?? field;
    if (source[name] === undefined) throw new Error(`interchange: the ${type} view has no ${name}`);
    record[field] = source[name];
  }
  return record as RecordOf<T>;
}

/**
 * The usual adapter: one record type ↔ one table row, matched by id. The way out is the
 * capability's view (`view`, then recordFromView); the way in writes the record's fields onto the
 * row under the row's names (`rowNames`: format name → row property, where they differ), over the
 * stored row when there is one so the columns the format does not carry keep their value, or take
 * their default in a new row. `derive` fills the columns that follow from the record; `toRow`
 * replaces the whole way in where it is more than names (persons). Checks that only apply on the
 * way in go in `beforeWrite`.
 *
 * `batched` says which new records may be written in batches (`createBatch`): those whose
 * `beforeWrite` reads nothing that an earlier new record of the same type, not yet written, would
 * change (a site's code is checked against the stored sites: never batched). Absent: none.
 */
export function entityAdapter<T extends Exportable, Row extends { id: string }, View extends object>(spec: {
  type: T;
  entity: EntitySchema<Row>;
  view(rows: Row[], em: EntityManager): View[] | Promise<View[]>;
  viewNames?: Partial<Record<Field<T>, string>>;
  rowNames?: Partial<Record<Field<T>, keyof NoInfer<Row> & string>>;
  derive?(record: RecordOf<T>, existing: Row | null): Partial<Row>;
  toRow?(record: RecordOf<T>, now: string, existing: Row | null): Row;
  references(record: RecordOf<T>): Reference[];
  checkLines?: RecordAdapter<T>['checkLines'];
  beforeWrite?(em: EntityManager, record: RecordOf<T>, existing: Row | null): Promise<void>;
  afterWrite?(em: EntityManager, row: Row): Promise<void>;
  batched?(record: RecordOf<T>): boolean;
  /**
   * `beforeWrite` of many new records at once (fewer queries), in their order: the refusal of
   * each (null: it may be written). Without it, batches call `beforeWrite` for each.
   */
  beforeCreateMany?(em: EntityManager, records: Array<RecordOf<T>>): Promise<Array<unknown>>;
}): RecordAdapter<T> {
  const byId = (id: string) => ({ id }) as FindOptionsWhere<Row>;
  const toRecords = async (em: EntityManager, rows: Row[]) =>
    (await spec.view(rows, em)).map((v) => recordFromView(spec.type, v, spec.viewNames));

  function toRow(em: EntityManager, record: RecordOf<T>, now: string, existing: Row | null): Row {
    if (spec.toRow) return spec.toRow(record, now, existing);
    const meta = em.connection.getMetadata(spec.entity);
    const row: Record<string, unknown> = { ...existing };
    for (const field of recordFields(spec.type)) {
      const property: string = spec.rowNames?.[field] ?? field;
      if (!meta.findColumnWithPropertyName(property))
        throw new Error(`interchange: ${spec.type}.${field} has no column (${property})`);
      row[property] = record[field];
    }
    Object.assign(row, spec.derive?.(record, existing));
    // Mutable records carry their version; immutable ones (consents) do not.
    if (meta.findColumnWithPropertyName('version'))
      Object.assign(row, versioned(existing as { version: number; createdAt: string } | null, now));
    // Every property set above is a column of the entity (checked): the object is a Row.
    return row as Row;
  }

  return {
    type: spec.type,
    entity: spec.entity,
    async exportAll(em) {
      const rows = await em
        .getRepository(spec.entity)
        .createQueryBuilder('r')
        .orderBy('r.id', 'ASC')
        .getMany();
      return toRecords(em, rows);
    },
    async *exportPages(em) {
      // Keyset pagination on the primary key: each page is an index range, whatever the offset.
      let after: string | null = null;
      for (;;) {
        const query = em.getRepository(spec.entity).createQueryBuilder('r').orderBy('r.id', 'ASC');
        if (after !== null) query.where('r.id > :after', { after });
        const rows = await query.take(EXPORT_PAGE).getMany();
        if (rows.length === 0) return;
        yield await toRecords(em, rows);
        after = rows[rows.length - 1].id;
        if (rows.length < EXPORT_PAGE) return;
      }
    },
    async find(em, id) {
      const row = await em.getRepository(spec.entity).findOneBy(byId(id));
      return row ? ((await toRecords(em, [row]))[0] ?? null) : null;
    },
    async findMany(em, ids) {
      // Most records of an import are new: only those the store holds are read whole.
      const present = [...(await presentIds(em, spec.entity, ids))];
      if (present.length === 0) return new Map();
      const rows = await em.getRepository(spec.entity).findBy({ id: In(present) } as FindOptionsWhere<Row>);
      const records = rows.length ? await toRecords(em, rows) : [];
      return new Map(records.map((r) => [r.id, r]));
    },
    createBatch(em, now) {
      let kept: Array<RecordOf<T>> = [];
      const refusalsOf = async (records: Array<RecordOf<T>>): Promise<unknown[]> => {
        if (spec.beforeCreateMany) return spec.beforeCreateMany(em, records);
        const refusals: unknown[] = [];
        for (const record of records) {
          try {
            await spec.beforeWrite?.(em, record, null);
            refusals.push(null);
          } catch (err) {
            if (!(err instanceof DomainError)) throw err;
            refusals.push(err);
          }
        }
        return refusals;
      };
      return {
        add(record) {
          if (!spec.batched?.(record)) return false;
          kept.push(record);
          return true;
        },
        async flush() {
          const records = kept;
          kept = [];
          const refusals = await refusalsOf(records);
          const rows = records.flatMap((r, i) => (refusals[i] ? [] : [toRow(em, r, now, null)]));
          await insertRows(em, spec.entity, rows);
          if (spec.afterWrite) for (const row of rows) await spec.afterWrite(em, row);
          return refusals;
        },
      };
    },
    async existingIds(em) {
      const rows = await em
        .getRepository(spec.entity)
        .createQueryBuilder('r')
        .select('r.id', 'id')
        .getRawMany<{ id: string }>();
      return new Set(rows.map((r) => r.id));
    },
    references: (record) => spec.references(record),
    checkLines: spec.checkLines,
    // TypeORM's insert/save types cannot be checked against a generic Row; toRow built a Row.
    async create(em, record, now) {
      await spec.beforeWrite?.(em, record, null);
      const row = toRow(em, record, now, null);
      await em.getRepository(spec.entity).insert(row as never);
      await spec.afterWrite?.(em, row);
    },
    async update(em, record, now) {
      const existing = await em.getRepository(spec.entity).findOneByOrFail(byId(record.id));
      await spec.beforeWrite?.(em, record, existing);
      const row = toRow(em, record, now, existing);
      await em.getRepository(spec.entity).save(row as never);
      await spec.afterWrite?.(em, row);
    },
  };
}

/** Rows per page of an export: enough to amortise each query, small enough to bound memory. */
const EXPORT_PAGE = 1000;

/** Ids referenced when present. */
export function refs(
  ...items: Array<[field: string, type: RecordType, id: string | null | undefined]>
): Reference[] {
  return items.flatMap(([field, type, id]) => (id ? [{ field, type, id }] : []));
}

export function versioned<R extends { version: number; createdAt: string }>(
  existing: R | null,
  now: string,
): { createdAt: string; updatedAt: string; version: number } {
  return { createdAt: existing?.createdAt ?? now, updatedAt: now, version: (existing?.version ?? 0) + 1 };
}

/**
 * A record that is its row's columns with its author (`authorId` ↔ `createdBy`), written one by
 * one: the common case of the capabilities' records, declared by its type, entity, references and
 * line checks only.
 */
export function authoredAdapter<
  T extends Exportable,
  Row extends { id: string; createdBy: string | null },
>(spec: {
  type: T;
  entity: EntitySchema<Row>;
  references(record: RecordOf<T>): Reference[];
  checkLines?: RecordAdapter<T>['checkLines'];
}): RecordAdapter<T> {
  return entityAdapter({
    ...spec,
    view: (rows: Row[]) => rows.map((r) => ({ ...r, authorId: r.createdBy })),
    // Every authored record type has `authorId` (checked on the first import or export).
    rowNames: { authorId: 'createdBy' } as Partial<Record<Field<T>, keyof Row & string>>,
    batched: () => false,
  });
}
