/**
 * Attachments (docs/violence-care.md, sections 5 and 6): the staging channels (session data, no
 * person: bytes held in the core's memory until an owner's gated commit) and the schemas the
 * owners' channels (`violence.attach`, `.openAttachment`, `.deleteAttachment`) share.
 */
import { z } from 'zod';
import {
  ATTACHMENT_CHUNK_BYTES,
  ATTACHMENT_DESCRIPTION_MAX,
  ATTACHMENT_FILE_NAME_MAX,
  ATTACHMENT_KINDS,
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_MEDIA_TYPES,
  SHA256_HEX,
} from '../domain/attachments';
import { channel } from './channel';
import { idSchema, isoDateTimeSchema, versionSchema } from './common';

/** The base64 of one chunk: at most 160 KiB of bytes (4 characters per 3 bytes, padded). */
const CHUNK_BASE64_MAX = Math.ceil(ATTACHMENT_CHUNK_BYTES / 3) * 4;

/** What the owner's tab lists: metadata only, never a byte of the document. */
export const attachmentMetaSchema = z.object({
  id: idSchema,
  ownerId: idSchema,
  kind: z.enum(ATTACHMENT_KINDS),
  fileName: z.string(),
  mediaType: z.enum(ATTACHMENT_MEDIA_TYPES),
  sizeBytes: z.number().int(),
  description: z.string().nullable(),
  authorId: z.string().nullable(),
  createdAt: isoDateTimeSchema,
  version: versionSchema,
});
export type AttachmentMeta = z.infer<typeof attachmentMetaSchema>;

/** The commit's answer: the stored document, and whether image metadata were removed (said to the user). */
export const attachedMetaSchema = attachmentMetaSchema.extend({ metadataRemoved: z.boolean() });
export type AttachedMeta = z.infer<typeof attachedMetaSchema>;

/** An opened document, whole, for the in-app viewer (never written to disk). */
export const attachmentContentSchema = z.object({
  mediaType: z.enum(ATTACHMENT_MEDIA_TYPES),
  rotation: z.number().int(),
  base64: z.string(),
});

/** The commit's fields besides the owner: the staged upload and what the document is. */
export const attachFields = {
  uploadId: idSchema,
  kind: z.enum(ATTACHMENT_KINDS),
  description: z.string().trim().max(ATTACHMENT_DESCRIPTION_MAX).nullable().default(null),
};

export const attachmentsChannels = {
  /** Starts staging one document of the session (replacing its previous upload). */
  'attachments.stageBegin': channel(
    z
      .object({
        fileName: z.string().trim().min(1).max(ATTACHMENT_FILE_NAME_MAX),
        size: z
          .number()
          .int()
          .min(0)
          .max(ATTACHMENT_MAX_BYTES + 1),
        sha256: z.string().regex(SHA256_HEX),
      })
      .strict(),
    z.object({ uploadId: idSchema }),
  ),
  /** One chunk of the staged document (`seq` from 0); returns how many chunks are held. */
  'attachments.stageChunk': channel(
    z
      .object({
        uploadId: idSchema,
        seq: z.number().int().min(0),
        base64: z.string().max(CHUNK_BASE64_MAX),
      })
      .strict(),
    z.object({ received: z.number().int().min(0) }),
  ),
  /** Forgets the staged document (the user cancelled). */
  'attachments.stageDrop': channel(z.object({ uploadId: idSchema }).strict(), z.object({})),
};
