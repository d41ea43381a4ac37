/**
 * Attachments (docs/violence-care.md, section 5): the pure rules the renderer and the core share —
 * the type read from the bytes (never the name), the 10 MiB limit, the 160 KiB chunks — and, on a
 * real encrypted store, documents attached to an incident: staged in memory, committed through the
 * `violence` gate, opened byte for byte with an audit entry naming them, deleted for good. Every
 * refusal writes nothing.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ATTACHMENT_CHUNK_BYTES,
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_PERSON_QUOTA_BYTES,
  attachmentSizeProblem,
  chunkCount,
  chunkFits,
  isEncryptedPdf,
  sniffMediaType,
  splitInChunks,
} from '../../shared/domain/attachments';
import { exifRotation, stripJpegMetadata, stripPngMetadata } from '../../shared/domain/image-metadata';
import {
  encryptedPdf,
  exifOrientationPayload,
  jpegTurned,
  jpegWithGps,
  pngWithText,
  PNG_PLAIN,
} from './helpers/image-fixtures';
import { expectRefused, storeSnapshot } from './helpers/clinical';
import { personInput, reception, staff, type Centre } from './helpers/reception';

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

describe('isEncryptedPdf', () => {
  it('finds /Encrypt in a trailer or in a cross-reference stream, not elsewhere', () => {
    expect(isEncryptedPdf(encryptedPdf('trailer'))).toBe(true);
    expect(isEncryptedPdf(encryptedPdf('xref-stream'))).toBe(true);
    expect(
      isEncryptedPdf(
        ascii('%PDF-1.4\n1 0 obj << >> endobj\ntrailer\n<< /Root 1 0 R /Size 2 >>\nstartxref\n9\n%%EOF'),
      ),
    ).toBe(false);
    // /EncryptMetadata is another name; a page that mentions "/Encrypt" in its text is not a trailer.
    expect(isEncryptedPdf(ascii('%PDF-1.4\ntrailer\n<< /EncryptMetadata false >>\nstartxref\n%%EOF'))).toBe(
      false,
    );
    expect(
      isEncryptedPdf(
        ascii(
          '%PDF-1.4\n4 0 obj << /Length 9 >> stream\n(/Encrypt)\nendstream\ntrailer << /Root 1 0 R >>\nstartxref\n%%EOF',
        ),
      ),
    ).toBe(false);
  });
});

describe('image metadata', () => {
  it('cuts EXIF (with the GPS position), XMP, IPTC, comments, the MPF index and appended pictures out of a JPEG, every other byte kept', () => {
    const { file, expected } = jpegWithGps();
    const result = stripJpegMetadata(file);
    expect(result).toMatchObject({ ok: true, metadataRemoved: true });
    if (!result.ok) return;
    expect(Buffer.from(result.bytes).equals(Buffer.from(expected))).toBe(true);
    expect(Buffer.from(result.bytes).toString('latin1')).not.toContain('GPS');
  });

  it('keeps the turn a removed EXIF orientation asked for, so a photo taken sideways is shown upright', () => {
    for (const order of ['MM', 'II'] as const) {
      // 1 upright, 3 upside down, 6 and 8 sideways; 5 is mirrored: no turn shows it right.
      for (const [orientation, turn] of [
        [1, 0],
        [3, 180],
        [6, 90],
        [8, 270],
        [5, 0],
      ])
        expect(exifRotation(exifOrientationPayload(orientation, order)), `${order} ${orientation}`).toBe(
          turn,
        );
      // A truncated tag changes nothing.
      expect(exifRotation(exifOrientationPayload(6, order).subarray(0, 20))).toBe(0);
    }
    const { file, expected } = jpegTurned(6);
    const result = stripJpegMetadata(file);
    expect(result).toMatchObject({ ok: true, metadataRemoved: true, rotation: 90 });
    if (result.ok) expect(Buffer.from(result.bytes).equals(Buffer.from(expected))).toBe(true);
    expect(stripJpegMetadata(jpegWithGps().file)).toMatchObject({ ok: true, rotation: 0 });
  });

  it('leaves a JPEG without metadata byte for byte, and refuses one it cannot walk', () => {
    const { expected } = jpegWithGps();
    const result = stripJpegMetadata(expected);
    expect(result).toMatchObject({ ok: true, metadataRemoved: false });
    if (result.ok) expect(Buffer.from(result.bytes).equals(Buffer.from(expected))).toBe(true);
    expect(stripJpegMetadata(bytes(0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff, 1))).toEqual({ ok: false });
    expect(stripJpegMetadata(expected.subarray(0, expected.length - 6))).toEqual({ ok: false });
  });

  it('cuts tEXt, iTXt, zTXt, eXIf and tIME chunks out of a PNG, the image chunks kept', () => {
    const result = stripPngMetadata(pngWithText());
    expect(result).toMatchObject({ ok: true, metadataRemoved: true });
    if (result.ok) expect(Buffer.from(result.bytes).equals(Buffer.from(PNG_PLAIN))).toBe(true);
    expect(stripPngMetadata(PNG_PLAIN)).toMatchObject({ ok: true, metadataRemoved: false });
    expect(stripPngMetadata(PNG_PLAIN.subarray(0, 20))).toEqual({ ok: false });
  });
});

// ---- On a real store ----

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const ROWS_SQL =
  'SELECT (SELECT count(*) FROM audit_log) AS a, (SELECT count(*) FROM attachment) AS n, (SELECT count(*) FROM attachment_chunk) AS c';

/** A PDF over two chunks, so that order and reassembly matter. */
function bigPdf(): Buffer {
  const body = Buffer.alloc(ATTACHMENT_CHUNK_BYTES * 2 + 123);
  for (let i = 0; i < body.length; i += 1) body[i] = (i * 7) % 256;
  Buffer.from('%PDF-1.7\n').copy(body, 0);
  return body;
}

async function centre() {
  const t = await reception();
  const social = await staff(t, 'sara', ['social_worker']);
  const nurse = await staff(t, 'nina', ['nurse']);
  const psy = await staff(t, 'paula', ['psychologist']);
  const p = await t.must('persons.create', personInput(t, { nameUsed: 'Salma' }), social.token);
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
  return { t, social, nurse, psy, personId: p.id, incidentId: incident.id };
}

/** Stages the bytes as the renderer does (begin, then each chunk); returns the upload id. */
async function stage(t: Centre, token: string, bytes: Buffer, announced = sha(bytes)): Promise<string> {
  const { uploadId } = await t.must(
    'attachments.stageBegin',
    { fileName: 'certificat_Salma.pdf', size: bytes.length, sha256: announced },
    token,
  );
  for (const [seq, chunk] of splitInChunks(bytes).entries())
    await t.must(
      'attachments.stageChunk',
      { uploadId, seq, base64: Buffer.from(chunk).toString('base64') },
      token,
    );
  return uploadId;
}

describe('documents attached to an incident', () => {
  it('stores a document in chunks and opens it byte for byte, the read audited naming it', async () => {
    const { t, social, personId, incidentId } = await centre();
    const pdf = bigPdf();
    const uploadId = await stage(t, social.token, pdf);
    const meta = await t.must(
      'violence.attach',
      { personId, incidentId, uploadId, kind: 'certificate', description: 'Certificat' },
      social.token,
    );
    expect(meta).toMatchObject({ mediaType: 'application/pdf', sizeBytes: pdf.length, kind: 'certificate' });
    expect(await storeSnapshot(t, 'SELECT count(*) AS c FROM attachment_chunk')).toBe('[{"c":3}]');
    const listed = await t.must('violence.attachments', { personId, incidentId }, social.token);
    expect(listed.map((a) => a.id)).toEqual([meta.id]);

    const opened = await t.must('violence.openAttachment', { personId, attachmentId: meta.id }, social.token);
    expect(Buffer.from(opened.base64, 'base64').equals(pdf)).toBe(true);
    const audit = await storeSnapshot(
      t,
      `SELECT action, target_type, target_id FROM audit_log WHERE target_id = '${meta.id}' ORDER BY seq`,
    );
    expect(JSON.parse(audit)).toEqual([
      { action: 'create', target_type: 'attachment', target_id: meta.id },
      { action: 'read', target_type: 'attachment', target_id: meta.id },
    ]);
    // The file name is personal data: it never reaches the audit log.
    expect(await storeSnapshot(t, 'SELECT * FROM audit_log')).not.toContain('certificat_Salma');
    // The upload was consumed: it cannot be committed twice.
    await expectRefused(
      t,
      'violence.attach',
      { personId, incidentId, uploadId, kind: 'certificate' },
      social.token,
      { field: 'file', reason: 'attachment_upload_unknown' },
      { rowsSql: ROWS_SQL },
    );
  });

  it('refuses, writing nothing: a type that is not PDF/JPEG/PNG, a wrong SHA-256, a missing chunk, an unknown upload', async () => {
    const { t, social, personId, incidentId } = await centre();
    const attach = (uploadId: string) => ({ personId, incidentId, uploadId, kind: 'other' as const });
    const refused = (uploadId: string, reason: string) =>
      expectRefused(
        t,
        'violence.attach',
        attach(uploadId),
        social.token,
        { field: 'file', reason },
        { rowsSql: ROWS_SQL },
      );

    await refused(
      await stage(t, social.token, Buffer.from('MZ\x90\x00 not a document')),
      'attachment_type_not_allowed',
    );
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
    await refused(
      await stage(t, social.token, pdf, sha(Buffer.from('something else'))),
      'attachment_corrupted',
    );
    const big = bigPdf();
    const { uploadId: partial } = await t.must(
      'attachments.stageBegin',
      { fileName: 'a.pdf', size: big.length, sha256: sha(big) },
      social.token,
    );
    await t.must(
      'attachments.stageChunk',
      { uploadId: partial, seq: 0, base64: big.subarray(0, ATTACHMENT_CHUNK_BYTES).toString('base64') },
      social.token,
    );
    await refused(partial, 'attachment_corrupted');
    await refused('never-staged', 'attachment_upload_unknown');
    // Another session's upload is not this one's.
    const other = await stage(t, social.token, pdf);
    const again = (await t.must('auth.login', { username: 'sara', password: 'Nouveau-Mot-de-passe-2026' }))
      .token;
    await expectRefused(
      t,
      'violence.attach',
      attach(other),
      again,
      { field: 'file', reason: 'attachment_upload_unknown' },
      { rowsSql: ROWS_SQL },
    );
  });

  it('refuses at staging an empty file, one over 10 MiB, and a chunk of the wrong length', async () => {
    const { t, social } = await centre();
    const begin = (size: number) =>
      t.call('attachments.stageBegin', { fileName: 'a.pdf', size, sha256: 'a'.repeat(64) }, social.token);
    expect(await begin(0)).toMatchObject({
      ok: false,
      error: { field: 'file', details: { reason: 'attachment_empty' } },
    });
    expect(await begin(ATTACHMENT_MAX_BYTES + 1)).toMatchObject({
      ok: false,
      error: { field: 'file', details: { reason: 'attachment_too_large' } },
    });
    const { uploadId } = await t.must(
      'attachments.stageBegin',
      { fileName: 'a.pdf', size: 10, sha256: 'a'.repeat(64) },
      social.token,
    );
    expect(
      await t.call(
        'attachments.stageChunk',
        { uploadId, seq: 0, base64: Buffer.alloc(9).toString('base64') },
        social.token,
      ),
    ).toMatchObject({ ok: false, error: { details: { reason: 'attachment_corrupted' } } });
  });

  it('drops the staged upload when the session locks', async () => {
    const { t, social, personId, incidentId } = await centre();
    const uploadId = await stage(t, social.token, Buffer.from('%PDF-1.4\n%%EOF\n'));
    await t.must('auth.lock', {}, social.token);
    await t.must('auth.unlock', { password: 'Nouveau-Mot-de-passe-2026' }, social.token);
    await expectRefused(
      t,
      'violence.attach',
      { personId, incidentId, uploadId, kind: 'other' },
      social.token,
      { field: 'file', reason: 'attachment_upload_unknown' },
      { rowsSql: ROWS_SQL },
    );
  });

  it('a reader without the section or without the consent cannot open it', async () => {
    const { t, social, nurse, psy, personId, incidentId } = await centre();
    const uploadId = await stage(t, social.token, Buffer.from('%PDF-1.4\n%%EOF\n'));
    const meta = await t.must(
      'violence.attach',
      { personId, incidentId, uploadId, kind: 'other' },
      social.token,
    );
    const open = { personId, attachmentId: meta.id };
    expect(await t.call('violence.openAttachment', open, nurse.token)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    // The psychologist may read violence, but Salma has not consented to the social and legal team.
    expect(await t.call('violence.openAttachment', open, psy.token)).toMatchObject({
      ok: false,
      error: { code: 'consent_required' },
    });
  });

  it('deletes a document for good: its row and every chunk, audited as a deletion', async () => {
    const { t, social, personId, incidentId } = await centre();
    const uploadId = await stage(t, social.token, bigPdf());
    const meta = await t.must(
      'violence.attach',
      { personId, incidentId, uploadId, kind: 'other' },
      social.token,
    );
    await t.must(
      'violence.deleteAttachment',
      { personId, attachmentId: meta.id, version: meta.version },
      social.token,
    );
    expect(
      await storeSnapshot(
        t,
        'SELECT (SELECT count(*) FROM attachment) AS n, (SELECT count(*) FROM attachment_chunk) AS c',
      ),
    ).toBe('[{"n":0,"c":0}]');
    const audit = await storeSnapshot(
      t,
      `SELECT action FROM audit_log WHERE target_id = '${meta.id}' ORDER BY seq`,
    );
    expect(JSON.parse(audit)).toEqual([{ action: 'create' }, { action: 'delete' }]);
    // Gone: its author is no longer known, so without Salma's consent the gate refuses it as it
    // refuses any record of the section (nothing says whether it ever existed).
    expect(
      await t.call('violence.openAttachment', { personId, attachmentId: meta.id }, social.token),
    ).toMatchObject({ ok: false, error: { code: 'consent_required' } });
  });

  it('a case plan and a legal procedure take documents too, each opened only through its own owner', async () => {
    const { t, social, personId, incidentId } = await centre();
    await t.must('persons.recordConsent', { personId, scope: 'social_legal', given: true }, social.token);
    const plan = await t.must('casePlans.open', { personId }, social.token);
    const procedure = await t.must(
      'legal.saveProcedure',
      { personId, type: 'first_national_id', openedOn: '2026-03-01' },
      social.token,
    );
    // A PNG without metadata: stored and opened as sent.
    const png = Buffer.from(PNG_PLAIN);
    const onPlan = await t.must(
      'casePlans.attach',
      { personId, planId: plan.id, uploadId: await stage(t, social.token, png), kind: 'id_document' },
      social.token,
    );
    const pdf = Buffer.from('%PDF-1.4\njugement\n%%EOF\n');
    const onProcedure = await t.must(
      'legal.attach',
      {
        personId,
        procedureId: procedure.id,
        uploadId: await stage(t, social.token, pdf),
        kind: 'court_decision',
      },
      social.token,
    );
    expect(onPlan.mediaType).toBe('image/png');
    const openedPng = await t.must(
      'casePlans.openAttachment',
      { personId, attachmentId: onPlan.id },
      social.token,
    );
    expect(Buffer.from(openedPng.base64, 'base64').equals(png)).toBe(true);
    const openedPdf = await t.must(
      'legal.openAttachment',
      { personId, attachmentId: onProcedure.id },
      social.token,
    );
    expect(Buffer.from(openedPdf.base64, 'base64').equals(pdf)).toBe(true);
    expect(
      (await t.must('legal.attachments', { personId, procedureId: procedure.id }, social.token)).map(
        (a) => a.id,
      ),
    ).toEqual([onProcedure.id]);
    // A legal document is not reached through the case-plan (or violence) channels.
    for (const channel of ['casePlans.openAttachment', 'violence.openAttachment'] as const)
      expect(await t.call(channel, { personId, attachmentId: onProcedure.id }, social.token)).toMatchObject({
        ok: false,
        error: { field: 'attachmentId', details: { reason: 'unknown_attachment' } },
      });
    expect((await t.must('violence.attachments', { personId, incidentId }, social.token)).length).toBe(0);
    await t.must(
      'legal.deleteAttachment',
      { personId, attachmentId: onProcedure.id, version: onProcedure.version },
      social.token,
    );
    expect(await storeSnapshot(t, 'SELECT owner_type AS o FROM attachment')).toBe('[{"o":"case_plan"}]');
  });

  it('a merge moves the documents with the person, bytes untouched', async () => {
    const { t, social, personId, incidentId } = await centre();
    const pdf = bigPdf();
    const meta = await t.must(
      'violence.attach',
      { personId, incidentId, uploadId: await stage(t, social.token, pdf), kind: 'other' },
      social.token,
    );
    const kept = await t.must('persons.create', personInput(t, { nameUsed: 'Salma B' }), social.token);
    const merged = await t.must('persons.get', { id: personId }, t.token);
    await t.must(
      'persons.merge',
      {
        survivorId: kept.id,
        mergedId: personId,
        survivorVersion: kept.version,
        mergedVersion: merged.version,
      },
      t.token,
    );
    const opened = await t.must(
      'violence.openAttachment',
      { personId: kept.id, attachmentId: meta.id },
      social.token,
    );
    expect(Buffer.from(opened.base64, 'base64').equals(pdf)).toBe(true);
  });

  it('stores a photo without its metadata, says so, and records the SHA-256 of what is stored', async () => {
    const { t, social, personId, incidentId } = await centre();
    const { file, expected } = jpegWithGps();
    const meta = await t.must(
      'violence.attach',
      { personId, incidentId, uploadId: await stage(t, social.token, Buffer.from(file)), kind: 'other' },
      social.token,
    );
    expect(meta).toMatchObject({
      metadataRemoved: true,
      mediaType: 'image/jpeg',
      sizeBytes: expected.length,
    });
    const opened = await t.must('violence.openAttachment', { personId, attachmentId: meta.id }, social.token);
    const stored = Buffer.from(opened.base64, 'base64');
    expect(stored.equals(Buffer.from(expected))).toBe(true);
    expect(stored.toString('latin1')).not.toContain('GPSLatitude');
    expect(await storeSnapshot(t, `SELECT sha256 FROM attachment WHERE id = '${meta.id}'`)).toBe(
      JSON.stringify([{ sha256: sha(stored) }]),
    );
    expect(opened.rotation).toBe(0);
    // A photo taken sideways opens turned as its removed orientation said.
    const turned = jpegTurned(8, 'II');
    const sideways = await t.must(
      'violence.attach',
      {
        personId,
        incidentId,
        uploadId: await stage(t, social.token, Buffer.from(turned.file)),
        kind: 'other',
      },
      social.token,
    );
    const openedSideways = await t.must(
      'violence.openAttachment',
      { personId, attachmentId: sideways.id },
      social.token,
    );
    expect(openedSideways.rotation).toBe(270);
    expect(Buffer.from(openedSideways.base64, 'base64').equals(Buffer.from(turned.expected))).toBe(true);
    // A PDF is never touched, and the answer says nothing was removed.
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
    const kept = await t.must(
      'violence.attach',
      { personId, incidentId, uploadId: await stage(t, social.token, pdf), kind: 'other' },
      social.token,
    );
    expect(kept.metadataRemoved).toBe(false);
  });

  it('refuses an encrypted PDF and an unreadable image on the file, writing nothing', async () => {
    const { t, social, personId, incidentId } = await centre();
    for (const [file, reason] of [
      [encryptedPdf('trailer'), 'attachment_pdf_encrypted'],
      [encryptedPdf('xref-stream'), 'attachment_pdf_encrypted'],
      [Uint8Array.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff, 1]), 'attachment_image_unreadable'],
    ] as const)
      await expectRefused(
        t,
        'violence.attach',
        { personId, incidentId, uploadId: await stage(t, social.token, Buffer.from(file)), kind: 'other' },
        social.token,
        { field: 'file', reason },
        { rowsSql: ROWS_SQL },
      );
  });

  it('refuses a document that takes the person over 200 MiB, writing nothing; another person is not counted', async () => {
    const { t, social, personId, incidentId } = await centre();
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
    const first = await t.must(
      'violence.attach',
      { personId, incidentId, uploadId: await stage(t, social.token, pdf), kind: 'other' },
      social.token,
    );
    // Stand-in for twenty full scans: the first document now counts as all but 10 bytes of the quota.
    const store = t.core.ctx.vault.requireStore();
    await store.exclusive(() =>
      store.manager.query('UPDATE attachment SET size_bytes = ? WHERE id = ?', [
        ATTACHMENT_PERSON_QUOTA_BYTES - 10,
        first.id,
      ]),
    );
    await expectRefused(
      t,
      'violence.attach',
      { personId, incidentId, uploadId: await stage(t, social.token, pdf), kind: 'other' },
      social.token,
      { field: 'file', reason: 'attachment_quota_exceeded' },
      { rowsSql: ROWS_SQL },
    );
    const tiny = Buffer.from('%PDF-1\n');
    await t.must(
      'violence.attach',
      { personId, incidentId, uploadId: await stage(t, social.token, tiny), kind: 'other' },
      social.token,
    );
    const other = await t.must('persons.create', personInput(t, { nameUsed: 'Nadia' }), social.token);
    const otherIncident = await t.must(
      'violence.saveIncident',
      {
        personId: other.id,
        occurredOn: '2026-03-01',
        placeKind: 'home',
        seedTypes: ['physical_assault'],
        gbvimsType: 'physical_assault',
      },
      social.token,
    );
    await t.must(
      'violence.attach',
      {
        personId: other.id,
        incidentId: otherIncident.id,
        uploadId: await stage(t, social.token, pdf),
        kind: 'other',
      },
      social.token,
    );
  });
});
