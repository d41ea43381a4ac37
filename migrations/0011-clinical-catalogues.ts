import { Table, TableColumn } from 'typeorm';
import type { Migration } from './migration';

/**
 * The centre's clinical catalogues, versioned (an edit appends a row; no row = the shipped
 * default), and the professional number (RPPS / ADELI) a prescription header prints.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'clinical-catalogues',
  async up(qr) {
    await qr.createTable(
      new Table({
        name: 'catalogue_version',
        columns: [
          { name: 'id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'catalogue', type: 'varchar', length: '32' },
          { name: 'version', type: 'integer' },
          { name: 'content', type: 'text' },
          { name: 'reason', type: 'text' },
          { name: 'created_by', type: 'varchar', length: '64', isNullable: true },
          { name: 'created_at', type: 'varchar', length: '32' },
        ],
        uniques: [{ columnNames: ['catalogue', 'version'] }],
      }),
    );
    await qr.addColumn(
      'staff_user',
      new TableColumn({ name: 'professional_number', type: 'varchar', length: '20', isNullable: true }),
    );
  },
};
