/**
 * Attachments (docs/violence-care.md, section 5): the pure rules the renderer and the core share —
 * the type read from the bytes (never the name), the 10 MiB limit, the 160 KiB chunks.
 */
import { describe, expect, it } from 'vitest';
import {
  ATTACHMENT_CHUNK_BYTES,
  ATTACHMENT_MAX_BYTES,
  attachmentSizeProblem,
  chunkCount,
  chunkFits,
  sniffMediaType,
  splitInChunks,
} from '../../shared/domain/attachments';

const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (text: string) => new TextEncoder().encode(text);

describe('sniffMediaType', () => {
  it('recognises a PDF, a JPEG and a PNG by their first bytes', () => {
    expect(sniffMediaType(ascii('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toBe('application/pdf');
    expect(sniffMediaType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).toBe('image/jpeg');
    expect(sniffMediaType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d))).toBe(
      'image/png',
    );
  });

  it('finds the PDF header after leading junk within the first 1,024 bytes, not beyond', () => {
    const within = new Uint8Array(1024);
    within.set(ascii('%PDF-'), 1019);
    expect(sniffMediaType(within)).toBe('application/pdf');
    const beyond = new Uint8Array(2048);
    beyond.set(ascii('%PDF-'), 1020);
    expect(sniffMediaType(beyond)).toBeNull();
  });

  it('refuses anything else, whatever it claims to be', () => {
    expect(sniffMediaType(ascii('MZ\x90\x00 this program cannot be run in DOS mode'))).toBeNull();
    expect(sniffMediaType(ascii('GIF89a'))).toBeNull();
    expect(sniffMediaType(ascii('<html><body>%PDF</body></html>'))).toBeNull();
    expect(sniffMediaType(bytes(0xff, 0xd8))).toBeNull();
    expect(sniffMediaType(bytes(0x89, 0x50, 0x4e, 0x47))).toBeNull();
    expect(sniffMediaType(new Uint8Array(0))).toBeNull();
  });
});

describe('attachmentSizeProblem', () => {
  it('accepts one byte up to 10 MiB included', () => {
    expect(attachmentSizeProblem(1)).toBeNull();
    expect(attachmentSizeProblem(ATTACHMENT_MAX_BYTES)).toBeNull();
    expect(ATTACHMENT_MAX_BYTES).toBe(10 * 1024 * 1024);
  });

  it('refuses an empty file and one byte over the limit', () => {
    expect(attachmentSizeProblem(0)).toBe('attachment_empty');
    expect(attachmentSizeProblem(-5)).toBe('attachment_empty');
    expect(attachmentSizeProblem(1.5)).toBe('attachment_empty');
    expect(attachmentSizeProblem(ATTACHMENT_MAX_BYTES + 1)).toBe('attachment_too_large');
  });
});

describe('chunks', () => {
  it('cuts a file in 160 KiB chunks, the last one shorter, and puts them back as they were', () => {
    expect(ATTACHMENT_CHUNK_BYTES).toBe(160 * 1024);
    const size = ATTACHMENT_CHUNK_BYTES * 2 + 17;
    const file = new Uint8Array(size).map((_, i) => i % 251);
    const chunks = splitInChunks(file);
    expect(chunks.map((c) => c.length)).toEqual([ATTACHMENT_CHUNK_BYTES, ATTACHMENT_CHUNK_BYTES, 17]);
    expect(chunkCount(size)).toBe(3);
    expect(Buffer.concat(chunks).equals(Buffer.from(file))).toBe(true);
    expect(splitInChunks(new Uint8Array(ATTACHMENT_CHUNK_BYTES))).toHaveLength(1);
    expect(chunkCount(ATTACHMENT_MAX_BYTES)).toBe(64);
  });

  it('accepts only a chunk of the expected index and length', () => {
    const size = ATTACHMENT_CHUNK_BYTES + 10;
    expect(chunkFits(size, 0, ATTACHMENT_CHUNK_BYTES)).toBe(true);
    expect(chunkFits(size, 1, 10)).toBe(true);
    expect(chunkFits(size, 1, 11)).toBe(false);
    expect(chunkFits(size, 0, 10)).toBe(false);
    expect(chunkFits(size, 2, 10)).toBe(false);
    expect(chunkFits(size, -1, 10)).toBe(false);
    expect(chunkFits(10, 0, 10)).toBe(true);
  });
});
