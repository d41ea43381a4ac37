import { EntitySchema } from 'typeorm';
import type { CatalogueKey } from '../../../../shared/domain/clinical-catalogues';
import { ID, TIME } from '../../db/record';

/**
 * One version of one catalogue. Rows are only ever appended: the highest version is the current
 * catalogue, the others are its history. `content` is JSON text parsed with the catalogue's zod
 * schema on every read and write.
 */
export interface CatalogueVersionRow {
  id: string;
  catalogue: CatalogueKey;
  version: number;
  content: string;
  reason: string;
  createdBy: string | null;
  createdAt: string;
}

export const CatalogueVersionEntity = new EntitySchema<CatalogueVersionRow>({
  name: 'CatalogueVersion',
  tableName: 'catalogue_version',
  columns: {
    id: { ...ID, primary: true },
    catalogue: { type: 'varchar', length: 32 },
    version: { type: 'integer' },
    content: { type: 'text' },
    reason: { type: 'text' },
    createdBy: { ...ID, name: 'created_by', nullable: true },
    createdAt: { ...TIME, name: 'created_at' },
  },
  uniques: [{ columns: ['catalogue', 'version'] }],
});
