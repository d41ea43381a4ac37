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

/**
 * The bytes to store, their SHA-256, whether metadata were cut out (the user is told), and the
 * turn the removed EXIF orientation asked for (the viewer applies it).
 */
export interface PreparedUpload extends CheckedUpload {
  metadataRemoved: boolean;
  rotation: number;
}

function stripped(mediaType: AttachmentMediaType, bytes: Buffer): StripResult {
  if (mediaType === 'image/jpeg') return stripJpegMetadata(bytes);
  if (mediaType === 'image/png') return stripPngMetadata(bytes);
  return { ok: true, bytes, metadataRemoved: false, rotation: 0 };
}

/**
 * What the app refuses in a document's content whichever way it comes (an upload, an import):
 * an encrypted PDF, an image whose structure cannot be walked. Null when none.
 */
export function contentRefusal(
  mediaType: AttachmentMediaType,
  bytes: Buffer,
): 'attachment_pdf_encrypted' | 'attachment_image_unreadable' | null {
  // Literal reasons: tests/unit/error-reasons-texts.test.ts reads them from the source.
  if (mediaType === 'application/pdf' && isEncryptedPdf(bytes)) return 'attachment_pdf_encrypted';
  if (!stripped(mediaType, bytes).ok) return 'attachment_image_unreadable';
  return null;
}

/** Whether a photo still carries metadata the upload would strip (an import refuses it). */
export function carriesMetadata(mediaType: AttachmentMediaType, bytes: Buffer): boolean {
  const result = stripped(mediaType, bytes);
  return result.ok && result.metadataRemoved;
}

/** Refuses an encrypted PDF or an image whose structure cannot be walked; strips image metadata. */
export function prepareUpload(upload: CheckedUpload): PreparedUpload {
  if (contentRefusal(upload.mediaType, upload.bytes) === 'attachment_pdf_encrypted')
    throw invalid(FIELD, 'attachment_pdf_encrypted');
  const result = stripped(upload.mediaType, upload.bytes);
  if (!result.ok) throw invalid(FIELD, 'attachment_image_unreadable');
  if (!result.metadataRemoved) return { ...upload, metadataRemoved: false, rotation: 0 };
  const bytes = Buffer.from(result.bytes.buffer, result.bytes.byteOffset, result.bytes.byteLength);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { ...upload, bytes, sha256, metadataRemoved: true, rotation: result.rotation };
}

/** Refuses a document that would take the person's documents (all owners) over the quota. */
export async function checkPersonQuota(em: EntityManager, personId: string, size: number): Promise<void> {
  const used = await personAttachmentBytes(em, personId);
  if (!fitsPersonQuota(used, size)) throw invalid(FIELD, 'attachment_quota_exceeded');
}
