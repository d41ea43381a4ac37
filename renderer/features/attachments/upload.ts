/**
 * Sending one document to the core: read from the file the user picked (the app writes nothing),
 * checked here with the core's own rules so that an obvious refusal comes at once, then staged in
 * 160 KiB chunks (`attachments.stageBegin` / `stageChunk`) and committed through the owner's gated
 * channel, which checks everything again, removes image metadata and keeps the person's quota.
 */
import type { AttachedMeta } from '../../../shared/contract/attachments';
import {
  attachmentSizeProblem,
  isEncryptedPdf,
  sniffMediaType,
  splitInChunks,
  type AttachmentKind,
} from '../../../shared/domain/attachments';
import { callOrThrow } from '../../api/client';
import { OWNER_CHANNELS, type AttachmentOwnerRef } from './owners';

/** A refusal found before anything is sent, on the `file` field (same reasons as the core's). */
export class LocalRefusal extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

export interface UploadProgress {
  done: number;
  total: number;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // By slices: String.fromCharCode takes its bytes as arguments, and arguments are limited.
  for (let at = 0; at < bytes.length; at += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The reason the core would give for these bytes, or null when only the core can tell. */
export function localProblem(bytes: Uint8Array): string | null {
  const size = attachmentSizeProblem(bytes.length);
  if (size) return size;
  const type = sniffMediaType(bytes);
  if (!type) return 'attachment_type_not_allowed';
  if (type === 'application/pdf' && isEncryptedPdf(bytes)) return 'attachment_pdf_encrypted';
  return null;
}

export async function uploadDocument(
  owner: AttachmentOwnerRef,
  file: File,
  fields: { kind: AttachmentKind; description: string | null },
  onProgress: (progress: UploadProgress) => void,
): Promise<AttachedMeta> {
  // Refused at once when over the limit, before the file is even read into memory.
  const tooBig = attachmentSizeProblem(file.size);
  if (tooBig) throw new LocalRefusal(tooBig);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const problem = localProblem(bytes);
  if (problem) throw new LocalRefusal(problem);
  const { uploadId } = await callOrThrow('attachments.stageBegin', {
    fileName: file.name,
    size: bytes.length,
    sha256: await sha256Hex(bytes),
  });
  const chunks = splitInChunks(bytes);
  // The commit is one more step of the bar.
  const total = chunks.length + 1;
  onProgress({ done: 0, total });
  for (const [seq, chunk] of chunks.entries()) {
    await callOrThrow('attachments.stageChunk', { uploadId, seq, base64: toBase64(chunk) });
    onProgress({ done: seq + 1, total });
  }
  const meta = await OWNER_CHANNELS[owner.kind].attach(owner.personId, owner.ownerId, {
    uploadId,
    ...fields,
  });
  onProgress({ done: total, total });
  return meta;
}

/** The bytes of an opened document, decoded in memory (never written anywhere). */
export function decodeBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
