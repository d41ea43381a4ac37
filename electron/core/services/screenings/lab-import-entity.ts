/**
 * A laboratory CSV file imported (docs/lab-results-csv.md): its SHA-256 refuses a second import
 * of the same file. Centre data without a person: the results it brought carry its id.
 */
import { EntitySchema } from 'typeorm';
import { ID, TIME, recordColumnsSchema, type RecordColumns } from '../../db/record';

export interface LabImportRow extends RecordColumns {
  id: string;
  fileSha256: string;
  fileName: string;
  lines: number;
  importedAt: string;
  importedBy: string;
}

export const LabImportEntity = new EntitySchema<LabImportRow>({
  name: 'LabImport',
  tableName: 'lab_import',
  columns: {
    id: { ...ID, primary: true },
    fileSha256: { type: 'varchar', length: 64, name: 'file_sha256', unique: true },
    fileName: { type: 'varchar', length: 255, name: 'file_name' },
    lines: { type: 'integer' },
    importedAt: { ...TIME, name: 'imported_at' },
    importedBy: { ...ID, name: 'imported_by' },
    ...recordColumnsSchema,
  },
});
