/**
 * Attachments in the interchange format (docs/violence-care.md, section 9; docs/import-format.md):
 * a document attached in the app leaves in the export as its `attachment` line and one
 * `attachment_part` line per stored chunk, and comes back into another store byte for byte. The
 * import re-checks each document as the gated commit does and refuses, on the line and field at
 * fault and writing nothing, whatever would store a document that is not the one announced.
 */
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { attachmentPartId } from '../../shared/contract/interchange';
import {
  ATTACHMENT_CHUNK_BYTES,
  ATTACHMENT_PERSON_QUOTA_BYTES,
  splitInChunks,
} from '../../shared/domain/attachments';
import { Store } from '../../electron/core/db/store';
import { collectRecords, toJsonLines } from '../../electron/core/interchange/export';
import {
  applyLines,
  ImportRefused,
  MAX_LINE_CHARS,
  parseLines,
} from '../../electron/core/interchange/import';
import { AttachmentEntity } from '../../electron/core/services/attachments/entities';
import { attachmentBytes } from '../../electron/core/services/attachments/repository';
import { tempDir } from './helpers/core';
import { encryptedPdf, jpegWithGps } from './helpers/image-fixtures';
import { personInput, reception, staff, type Centre } from './helpers/reception';

type Line = Record<string, unknown> & { type: string; id: string };

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const NOW = '2026-12-01T08:00:00.000Z';

/** A PDF over three chunks (two whole, one short), so that order and reassembly matter. */
function bigPdf(): Buffer {
  const body = Buffer.alloc(ATTACHMENT_CHUNK_BYTES * 2 + 123);
  for (let i = 0; i < body.length; i += 1) body[i] = (i * 7) % 256;
  Buffer.from('%PDF-1.7\n').copy(body, 0);
  return body;
}

async function attach(t: Centre, token: string, personId: string, incidentId: string, bytes: Buffer) {
  const { uploadId } = await t.must(
    'attachments.stageBegin',
    { fileName: 'acte_naissance_Amal.pdf', size: bytes.length, sha256: sha(bytes) },
    token,
  );
  for (const [seq, chunk] of splitInChunks(bytes).entries())
    await t.must(
      'attachments.stageChunk',
      { uploadId, seq, base64: Buffer.from(chunk).toString('base64') },
      token,
    );
  return t.must(
    'violence.attach',
    { personId, incidentId, uploadId, kind: 'id_document', description: 'Acte de naissance' },
    token,
  );
}

/** A centre with a three-chunk PDF attached to Amal's incident, and a second person (Nadia). */
async function centreWithDocument() {
  const t = await reception();
  const social = await staff(t, 'sara', ['social_worker']);
  const incidentOf = async (nameUsed: string) => {
    const p = await t.must('persons.create', personInput(t, { nameUsed }), social.token);
    const incident = await t.must(
      'violence.saveIncident',
      {
        personId: p.id,
        occurredOn: '2026-03-01',
        placeKind: 'home',
        seedTypes: ['physical_assault'],
        gbvimsType: 'physical_assault',
      },
      social.token,
    );
    return { personId: p.id, incidentId: incident.id };
  };
  const amal = await incidentOf('Amal');
  const nadia = await incidentOf('Nadia');
  const pdf = bigPdf();
  const meta = await attach(t, social.token, amal.personId, amal.incidentId, pdf);
  const store = t.core.ctx.vault.requireStore();
  const lines = (await store.transaction((em) => collectRecords(em, NOW))) as Line[];
  return { t, pdf, meta, amal, nadia, lines };
}

async function freshStore(): Promise<Store> {
  return Store.open({ dataDir: tempDir(), key: randomBytes(32), create: true });
}

/** Imports the lines; the refusals as `line field reason` (none: imported). */
async function importLines(store: Store, lines: readonly Line[]): Promise<string[]> {
  const { lines: parsed, errors } = parseLines(toJsonLines(lines as never));
  const asText = (e: { line: number; field: string | null; reason: string }) =>
    `${e.line} ${e.field} ${e.reason}`;
  if (errors.length) return errors.map(asText);
  try {
    await store.transaction((em) => applyLines(em, parsed, NOW));
    return [];
  } catch (err) {
    if (err instanceof ImportRefused) return err.errors.map(asText);
    throw err;
  }
}

async function countRows(store: Store): Promise<unknown> {
  const [row] = await store.manager.query(
    'SELECT (SELECT count(*) FROM attachment) AS a, (SELECT count(*) FROM attachment_chunk) AS c, (SELECT count(*) FROM person) AS p',
  );
  return row;
}

/** 1-based line number of a record in the file (the header is line 1). */
const lineNo = (lines: readonly Line[], type: string, id: string) =>
  lines.findIndex((l) => l.type === type && l.id === id) + 1;

describe('attachments in the interchange', () => {
  it('export → import into a fresh store → the document opens with the same bytes; a second import changes nothing', async () => {
    const { pdf, meta, amal, lines } = await centreWithDocument();
    const attachment = lines.filter((l) => l.type === 'attachment');
    const parts = lines.filter((l) => l.type === 'attachment_part');
    expect(attachment).toEqual([
      expect.objectContaining({
        id: meta.id,
        personId: amal.personId,
        ownerType: 'violence_incident',
        ownerId: amal.incidentId,
        kind: 'id_document',
        fileName: 'acte_naissance_Amal.pdf',
        mediaType: 'application/pdf',
        sizeBytes: pdf.length,
        sha256: sha(pdf),
      }),
    ]);
    expect(parts.map((p) => [p.id, p.seq])).toEqual([0, 1, 2].map((s) => [attachmentPartId(meta.id, s), s]));
    // A whole chunk's line fits the longest line the import accepts.
    for (const part of parts) expect(JSON.stringify(part).length).toBeLessThan(MAX_LINE_CHARS);

    const target = await freshStore();
    try {
      expect(await importLines(target, lines)).toEqual([]);
      const [row, bytes] = await target.transaction(async (em) => {
        const stored = await em.getRepository(AttachmentEntity).findOneByOrFail({ id: meta.id });
        return [stored, await attachmentBytes(em, stored)] as const;
      });
      expect(bytes.equals(pdf)).toBe(true);
      expect(row).toMatchObject({ section: 'violence', chunkCount: 3, personId: amal.personId });
      const again = parseLines(toJsonLines(lines as never));
      const counts = await target.transaction((em) => applyLines(em, again.lines, NOW));
      expect(counts).toMatchObject({ created: 0, updated: 0 });
    } finally {
      await target.close();
    }
  });

  it('refuses, on the line and field at fault and writing nothing, a document that is not the one announced', async () => {
    const { lines, meta, nadia } = await centreWithDocument();
    const attLine = lineNo(lines, 'attachment', meta.id);
    const partLine = (seq: number) => lineNo(lines, 'attachment_part', attachmentPartId(meta.id, seq));
    const changed = (type: string, id: string, change: (l: Line) => Line | null) =>
      lines.flatMap((l) =>
        l.type === type && l.id === id ? [change({ ...l })].filter((x) => x !== null) : [l],
      );
    const withAttachment = (fields: object) => changed('attachment', meta.id, (l) => ({ ...l, ...fields }));
    const withoutPart = (seq: number) =>
      changed('attachment_part', attachmentPartId(meta.id, seq), () => null);

    // One small document of other bytes, checked alone (its line replaces the PDF's three parts).
    const oneChunk = (bytes: Buffer, fields: object = {}) => {
      const out: Line[] = [];
      for (const l of lines) {
        if (l.type === 'attachment_part' && l.attachmentId === meta.id) {
          if (l.seq === 0) out.push({ ...l, base64: bytes.toString('base64') });
        } else if (l.type === 'attachment' && l.id === meta.id)
          out.push({ ...l, sizeBytes: bytes.length, sha256: sha(bytes), ...fields });
        else out.push(l);
      }
      return out;
    };
    const swapped = [...lines];
    [swapped[partLine(0) - 1], swapped[partLine(1) - 1]] = [
      swapped[partLine(1) - 1],
      swapped[partLine(0) - 1],
    ];

    const cases: Array<[string, Line[], string[]]> = [
      [
        'not a PDF, JPEG or PNG',
        oneChunk(Buffer.from('MZ\x90\x00 this program')),
        [`${attLine} mediaType attachment_type_not_allowed`],
      ],
      [
        'a PDF announced as a PNG',
        oneChunk(Buffer.from('%PDF-1.4\n%%EOF\n'), { mediaType: 'image/png' }),
        [`${attLine} mediaType attachment_type_mismatch`],
      ],
      [
        'a password-protected PDF (it could not be opened in the app)',
        oneChunk(Buffer.from(encryptedPdf('trailer'))),
        [`${attLine} fileName attachment_pdf_encrypted`],
      ],
      [
        'a photo that still says where it was taken (an upload would strip it)',
        oneChunk(Buffer.from(jpegWithGps().file), { mediaType: 'image/jpeg' }),
        [`${attLine} fileName attachment_image_metadata`],
      ],
      [
        'over 10 MiB',
        withAttachment({ sizeBytes: 10 * 1024 * 1024 + 1 }),
        [`${attLine} sizeBytes attachment_too_large`],
      ],
      ['a part missing', withoutPart(1), [`${attLine} id attachment_part_missing`]],
      ['parts out of order', swapped, [`${partLine(1)} seq attachment_part_out_of_order`]],
      [
        'a SHA-256 that is not the bytes’',
        withAttachment({ sha256: sha(Buffer.from('other')) }),
        [`${attLine} sha256 attachment_sha256_mismatch`],
      ],
      [
        'a size that is not the bytes’',
        withAttachment({ sizeBytes: ATTACHMENT_CHUNK_BYTES * 2 + 122 }),
        [`${attLine} sizeBytes attachment_size_mismatch`, `${partLine(2)} base64 attachment_size_mismatch`],
      ],
      [
        'an owner in neither the file nor the store',
        withAttachment({ ownerId: 'no-such-incident' }),
        [`${attLine} ownerId unknown_violence_incident`],
      ],
      [
        'an owner of another person',
        withAttachment({ personId: nadia.personId }),
        [`${attLine} ownerId unknown_violence_incident`],
      ],
      [
        'parts without their attachment',
        changed('attachment', meta.id, () => null),
        [0, 1, 2].map((s) => `${partLine(s) - 1} attachmentId unknown_attachment`),
      ],
    ];
    const target = await freshStore();
    try {
      for (const [label, file, expected] of cases) {
        expect(await importLines(target, file), label).toEqual(expected);
        expect(await countRows(target), label).toEqual({ a: 0, c: 0, p: 0 });
      }
      // The untouched file imports: the refusals were the changes', not the file's.
      expect(await importLines(target, lines)).toEqual([]);
      expect(await countRows(target)).toEqual({ a: 1, c: 3, p: 2 });
    } finally {
      await target.close();
    }
  });

  it('refuses a file that changes the bytes of a document the store already holds', async () => {
    const { lines, meta } = await centreWithDocument();
    const target = await freshStore();
    try {
      expect(await importLines(target, lines)).toEqual([]);
      const other = Buffer.from('%PDF-1.4\nanother document\n%%EOF\n');
      const changed = lines.flatMap((l): Line[] => {
        if (l.type === 'attachment_part' && l.attachmentId === meta.id)
          return l.seq === 0 ? [{ ...l, base64: other.toString('base64') }] : [];
        if (l.type === 'attachment' && l.id === meta.id)
          return [{ ...l, sizeBytes: other.length, sha256: sha(other) }];
        return [l];
      });
      expect(await importLines(target, changed)).toEqual([
        `${lineNo(changed, 'attachment', meta.id)} sha256 attachment_content_changed`,
      ]);
    } finally {
      await target.close();
    }
  });

  it('refuses a document that would take the person over her 200 MiB, counting what the store holds', async () => {
    const { lines, meta, pdf } = await centreWithDocument();
    const target = await freshStore();
    try {
      expect(await importLines(target, lines)).toEqual([]);
      // Her stored documents now weigh all but a few bytes of the quota.
      await target.manager.query('UPDATE attachment SET size_bytes = ? WHERE id = ?', [
        ATTACHMENT_PERSON_QUOTA_BYTES - 10,
        meta.id,
      ]);
      // A second document of hers does not fit.
      const newId = `${meta.id}-2`;
      const second = lines.flatMap((l): Line[] => {
        if (l.type === 'attachment' && l.id === meta.id) return [{ ...l }, { ...l, id: newId }];
        if (l.type === 'attachment_part' && l.attachmentId === meta.id)
          return [l, { ...l, id: attachmentPartId(newId, l.seq as number), attachmentId: newId }];
        return [l];
      });
      expect(pdf.length).toBeGreaterThan(10);
      expect(await importLines(target, second)).toEqual([
        `${lineNo(second, 'attachment', newId)} sizeBytes attachment_quota_exceeded`,
      ]);
      // The same file again counts her stored document once, not twice: it passes.
      expect(await importLines(target, lines)).toEqual([]);
      expect(await countRows(target)).toEqual({ a: 1, c: 3, p: 2 });
    } finally {
      await target.close();
    }
  });
});
