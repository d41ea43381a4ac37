/**
 * Attachments in the interchange format (docs/violence-care.md, section 9; docs/import-format.md):
 * `attachment` (the metadata row) and `attachment_part` (one stored chunk, base64). The import
 * re-checks every document once all its parts are read, before anything is written, as the
 * gated commit does for an upload: every part present and in order, the size and SHA-256 of the
 * bytes as announced, the bytes a PDF, a JPEG or a PNG of the announced type, the owner a record
 * of the same person. A part is imported only with its attachment's line in the same file, so the
 * bytes of a stored document are never replaced without that check; a stored document's content
 * never changes (the app has no way to edit one).
 */
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { attachmentPartId, type RecordOf } from '../../../../shared/contract/interchange';
import {
  chunkCount,
  chunkFits,
  fitsPersonQuota,
  sniffMediaType,
  type AttachmentOwnerType,
  type AttachmentSection,
} from '../../../../shared/domain/attachments';
import type { FileRecords, RecordAdapter, RuleError } from '../../interchange/adapter';
import { entityAdapter, refs, versioned } from '../../interchange/entity-adapter';
import { instantInFuture, lineRefusals, personMerged, withAuthor } from '../../interchange/record-rules';
import { planById } from '../case-plans/repository';
import { findProcedure } from '../legal/repository';
import { findIncident } from '../violence/repository';
import { AttachmentChunkEntity, AttachmentEntity, type AttachmentChunkRow } from './entities';
import { carriesMetadata, contentRefusal } from './prepare';
import { personAttachmentBytes } from './repository';

/** An attachment is in its owner record's section (the gate of every channel that reads it). */
const SECTION_OF: Record<AttachmentOwnerType, AttachmentSection> = {
  violence_incident: 'violence',
  case_plan: 'case_plan',
  legal_procedure: 'legal',
};

const FIND_OWNER: Record<
  AttachmentOwnerType,
  (em: EntityManager, id: string) => Promise<{ personId: string } | null>
> = {
  violence_incident: findIncident,
  case_plan: planById,
  legal_procedure: findProcedure,
};

/** The person of the owner record, from the file or the store (null: neither has it). */
async function ownerPerson(
  em: EntityManager,
  file: FileRecords,
  ownerType: AttachmentOwnerType,
  ownerId: string,
): Promise<string | null> {
  const given = file.find(ownerType, ownerId);
  if (given) return given.personId;
  return (await FIND_OWNER[ownerType](em, ownerId))?.personId ?? null;
}

/**
 * What is wrong with the bytes the file's parts give this attachment, or null: the checks of the
 * gated commit (`staging.takeUpload`), each named on the attachment's own field.
 */
function bytesProblem(
  record: RecordOf<'attachment'>,
  file: FileRecords,
): { field: string; reason: string } | null {
  const parts: Buffer[] = [];
  for (let seq = 0; seq < chunkCount(record.sizeBytes); seq += 1) {
    const part = file.find('attachment_part', attachmentPartId(record.id, seq));
    if (!part) return { field: 'id', reason: 'attachment_part_missing' };
    parts.push(Buffer.from(part.base64, 'base64'));
  }
  const bytes = Buffer.concat(parts);
  if (bytes.length !== record.sizeBytes) return { field: 'sizeBytes', reason: 'attachment_size_mismatch' };
  if (createHash('sha256').update(bytes).digest('hex') !== record.sha256)
    return { field: 'sha256', reason: 'attachment_sha256_mismatch' };
  const sniffed = sniffMediaType(bytes);
  if (!sniffed) return { field: 'mediaType', reason: 'attachment_type_not_allowed' };
  if (sniffed !== record.mediaType) return { field: 'mediaType', reason: 'attachment_type_mismatch' };
  // The upload's content rules hold for an import too; a photo's metadata are refused rather than
  // stripped, because stripping would store other bytes than the file's (and its SHA-256).
  const refusal = contentRefusal(sniffed, bytes);
  if (refusal) return { field: 'fileName', reason: refusal };
  if (carriesMetadata(sniffed, bytes)) return { field: 'fileName', reason: 'attachment_image_metadata' };
  return null;
}

export const attachmentAdapter = entityAdapter({
  type: 'attachment',
  entity: AttachmentEntity,
  view: withAuthor,
  toRow: (r, now, existing) => ({
    id: r.id,
    personId: r.personId,
    section: SECTION_OF[r.ownerType],
    ownerType: r.ownerType,
    ownerId: r.ownerId,
    kind: r.kind,
    fileName: r.fileName,
    mediaType: r.mediaType,
    sizeBytes: r.sizeBytes,
    sha256: r.sha256,
    chunkCount: chunkCount(r.sizeBytes),
    rotation: r.rotation,
    description: r.description,
    createdBy: r.authorId,
    ...versioned(existing, now),
    // When the document was attached, as the file says (the export carries it).
    createdAt: r.createdAt,
  }),
  batched: () => false,
  checkLines: async (em, lines, file) => {
    // The person's quota counts her stored documents and the file's new ones (a document already
    // stored, as in a second import of the same file, only once).
    const totals = new Map<string, number>();
    const totalFor = async (personId: string) => {
      let total = totals.get(personId);
      if (total === undefined) {
        total = await personAttachmentBytes(em, personId);
        for (const { record } of lines)
          if (
            record.personId === personId &&
            !(await em.getRepository(AttachmentEntity).existsBy({ id: record.id }))
          )
            total += record.sizeBytes;
        totals.set(personId, total);
      }
      return total;
    };
    return lineRefusals(lines, async (r, refuse) => {
      if (await personMerged(em, file, r.personId)) return refuse('personId', 'person_merged');
      const ownerOf = await ownerPerson(em, file, r.ownerType, r.ownerId);
      // A missing owner is the references' refusal; an owner of another person is the same to her.
      if (ownerOf !== null && ownerOf !== r.personId) return refuse('ownerId', `unknown_${r.ownerType}`);
      if (instantInFuture(r.createdAt, file.now)) return refuse('createdAt', 'date_in_future');
      const stored = await em.getRepository(AttachmentEntity).findOneBy({ id: r.id });
      if (stored && stored.sha256 !== r.sha256) return refuse('sha256', 'attachment_content_changed');
      const problem = bytesProblem(r, file);
      if (problem) return refuse(problem.field, problem.reason);
      // Refused on her new documents: the stored ones are already there.
      if (!stored && !fitsPersonQuota(await totalFor(r.personId), 0))
        refuse('sizeBytes', 'attachment_quota_exceeded');
    });
  },
  references: (r) =>
    refs(
      ['personId', 'person', r.personId],
      ['ownerId', r.ownerType, r.ownerId],
      ['authorId', 'user', r.authorId],
    ),
});

/** Parts per export page: each is up to 160 KiB, so a page holds a few megabytes at most. */
const PART_PAGE = 16;

function partRecord(row: AttachmentChunkRow): RecordOf<'attachment_part'> {
  return {
    type: 'attachment_part',
    id: attachmentPartId(row.attachmentId, row.seq),
    attachmentId: row.attachmentId,
    seq: row.seq,
    base64: row.bytes.toString('base64'),
  };
}

/** `<attachmentId>:<seq>` back to its key; null when the id is not a part's. */
function partKey(id: string): { attachmentId: string; seq: number } | null {
  const at = id.lastIndexOf(':');
  const seq = Number(id.slice(at + 1));
  if (at <= 0 || !Number.isInteger(seq) || seq < 0) return null;
  return { attachmentId: id.slice(0, at), seq };
}

async function* partPages(em: EntityManager): AsyncIterable<Array<RecordOf<'attachment_part'>>> {
  // Keyset pagination on the primary key (attachment, seq): each page an index range.
  let after: { attachmentId: string; seq: number } | null = null;
  for (;;) {
    const query = em
      .getRepository(AttachmentChunkEntity)
      .createQueryBuilder('c')
      .orderBy('c.attachmentId', 'ASC')
      .addOrderBy('c.seq', 'ASC')
      .limit(PART_PAGE);
    if (after)
      query.where('c.attachmentId > :id OR (c.attachmentId = :id AND c.seq > :seq)', {
        id: after.attachmentId,
        seq: after.seq,
      });
    const rows = await query.getMany();
    if (rows.length === 0) return;
    yield rows.map(partRecord);
    const last = rows[rows.length - 1];
    after = { attachmentId: last.attachmentId, seq: last.seq };
    if (rows.length < PART_PAGE) return;
  }
}

/** Each part names an attachment of the same file, in its place (a later seq after an earlier one). */
async function checkPartLines(
  _em: EntityManager,
  lines: ReadonlyArray<{ line: number; record: RecordOf<'attachment_part'> }>,
  file: FileRecords,
): Promise<RuleError[]> {
  const lastSeq = new Map<string, number>();
  return lineRefusals(lines, (r, refuse) => {
    const attachment = file.find('attachment', r.attachmentId);
    // Without its attachment's line the bytes could not be checked: refused as unknown.
    if (!attachment) return refuse('attachmentId', 'unknown_attachment');
    const previous = lastSeq.get(r.attachmentId) ?? -1;
    lastSeq.set(r.attachmentId, Math.max(previous, r.seq));
    if (r.seq < previous || r.seq >= chunkCount(attachment.sizeBytes))
      return refuse('seq', 'attachment_part_out_of_order');
    if (!chunkFits(attachment.sizeBytes, r.seq, Buffer.byteLength(r.base64, 'base64')))
      refuse('base64', 'attachment_size_mismatch');
  });
}

export const attachmentPartAdapter: RecordAdapter<'attachment_part'> = {
  type: 'attachment_part',
  entity: AttachmentChunkEntity,
  async exportAll(em) {
    const records: Array<RecordOf<'attachment_part'>> = [];
    for await (const page of partPages(em)) records.push(...page);
    return records;
  },
  exportPages: partPages,
  async find(em, id) {
    const key = partKey(id);
    const row = key ? await em.getRepository(AttachmentChunkEntity).findOneBy(key) : null;
    return row ? partRecord(row) : null;
  },
  async existingIds(em) {
    // The keys only: the bytes are never read to list the parts.
    const rows = await em
      .getRepository(AttachmentChunkEntity)
      .createQueryBuilder('c')
      .select('c.attachmentId', 'attachmentId')
      .addSelect('c.seq', 'seq')
      .getRawMany<{ attachmentId: string; seq: number }>();
    return new Set(rows.map((r) => attachmentPartId(r.attachmentId, r.seq)));
  },
  references: (r) => refs(['attachmentId', 'attachment', r.attachmentId]),
  checkLines: checkPartLines,
  async create(em, r) {
    await em
      .getRepository(AttachmentChunkEntity)
      .insert({ attachmentId: r.attachmentId, seq: r.seq, bytes: Buffer.from(r.base64, 'base64') });
  },
  async update(em, r) {
    await em
      .getRepository(AttachmentChunkEntity)
      .update({ attachmentId: r.attachmentId, seq: r.seq }, { bytes: Buffer.from(r.base64, 'base64') });
  },
};
