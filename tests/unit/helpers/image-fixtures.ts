/**
 * Hand-built files for the attachment checks: a JPEG whose metadata give away where it was taken,
 * a PNG with text chunks, encrypted PDFs. Built byte by byte so each test knows exactly which
 * bytes must survive.
 */

const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

function concat(...parts: number[][]): Uint8Array {
  return Uint8Array.from(parts.flat());
}

/** A JPEG segment: marker, two-byte length (itself included), payload. */
function segment(marker: number, payload: number[]): number[] {
  const length = payload.length + 2;
  return [0xff, marker, length >> 8, length & 0xff, ...payload];
}

const SOI = [0xff, 0xd8];
const EOI = [0xff, 0xd9];
const JFIF = segment(0xe0, [...ascii('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0]);
const ICC = segment(0xe2, [...ascii('ICC_PROFILE\0'), 1, 1, 9, 9, 9]);
const ADOBE = segment(0xee, [...ascii('Adobe'), 0, 100, 0, 0, 0, 0, 1]);
const DQT = segment(0xdb, [0, ...Array.from({ length: 64 }, (_, i) => i + 1)]);
const SOF2 = segment(0xc2, [8, 0, 2, 0, 2, 1, 1, 0x11, 0]);
const DHT = segment(0xc4, [0, 1, ...Array<number>(15).fill(0), 7]);
const SOS = segment(0xda, [1, 1, 0, 0, 63, 0]);
/** Entropy-coded data with a stuffed 0xFF and a restart marker, which are not segment markers. */
const SCAN_1 = [0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56];
const SCAN_2 = [0x9a, 0xff, 0x00, 0xbc];

/**
 * A progressive JPEG as a phone writes it: EXIF with the GPS position, XMP, IPTC, a comment, an MPF
 * index and a second picture (with its own EXIF) after the end of the image; and the same file
 * with only those removed.
 */
export function jpegWithGps(): { file: Uint8Array; expected: Uint8Array } {
  const exif = segment(0xe1, [
    ...ascii('Exif\0\0MM\0*'),
    ...ascii('GPSLatitude 31.6295 N GPSLongitude 7.9811 W'),
  ]);
  const xmp = segment(0xe1, ascii('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>exif:GPSLatitude</x:xmpmeta>'));
  const iptc = segment(0xed, ascii('Photoshop 3.0\x008BIM Sublocation: refuge'));
  const comment = segment(0xfe, ascii('Taken at the shelter'));
  const mpf = segment(0xe2, [...ascii('MPF\0'), 0x4d, 0x4d, 0, 0x2a]);
  const appended = [...SOI, ...segment(0xe1, ascii('Exif\0\0GPSLatitude again')), ...EOI];
  const kept = (...meta: number[][]) => [
    ...SOI,
    ...JFIF,
    ...meta[0],
    ...ICC,
    ...meta[1],
    ...ADOBE,
    ...DQT,
    ...meta[2],
    ...SOF2,
    ...DHT,
    ...SOS,
    ...SCAN_1,
    ...DHT,
    ...SOS,
    ...SCAN_2,
    ...EOI,
  ];
  return {
    file: concat(kept([...exif, ...xmp], [...mpf, ...iptc], comment), appended),
    expected: concat(kept([], [], [])),
  };
}

/** A PNG chunk: length, type, data, CRC (any four bytes: nothing here checks it). */
function chunk(type: string, data: number[]): number[] {
  const n = data.length;
  return [n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff, ...ascii(type), ...data, 1, 2, 3, 4];
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const IHDR = chunk('IHDR', [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
const IDAT = chunk('IDAT', [0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0, 0, 3, 1, 1, 0]);
const IEND = chunk('IEND', []);

/** A one-pixel PNG without metadata. */
export const PNG_PLAIN = concat(PNG_SIGNATURE, IHDR, IDAT, IEND);

/** The same PNG with every kind of text and time chunk, and bytes after IEND. */
export function pngWithText(): Uint8Array {
  return concat(
    PNG_SIGNATURE,
    IHDR,
    chunk('tEXt', ascii('Location\0Refuge, Marrakech')),
    chunk('eXIf', ascii('MM\0*GPSLatitude')),
    chunk('tIME', [7, 234, 12, 2, 5, 0, 0]),
    IDAT,
    chunk('iTXt', ascii('Comment\0\0\0\0\0chez elle')),
    chunk('zTXt', ascii('Raw\0\0xyz')),
    IEND,
    ascii('trailing GPS'),
  );
}

/** A PDF encrypted with a classic trailer, or (PDF 1.5+) with a cross-reference stream. */
export function encryptedPdf(kind: 'trailer' | 'xref-stream'): Uint8Array {
  const body = '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n2 0 obj << /Filter /Standard /V 2 >> endobj\n';
  const tail =
    kind === 'trailer'
      ? 'xref\n0 3\ntrailer\n<< /Size 3 /Root 1 0 R /Encrypt 2 0 R /ID [<01><01>] >>\nstartxref\n90\n%%EOF\n'
      : '3 0 obj << /Type /XRef /Size 4 /Root 1 0 R /Encrypt 2 0 R /W [1 2 1] /Length 4 >> stream\n\u0001\u0000\u0000\u0000\nendstream endobj\nstartxref\n90\n%%EOF\n';
  return Uint8Array.from(ascii(body + tail));
}

/**
 * An EXIF APP1 payload holding only IFD0's orientation tag (0x0112, SHORT), in either byte order:
 * what a phone writes when it was held sideways (6: turn 90° clockwise to view).
 */
export function exifOrientationPayload(orientation: number, order: 'MM' | 'II'): Uint8Array {
  const u16 = (v: number) => (order === 'MM' ? [v >> 8, v & 0xff] : [v & 0xff, v >> 8]);
  const u32 = (v: number) => (order === 'MM' ? [0, 0, ...u16(v)] : [...u16(v), 0, 0]);
  return concat(
    ascii('Exif\0\0'),
    ascii(order),
    u16(42),
    u32(8),
    u16(1),
    [...u16(0x0112), ...u16(3), ...u32(1), ...u16(orientation), 0, 0],
    u32(0),
  );
}

/** A clean JPEG with that EXIF segment put back after its start: the upload strips it. */
export function jpegTurned(
  orientation: number,
  order: 'MM' | 'II' = 'MM',
): { file: Uint8Array; expected: Uint8Array } {
  const { expected } = jpegWithGps();
  const payload = Array.from(exifOrientationPayload(orientation, order));
  return { file: concat(SOI, segment(0xe1, payload), Array.from(expected.subarray(2))), expected };
}
