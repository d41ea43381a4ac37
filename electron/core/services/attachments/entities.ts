/**
 * Attachments (docs/violence-care.md, sections 3 and 5): one `attachment` row per document of a
 * person, in the section of the record it is attached to (an incident, a case plan, a legal
 * procedure), and its bytes as `attachment_chunk` rows inside the same encrypted store.
 */
import { EntitySchema } from 'typeorm';
import type {
  AttachmentKind,
  AttachmentMediaType,
  AttachmentOwnerType,
  AttachmentSection,
} from '../../../../shared/domain/attachments';
import { ID, recordColumnsSchema, type RecordColumns } from '../../db/record';

export interface AttachmentRow extends RecordColumns {
  id: string;
  personId: string;
  section: AttachmentSection;
  ownerType: AttachmentOwnerType;
  ownerId: string;
  kind: AttachmentKind;
  /** Personal data ("acte_naissance_Amal.pdf"): never in a log or an audit entry. */
  fileName: string;
  mediaType: AttachmentMediaType;
  sizeBytes: number;
  /** Lowercase hex SHA-256 of the stored bytes. */
  sha256: string;
  chunkCount: number;
  rotation: number;
  description: string | null;
  createdBy: string | null;
}

export const AttachmentEntity = new EntitySchema<AttachmentRow>({
  name: 'Attachment',
  tableName: 'attachment',
  columns: {
    id: { ...ID, primary: true },
    personId: { ...ID, name: 'person_id', foreignKey: { target: 'person' } },
    section: { type: 'varchar', length: 16 },
    ownerType: { type: 'varchar', length: 32, name: 'owner_type' },
    ownerId: { ...ID, name: 'owner_id' },
    kind: { type: 'varchar', length: 32 },
    fileName: { type: 'varchar', length: 200, name: 'file_name' },
    mediaType: { type: 'varchar', length: 32, name: 'media_type' },
    sizeBytes: { type: 'integer', name: 'size_bytes' },
    sha256: { type: 'varchar', length: 64 },
    chunkCount: { type: 'integer', name: 'chunk_count' },
    rotation: { type: 'integer', default: 0 },
    description: { type: 'varchar', length: 200, nullable: true },
    createdBy: { ...ID, name: 'created_by', nullable: true },
    ...recordColumnsSchema,
  },
  indices: [{ columns: ['ownerType', 'ownerId'] }, { columns: ['personId'] }],
});

export interface AttachmentChunkRow {
  attachmentId: string;
  seq: number;
  bytes: Buffer;
}

export const AttachmentChunkEntity = new EntitySchema<AttachmentChunkRow>({
  name: 'AttachmentChunk',
  tableName: 'attachment_chunk',
  columns: {
    attachmentId: { ...ID, primary: true, name: 'attachment_id', foreignKey: { target: 'attachment' } },
    seq: { type: 'integer', primary: true },
    bytes: { type: 'blob' },
  },
});
