import { Table } from 'typeorm';
import type { Migration } from './migration';
import { recordColumns } from './migration';

/**
 * The laboratory CSV files imported (docs/lab-results-csv.md): one row per file, its SHA-256
 * unique so that the same file is never imported twice. No person_id: a file spans many persons;
 * each result it brought names it in `result.import_id`.
 */
export const migration0015: Migration = {
  version: 15,
  name: 'lab-import',
  async up(qr) {
    await qr.createTable(
      new Table({
        name: 'lab_import',
        columns: [
          { name: 'id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'file_sha256', type: 'varchar', length: '64', isUnique: true },
          { name: 'file_name', type: 'varchar', length: '255' },
          { name: 'lines', type: 'integer' },
          { name: 'imported_at', type: 'varchar', length: '32' },
          { name: 'imported_by', type: 'varchar', length: '64' },
          ...recordColumns,
        ],
      }),
    );
  },
};
