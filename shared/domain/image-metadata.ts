/**
 * Image metadata removed before a photo is stored (docs/violence-care.md, section 5): a phone
 * photo carries where it was taken (EXIF GPS), which can locate a survivor's home or a shelter.
 * Only whole metadata containers are cut out; every other byte (the compressed pixels, the
 * quantisation and Huffman tables, the colour profile) is copied as it was, so the picture shown
 * is the same. Pure: no store, no clock.
 *
 * JPEG: APP1 (Exif, XMP), APP13 (IPTC / Photoshop), COM segments, an APP2 "MPF" index (it points
 * at the extra pictures a phone appends after the end of the image), and whatever follows the end
 * of the image (those extra pictures carry their own EXIF). Other APPn segments stay: APP0 (JFIF),
 * APP2 ICC profile and APP14 (Adobe colour transform) change how the pixels are decoded.
 * PNG: tEXt, iTXt, zTXt, eXIf and tIME chunks, and anything after IEND.
 */

export type StripResult =
  /**
   * `rotation`: the quarter turns (0, 90, 180, 270, clockwise) the removed EXIF orientation asked
   * for, so that a photo taken upright is still shown upright once the tag is gone.
   */
  | { ok: true; bytes: Uint8Array; metadataRemoved: boolean; rotation: number }
  /** The image's structure could not be walked: it is refused rather than stored unchecked. */
  | { ok: false };

const JPEG_DROPPED_MARKERS = new Set([0xe1, 0xed, 0xfe]);
const APP2 = 0xe2;
const SOS = 0xda;
const EOI = 0xd9;
const MPF_ID = [0x4d, 0x50, 0x46, 0x00]; // "MPF\0"

function startsWith(bytes: Uint8Array, at: number, magic: readonly number[]): boolean {
  if (at + magic.length > bytes.length) return false;
  return magic.every((b, i) => bytes[at + i] === b);
}

/** Markers that stand alone, without a length: SOI, TEM, RST0–RST7. */
function isStandalone(marker: number): boolean {
  return marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);
}

/**
 * After a scan header, the entropy-coded data runs until a 0xFF that is neither a stuffed 0x00
 * nor a restart marker (nor fill): the index of that marker's 0xFF, or -1 when the data never ends.
 */
function endOfEntropyData(bytes: Uint8Array, from: number): number {
  for (let i = from; i < bytes.length - 1; i += 1) {
    if (bytes[i] !== 0xff) continue;
    const next = bytes[i + 1];
    if (next === 0x00 || next === 0xff || (next >= 0xd0 && next <= 0xd7)) continue;
    return i;
  }
  return -1;
}

const EXIF_ID = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00]; // "Exif\0\0"
const ORIENTATION_TAG = 0x0112;
/**
 * EXIF orientations 3, 6 and 8 are the camera turned; the mirrored ones (2, 4, 5, 7: front cameras
 * of some phones) have no rotation that shows them right, and are shown as stored.
 */
const ROTATION_OF_ORIENTATION: Readonly<Record<number, number>> = { 3: 180, 6: 90, 8: 270 };

/**
 * The orientation in an EXIF APP1 payload (TIFF header, then IFD0), as degrees to turn; 0 when
 * absent or unreadable (a broken tag changes nothing: the photo is shown as stored).
 */
export function exifRotation(payload: Uint8Array): number {
  if (!startsWith(payload, 0, EXIF_ID)) return 0;
  const tiff = 6;
  const little = payload[tiff] === 0x49 && payload[tiff + 1] === 0x49;
  const big = payload[tiff] === 0x4d && payload[tiff + 1] === 0x4d;
  if (!little && !big) return 0;
  const u16 = (at: number) =>
    at + 1 < payload.length
      ? little
        ? payload[at] | (payload[at + 1] << 8)
        : (payload[at] << 8) | payload[at + 1]
      : -1;
  const u32 = (at: number) =>
    at + 3 < payload.length ? u16(little ? at + 2 : at) * 0x10000 + u16(little ? at : at + 2) : -1;
  const ifd = tiff + u32(tiff + 4);
  const entries = u16(ifd);
  if (u32(tiff + 4) < 0 || entries < 0) return 0;
  for (let i = 0; i < entries; i += 1) {
    const entry = ifd + 2 + i * 12;
    if (u16(entry) === ORIENTATION_TAG) return ROTATION_OF_ORIENTATION[u16(entry + 8)] ?? 0;
  }
  return 0;
}

export function stripJpegMetadata(bytes: Uint8Array): StripResult {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return { ok: false };
  const kept: Uint8Array[] = [bytes.subarray(0, 2)];
  let removed = false;
  let rotation = 0;
  let at = 2;
  for (;;) {
    // Fill bytes (0xFF) may precede a marker.
    while (at < bytes.length && bytes[at] === 0xff && bytes[at + 1] === 0xff) at += 1;
    if (at + 1 >= bytes.length || bytes[at] !== 0xff) return { ok: false };
    const marker = bytes[at + 1];
    if (marker === EOI) {
      kept.push(bytes.subarray(at, at + 2));
      if (at + 2 < bytes.length) removed = true;
      break;
    }
    if (isStandalone(marker)) {
      kept.push(bytes.subarray(at, at + 2));
      at += 2;
      continue;
    }
    if (at + 3 >= bytes.length) return { ok: false };
    const length = (bytes[at + 2] << 8) | bytes[at + 3];
    const end = at + 2 + length;
    if (length < 2 || end > bytes.length) return { ok: false };
    const dropped =
      JPEG_DROPPED_MARKERS.has(marker) || (marker === APP2 && startsWith(bytes, at + 4, MPF_ID));
    if (dropped) removed = true;
    // The first picture's EXIF only (the appended ones are cut before their segments are read).
    if (marker === 0xe1 && rotation === 0) rotation = exifRotation(bytes.subarray(at + 4, end));
    if (marker === SOS) {
      const next = endOfEntropyData(bytes, end);
      if (next < 0) return { ok: false };
      kept.push(bytes.subarray(at, next));
      at = next;
      continue;
    }
    if (!dropped) kept.push(bytes.subarray(at, end));
    at = end;
  }
  return { ok: true, bytes: concat(kept), metadataRemoved: removed, rotation };
}

const PNG_SIGNATURE_LENGTH = 8;
const PNG_DROPPED_CHUNKS = new Set(['tEXt', 'iTXt', 'zTXt', 'eXIf', 'tIME']);

export function stripPngMetadata(bytes: Uint8Array): StripResult {
  const kept: Uint8Array[] = [bytes.subarray(0, PNG_SIGNATURE_LENGTH)];
  let removed = false;
  let at = PNG_SIGNATURE_LENGTH;
  for (;;) {
    if (at + 12 > bytes.length) return { ok: false };
    const length = ((bytes[at] << 24) >>> 0) + (bytes[at + 1] << 16) + (bytes[at + 2] << 8) + bytes[at + 3];
    const end = at + 12 + length;
    if (end > bytes.length) return { ok: false };
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (PNG_DROPPED_CHUNKS.has(type)) removed = true;
    else kept.push(bytes.subarray(at, end));
    at = end;
    if (type === 'IEND') {
      if (at < bytes.length) removed = true;
      break;
    }
  }
  return { ok: true, bytes: concat(kept), metadataRemoved: removed, rotation: 0 };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
