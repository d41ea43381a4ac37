/**
 * Attachments (docs/violence-care.md, section 5): documents stored encrypted inside the store, as
 * chunks of their owner's record. The pure rules shared by the renderer (checked before upload)
 * and the core (checked again at the gated commit): which bytes are a PDF, a JPEG or a PNG (by
 * magic bytes, never by the file name or the browser's announced type), the size limit, how the
 * bytes are cut in chunks. No store and no clock here.
 */

export const ATTACHMENT_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AttachmentMediaType = (typeof ATTACHMENT_MEDIA_TYPES)[number];

export const ATTACHMENT_KINDS = ['id_document', 'certificate', 'court_decision', 'other'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** The sections an attachment may belong to: always its owner record's section. */
export const ATTACHMENT_SECTIONS = ['violence', 'case_plan', 'legal'] as const;
export type AttachmentSection = (typeof ATTACHMENT_SECTIONS)[number];

export const ATTACHMENT_OWNER_TYPES = ['violence_incident', 'case_plan', 'legal_procedure'] as const;
export type AttachmentOwnerType = (typeof ATTACHMENT_OWNER_TYPES)[number];

export const ATTACHMENT_ROTATIONS = [0, 90, 180, 270] as const;
export type AttachmentRotation = (typeof ATTACHMENT_ROTATIONS)[number];

/** 10 MiB: a phone photo or a scanned multi-page PDF, not a video. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** 160 KiB a chunk: base64 of one chunk (≈ 214 KiB) fits one 256 KiB interchange line. */
export const ATTACHMENT_CHUNK_BYTES = 160 * 1024;
/** Where `%PDF-` may sit: the PDF reference lets junk precede the header in the first 1,024 bytes. */
const PDF_HEADER_WINDOW = 1024;
export const ATTACHMENT_FILE_NAME_MAX = 200;
export const ATTACHMENT_DESCRIPTION_MAX = 200;

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const JPEG_MAGIC = [0xff, 0xd8, 0xff];
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWithAt(bytes: Uint8Array, magic: readonly number[], at: number): boolean {
  if (at + magic.length > bytes.length) return false;
  for (let i = 0; i < magic.length; i += 1) if (bytes[at + i] !== magic[i]) return false;
  return true;
}

/**
 * The media type the bytes really are, or null when they are none of the three allowed. Read from
 * the content only: a file renamed `.pdf` that holds an executable is refused.
 */
export function sniffMediaType(bytes: Uint8Array): AttachmentMediaType | null {
  if (startsWithAt(bytes, PNG_MAGIC, 0)) return 'image/png';
  if (startsWithAt(bytes, JPEG_MAGIC, 0)) return 'image/jpeg';
  const window = Math.min(bytes.length, PDF_HEADER_WINDOW) - PDF_MAGIC.length;
  for (let at = 0; at <= window; at += 1) if (startsWithAt(bytes, PDF_MAGIC, at)) return 'application/pdf';
  return null;
}

export type AttachmentSizeProblem = 'attachment_empty' | 'attachment_too_large';

/** Why a size is refused, or null when it is accepted (1 byte to 10 MiB included). */
export function attachmentSizeProblem(size: number): AttachmentSizeProblem | null {
  if (!Number.isInteger(size) || size <= 0) return 'attachment_empty';
  if (size > ATTACHMENT_MAX_BYTES) return 'attachment_too_large';
  return null;
}

/** How many chunks a file of this size is stored in (a non-empty file has at least one). */
export function chunkCount(size: number): number {
  return Math.ceil(size / ATTACHMENT_CHUNK_BYTES);
}

/** The bytes cut in chunks of ATTACHMENT_CHUNK_BYTES, the last one shorter; views, not copies. */
export function splitInChunks(bytes: Uint8Array): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += ATTACHMENT_CHUNK_BYTES)
    chunks.push(bytes.subarray(at, Math.min(at + ATTACHMENT_CHUNK_BYTES, bytes.length)));
  return chunks;
}

/** Whether a chunk of this index and length is a valid piece of a file of `size` bytes. */
export function chunkFits(size: number, seq: number, length: number): boolean {
  const count = chunkCount(size);
  if (!Number.isInteger(seq) || seq < 0 || seq >= count) return false;
  const expected = seq < count - 1 ? ATTACHMENT_CHUNK_BYTES : size - ATTACHMENT_CHUNK_BYTES * (count - 1);
  return length === expected;
}

/** A lowercase hex SHA-256, as the renderer (WebCrypto) and the core (node:crypto) both write it. */
export const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * 200 MiB for all of one person's documents together (every owner): twenty full-size scans, and a
 * bound on how much of the store one case can take. Counted on the bytes stored (after stripping).
 */
export const ATTACHMENT_PERSON_QUOTA_BYTES = 200 * 1024 * 1024;

/** Whether a document of `size` bytes still fits beside the `used` bytes the person already has. */
export function fitsPersonQuota(used: number, size: number): boolean {
  return used + size <= ATTACHMENT_PERSON_QUOTA_BYTES;
}

/** A PDF name token ends at whitespace or a delimiter (so `/EncryptMetadata` is not `/Encrypt`). */
const PDF_NAME_END = /[\s/<>[\]()%{}]/;

function hasEncryptKey(dictionary: string): boolean {
  for (let at = dictionary.indexOf('/Encrypt'); at >= 0; at = dictionary.indexOf('/Encrypt', at + 1)) {
    const next = dictionary.charAt(at + '/Encrypt'.length);
    if (next === '' || PDF_NAME_END.test(next)) return true;
  }
  return false;
}

/**
 * Whether the PDF is encrypted: an `/Encrypt` entry in a `trailer` dictionary (classic
 * cross-reference table) or in the dictionary of a cross-reference stream (`/Type /XRef`, PDF 1.5+).
 * Such a file cannot be shown without its password and hides its content from every check, so it
 * is refused. Decoded as windows-1252 (what `latin1` means to TextDecoder), one character a byte,
 * so that the ASCII keywords are found whatever binary data surrounds them.
 */
export function isEncryptedPdf(bytes: Uint8Array): boolean {
  const text = new TextDecoder('latin1').decode(bytes);
  for (let at = text.indexOf('trailer'); at >= 0; at = text.indexOf('trailer', at + 1)) {
    const end = text.indexOf('startxref', at);
    if (hasEncryptKey(text.slice(at, end < 0 ? undefined : end))) return true;
  }
  const xrefType = /\/Type\s*\/XRef(?![A-Za-z])/g;
  for (let m = xrefType.exec(text); m; m = xrefType.exec(text)) {
    const start = text.lastIndexOf(' obj', m.index);
    const end = text.indexOf('stream', m.index);
    if (hasEncryptKey(text.slice(start < 0 ? 0 : start, end < 0 ? undefined : end))) return true;
  }
  return false;
}
