import { Table } from 'typeorm';
import type { Migration } from './migration';
import { recordColumns } from './migration';

const id = (name: string, nullable = false) => ({
  name,
  type: 'varchar',
  length: '64',
  isNullable: nullable,
});
const text = (name: string, length: number, nullable = false) => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});

/**
 * Attachments, slice 4 (docs/violence-care.md, sections 3 and 5): documents stored inside the
 * encrypted store. `attachment` holds the metadata of one document of a person, in its owner
 * record's section; `attachment_chunk` holds its bytes in chunks of at most 160 KiB, so loading
 * metadata never touches a blob. A chunk has no person: it follows its attachment.
 */
export const migration0025: Migration = {
  version: 25,
  name: 'attachments',
  async up(qr) {
    await qr.createTable(
      new Table({
        name: 'attachment',
        columns: [
          { ...id('id'), isPrimary: true },
          id('person_id'),
          text('section', 16),
          text('owner_type', 32),
          id('owner_id'),
          text('kind', 32),
          text('file_name', 200),
          text('media_type', 32),
          { name: 'size_bytes', type: 'integer' },
          text('sha256', 64),
          { name: 'chunk_count', type: 'integer' },
          { name: 'rotation', type: 'integer', default: 0 },
          text('description', 200, true),
          id('created_by', true),
          ...recordColumns,
        ],
        foreignKeys: [
          { columnNames: ['person_id'], referencedTableName: 'person', referencedColumnNames: ['id'] },
        ],
        indices: [{ columnNames: ['owner_type', 'owner_id'] }, { columnNames: ['person_id'] }],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'attachment_chunk',
        columns: [
          { ...id('attachment_id'), isPrimary: true },
          { name: 'seq', type: 'integer', isPrimary: true },
          { name: 'bytes', type: 'blob' },
        ],
        foreignKeys: [
          {
            columnNames: ['attachment_id'],
            referencedTableName: 'attachment',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
  },
};
