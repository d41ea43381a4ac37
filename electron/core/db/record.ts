import type { EntitySchemaColumnOptions } from 'typeorm';

/** Every mutable record: timestamps in UTC (ISO 8601) and a version for optimistic concurrency. */
export interface RecordColumns {
  createdAt: string;
  updatedAt: string;
  version: number;
}

export const recordColumnsSchema: Record<keyof RecordColumns, EntitySchemaColumnOptions> = {
  createdAt: { type: 'varchar', name: 'created_at' },
  updatedAt: { type: 'varchar', name: 'updated_at' },
  version: { type: 'integer' },
};
