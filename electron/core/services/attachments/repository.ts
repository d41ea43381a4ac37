/**
 * The store's side of attachments (docs/violence-care.md, section 5): the person-linked table merge
 * moves (the chunks follow their attachment by id and carry no person), and what the owners'
 * capabilities call inside their gated transaction. The bytes go to `attachment_chunk` rows of
 * the encrypted store and nowhere else; a deletion removes the rows for good (the store's
 * `secure_delete` zeroes the freed pages).
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AttachmentMeta } from '../../../../shared/contract/attachments';
import {
  splitInChunks,
  type AttachmentKind,
  type AttachmentOwnerType,
  type AttachmentSection,
} from '../../../../shared/domain/attachments';
import type { Lookup } from '../../api/access';
import { markPurged } from '../../db/purge';
import { conflict, invalid } from '../../errors';
import type { CheckedUpload } from './staging';
import { linkedTable } from '../../dossier/section';
import { AttachmentChunkEntity, AttachmentEntity, type AttachmentRow } from './entities';

export const attachmentsTable = linkedTable('attachments', AttachmentEntity);

export interface AttachmentOwner {
  personId: string;
  section: AttachmentSection;
  ownerType: AttachmentOwnerType;
  ownerId: string;
}

export function toAttachmentMeta(row: AttachmentRow): AttachmentMeta {
  return {
    id: row.id,
    ownerId: row.ownerId,
    kind: row.kind,
    fileName: row.fileName,
    mediaType: row.mediaType,
    sizeBytes: row.sizeBytes,
    description: row.description,
    authorId: row.createdBy,
    createdAt: row.createdAt,
    version: row.version,
  };
}

/** Writes the metadata row and every chunk; the caller's transaction makes it all or nothing. */
export async function storeAttachment(
  em: EntityManager,
  owner: AttachmentOwner,
  /** `rotation`: the quarter turn the viewer applies (from a stripped EXIF orientation). */
  upload: CheckedUpload & { rotation?: number },
  fields: { kind: AttachmentKind; description: string | null },
  authorId: string,
  now: Date,
): Promise<AttachmentRow> {
  const at = now.toISOString();
  const chunks = splitInChunks(upload.bytes);
  const row: AttachmentRow = {
    id: randomUUID(),
    ...owner,
    kind: fields.kind,
    fileName: upload.fileName,
    mediaType: upload.mediaType,
    sizeBytes: upload.bytes.length,
    sha256: upload.sha256,
    chunkCount: chunks.length,
    rotation: upload.rotation ?? 0,
    description: fields.description || null,
    createdBy: authorId,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  await em.getRepository(AttachmentEntity).insert(row);
  const chunkRepo = em.getRepository(AttachmentChunkEntity);
  for (const [seq, bytes] of chunks.entries())
    await chunkRepo.insert({ attachmentId: row.id, seq, bytes: Buffer.from(bytes) });
  return row;
}

/** The attachment of this person and owner type, or a refusal naming `attachmentId`. */
export async function attachmentOf(
  em: EntityManager,
  personId: string,
  attachmentId: string,
  ownerType: AttachmentOwnerType,
): Promise<AttachmentRow> {
  const row = await em.getRepository(AttachmentEntity).findOneBy({ id: attachmentId });
  if (!row || row.personId !== personId || row.ownerType !== ownerType)
    throw invalid('attachmentId', 'unknown_attachment');
  return row;
}

export function attachmentsOfOwner(
  em: EntityManager,
  ownerType: AttachmentOwnerType,
  ownerId: string,
): Promise<AttachmentRow[]> {
  return em
    .getRepository(AttachmentEntity)
    .find({ where: { ownerType, ownerId }, order: { createdAt: 'ASC', id: 'ASC' } });
}

/** How many bytes the person's documents take, every owner together (the quota counts them). */
export async function personAttachmentBytes(em: EntityManager, personId: string): Promise<number> {
  return (await em.getRepository(AttachmentEntity).sum('sizeBytes', { personId })) ?? 0;
}

/** The stored bytes put back together, in order. */
export async function attachmentBytes(em: EntityManager, row: AttachmentRow): Promise<Buffer> {
  const chunks = await em
    .getRepository(AttachmentChunkEntity)
    .find({ where: { attachmentId: row.id }, order: { seq: 'ASC' } });
  return Buffer.concat(chunks.map((c) => c.bytes));
}

/** Deletes the chunks and the row for good (same transaction); a stale version is a conflict. */
export async function deleteAttachmentRows(
  em: EntityManager,
  row: AttachmentRow,
  version: number,
): Promise<void> {
  if (row.version !== version) throw conflict('attachment');
  await em.getRepository(AttachmentChunkEntity).delete({ attachmentId: row.id });
  await em.getRepository(AttachmentEntity).delete({ id: row.id });
  // The zeroed pages replace the document's in the main file once the unit of work is over.
  markPurged(em);
}

/** Who stored the attachment a call touches (an author may open and delete their own). */
export async function authorOfAttachment(
  input: { personId: string; attachmentId: string },
  { em }: Lookup,
): Promise<string | null> {
  const row = await em.getRepository(AttachmentEntity).findOneBy({ id: input.attachmentId });
  return row && row.personId === input.personId ? row.createdBy : null;
}
