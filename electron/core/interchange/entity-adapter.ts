import type { EntityManager, EntitySchema, FindOptionsWhere } from 'typeorm';
import type { RecordOf, RecordType } from '../../../shared/contract/interchange';
import type { RecordAdapter, Reference } from './adapter';

type Exportable = Exclude<RecordType, 'header' | 'centre'>;

/**
 * The usual adapter: one record type ↔ one table row, matched by id. Capabilities give the two
 * mappings and the references; checks that only apply on the way in go in `beforeWrite`.
 */
export function entityAdapter<T extends Exportable, Row extends { id: string }>(spec: {
  type: T;
  entity: EntitySchema<Row>;
  toRecord(row: Row): RecordOf<T>;
  toRow(record: RecordOf<T>, now: string, existing: Row | null): Row;
  references(record: RecordOf<T>): Reference[];
  beforeWrite?(em: EntityManager, record: RecordOf<T>, existing: Row | null): Promise<void>;
  afterWrite?(em: EntityManager, row: Row): Promise<void>;
}): RecordAdapter<T> {
  const byId = (id: string) => ({ id }) as FindOptionsWhere<Row>;
  return {
    type: spec.type,
    async exportAll(em) {
      const rows = await em
        .getRepository(spec.entity)
        .createQueryBuilder('r')
        .orderBy('r.id', 'ASC')
        .getMany();
      return rows.map((r) => spec.toRecord(r));
    },
    async find(em, id) {
      const row = await em.getRepository(spec.entity).findOneBy(byId(id));
      return row ? spec.toRecord(row) : null;
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
    async create(em, record, now) {
      await spec.beforeWrite?.(em, record, null);
      const row = spec.toRow(record, now, null);
      await em.getRepository(spec.entity).insert(row as never);
      await spec.afterWrite?.(em, row);
    },
    async update(em, record, now) {
      const existing = await em.getRepository(spec.entity).findOneByOrFail(byId(record.id));
      await spec.beforeWrite?.(em, record, existing);
      const row = spec.toRow(record, now, existing);
      await em.getRepository(spec.entity).save(row as never);
      await spec.afterWrite?.(em, row);
    },
  };
}

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
