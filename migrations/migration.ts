import type { QueryRunner } from 'typeorm';

/** One schema version. Files are named `NNNN-name.ts`; the registry in index.ts lists them in order. */
export interface Migration {
  version: number;
  name: string;
  up(queryRunner: QueryRunner): Promise<void>;
}

/** Columns every mutable record carries: who and when, and a version for optimistic concurrency. */
export const recordColumns = [
  { name: 'created_at', type: 'varchar', length: '32' },
  { name: 'updated_at', type: 'varchar', length: '32' },
  { name: 'version', type: 'integer', default: 1 },
] as const;
