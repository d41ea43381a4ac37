import type { EntitySchemaColumnOptions } from 'typeorm';

/**
 * Column shapes shared by the entities. They describe what the migrations create (ids are
 * `varchar(64)`, instants `varchar(32)`), and tests/unit/schema-matches-entities.test.ts holds
 * the two together: a length or default changed on one side only fails that test.
 */
/** An id: a UUID, or an id kept from another program by an import (up to 64 characters). */
export const ID = { type: 'varchar', length: 64 } as const;
/** An instant: ISO-8601 in UTC ("2026-03-02T09:00:00.000Z"). */
export const TIME = { type: 'varchar', length: 32 } as const;
/** A JSON list, empty by default. */
export const LIST = { type: 'simple-json', default: '[]' } as const;
/**
 * Boolean defaults as the migrations write them (`DEFAULT (true)`): TypeORM would write a
 * boolean default as `1`, which SQLite keeps as another expression, and the schemas would differ.
 */
export const TRUE = (): string => 'true';
export const FALSE = (): string => 'false';

/** Every mutable record: timestamps in UTC (ISO 8601) and a version for optimistic concurrency. */
export interface RecordColumns {
  createdAt: string;
  updatedAt: string;
  version: number;
}

export const recordColumnsSchema: Record<keyof RecordColumns, EntitySchemaColumnOptions> = {
  createdAt: { ...TIME, name: 'created_at' },
  updatedAt: { ...TIME, name: 'updated_at' },
  version: { type: 'integer', default: 1 },
};
