/**
 * Attachment uploads staged in the core process's memory (docs/violence-care.md, section 5): the
 * renderer sends a document in chunks before the owner's gated commit stores it. Nothing here
 * touches the disk or names a person: one upload in flight per session, kept on the session
 * itself so it ends with it (logout, expiry, restart), dropped when the session locks, after
 * ten minutes without a chunk, and refused beyond 64 MiB staged in the whole process.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  attachmentSizeProblem,
  chunkCount,
  chunkFits,
  sniffMediaType,
  type AttachmentMediaType,
} from '../../../../shared/domain/attachments';
import { invalid } from '../../errors';
import type { Session, SessionRegistry } from '../auth/sessions';

/** Every session's staged bytes together: a handful of 10 MiB uploads, not a way to fill memory. */
export const STAGING_TOTAL_MAX_BYTES = 64 * 1024 * 1024;
/** An upload with no chunk for this long is dropped (a closed tab, a lost connection). */
export const STAGING_IDLE_MS = 10 * 60_000;

export interface StagedUpload {
  uploadId: string;
  fileName: string;
  size: number;
  sha256: string;
  chunks: Array<Buffer | undefined>;
  lastChunkAt: number;
}

/** The bytes of a complete upload, checked; what the gated commit stores. */
export interface CheckedUpload {
  fileName: string;
  bytes: Buffer;
  sha256: string;
  mediaType: AttachmentMediaType;
}

const FIELD = 'file';

/** The session's upload, unless it expired or the session locked (both drop it). */
function liveUpload(session: Session, now: number): StagedUpload | null {
  const upload = session.stagedUpload;
  if (!upload) return null;
  if (session.locked || now - upload.lastChunkAt > STAGING_IDLE_MS) {
    session.stagedUpload = undefined;
    return null;
  }
  return upload;
}

function uploadOf(session: Session, uploadId: string, now: number): StagedUpload {
  const upload = liveUpload(session, now);
  if (!upload || upload.uploadId !== uploadId) throw invalid(FIELD, 'attachment_upload_unknown');
  return upload;
}

function stagedBytes(upload: StagedUpload): number {
  return upload.size;
}

/** Starts an upload, replacing the session's previous one; refuses a size out of bounds first. */
export function stageBegin(
  sessions: SessionRegistry,
  session: Session,
  input: { fileName: string; size: number; sha256: string },
  now: number,
): { uploadId: string } {
  const problem = attachmentSizeProblem(input.size);
  // Literal reasons: tests/unit/error-reasons-texts.test.ts reads them from the source.
  if (problem === 'attachment_empty') throw invalid(FIELD, 'attachment_empty');
  if (problem === 'attachment_too_large') throw invalid(FIELD, 'attachment_too_large');
  session.stagedUpload = undefined;
  const others = sessions.stagedUploads().reduce((sum, u) => sum + stagedBytes(u), 0);
  if (others + input.size > STAGING_TOTAL_MAX_BYTES) throw invalid(FIELD, 'attachment_staging_full');
  const upload: StagedUpload = {
    uploadId: randomUUID(),
    fileName: input.fileName,
    size: input.size,
    sha256: input.sha256,
    chunks: new Array<Buffer | undefined>(chunkCount(input.size)).fill(undefined),
    lastChunkAt: now,
  };
  session.stagedUpload = upload;
  return { uploadId: upload.uploadId };
}

/** Keeps one chunk (a resend replaces it); refuses a chunk that cannot belong to the file. */
export function stageChunk(
  session: Session,
  input: { uploadId: string; seq: number; base64: string },
  now: number,
): { received: number } {
  const upload = uploadOf(session, input.uploadId, now);
  const bytes = Buffer.from(input.base64, 'base64');
  if (!chunkFits(upload.size, input.seq, bytes.length)) throw invalid(FIELD, 'attachment_corrupted');
  upload.chunks[input.seq] = bytes;
  upload.lastChunkAt = now;
  return { received: upload.chunks.filter((c) => c !== undefined).length };
}

export function stageDrop(session: Session, uploadId: string): Record<string, never> {
  if (session.stagedUpload?.uploadId === uploadId) session.stagedUpload = undefined;
  return {};
}

/**
 * The complete upload, checked again as the commit needs it: every chunk present, the announced
 * SHA-256 matching, the bytes a PDF, a JPEG or a PNG. It stays staged until `release`, so a
 * refused commit may be retried; it never reaches the store unless every check passes.
 */
export function takeUpload(session: Session | undefined, uploadId: string, now: number): CheckedUpload {
  if (!session) throw invalid(FIELD, 'attachment_upload_unknown');
  const upload = uploadOf(session, uploadId, now);
  if (upload.chunks.some((c) => c === undefined)) throw invalid(FIELD, 'attachment_corrupted');
  const bytes = Buffer.concat(upload.chunks as Buffer[]);
  if (bytes.length !== upload.size) throw invalid(FIELD, 'attachment_corrupted');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== upload.sha256) throw invalid(FIELD, 'attachment_corrupted');
  const mediaType = sniffMediaType(bytes);
  if (!mediaType) throw invalid(FIELD, 'attachment_type_not_allowed');
  return { fileName: upload.fileName, bytes, sha256, mediaType };
}

/** Drops the upload once stored: its bytes now live only in the encrypted store. */
export function releaseUpload(session: Session | undefined, uploadId: string): void {
  if (session?.stagedUpload?.uploadId === uploadId) session.stagedUpload = undefined;
}
