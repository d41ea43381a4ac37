/**
 * What a checked upload becomes before it is stored (docs/violence-care.md, section 5): an
 * encrypted PDF is refused (it cannot be opened in the app and hides its content), a photo loses
 * its metadata (the GPS position of where it was taken), and the person's quota is kept. Runs in
 * the owner's gated transaction, after the staged bytes were checked whole (`takeUpload`).
 */
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  fitsPersonQuota,
  isEncryptedPdf,
  type AttachmentMediaType,
} from '../../../../shared/domain/attachments';
import {
  stripJpegMetadata,
  stripPngMetadata,
  type StripResult,
} from '../../../../shared/domain/image-metadata';
import { invalid } from '../../errors';
import { personAttachmentBytes } from './repository';
import type { CheckedUpload } from './staging';

const FIELD = 'file';

/** The bytes to store, their SHA-256, and whether metadata were cut out (the user is told). */
export interface PreparedUpload extends CheckedUpload {
  metadataRemoved: boolean;
}

function stripped(mediaType: AttachmentMediaType, bytes: Buffer): StripResult {
  if (mediaType === 'image/jpeg') return stripJpegMetadata(bytes);
  if (mediaType === 'image/png') return stripPngMetadata(bytes);
  return { ok: true, bytes, metadataRemoved: false };
}

/** Refuses an encrypted PDF or an image whose structure cannot be walked; strips image metadata. */
export function prepareUpload(upload: CheckedUpload): PreparedUpload {
  // Literal reasons: tests/unit/error-reasons-texts.test.ts reads them from the source.
  if (upload.mediaType === 'application/pdf' && isEncryptedPdf(upload.bytes))
    throw invalid(FIELD, 'attachment_pdf_encrypted');
  const result = stripped(upload.mediaType, upload.bytes);
  if (!result.ok) throw invalid(FIELD, 'attachment_image_unreadable');
  if (!result.metadataRemoved) return { ...upload, metadataRemoved: false };
  const bytes = Buffer.from(result.bytes.buffer, result.bytes.byteOffset, result.bytes.byteLength);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { ...upload, bytes, sha256, metadataRemoved: true };
}

/** Refuses a document that would take the person's documents (all owners) over the quota. */
export async function checkPersonQuota(em: EntityManager, personId: string, size: number): Promise<void> {
  const used = await personAttachmentBytes(em, personId);
  if (!fitsPersonQuota(used, size)) throw invalid(FIELD, 'attachment_quota_exceeded');
}
