import { z } from 'zod';
import { channel } from './channel';
import { idSchema, isoDateTimeSchema, pageOf, pageSchema, sectionSchema } from './common';

export const AUDIT_ACTIONS = [
  'read',
  'create',
  'update',
  'delete',
  'login',
  'logout',
  'unlock',
  'password_change',
  'password_reset',
  'deactivate',
  'break_glass',
  'export',
  'import',
  'backup',
  'restore',
  'setup',
  'merge',
  'review',
  /** A refused attempt on a concealed section (violence, case plan, legal, social, psy). */
  'denied',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** A person named by the audit screens: file number and name used, for a reader of identity. */
export const auditPersonSchema = z.object({ fileNumber: z.string(), nameUsed: z.string() });
export type AuditPerson = z.infer<typeof auditPersonSchema>;

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: isoDateTimeSchema,
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.enum(AUDIT_ACTIONS),
  section: sectionSchema.nullable(),
  personId: z.string().nullable(),
  /** The file the entry is about, when the reader may read identity (else null). */
  person: auditPersonSchema.nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  reason: z.string().nullable(),
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;

export const auditVerificationSchema = z.object({
  intact: z.boolean(),
  checked: z.number().int(),
  firstBrokenSeq: z.number().int().nullable(),
  problem: z.enum(['hash_mismatch', 'chain_broken', 'sequence_gap', 'head_mismatch']).nullable(),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;

/** One person's hour in which they opened more different dossiers than the centre allows. */
export const unusualReadingSchema = z.object({
  actorId: idSchema,
  actorName: z.string().nullable(),
  /** The hour, as the ISO instant of its start (UTC). */
  hour: isoDateTimeSchema,
  dossiers: z.number().int(),
});
export type UnusualReading = z.infer<typeof unusualReadingSchema>;

/** One break-the-glass grant for the coordination to review. */
export const breakGlassEventSchema = z.object({
  /** The grant's id: what a review mark refers to. */
  id: idSchema,
  at: isoDateTimeSchema,
  expiresAt: isoDateTimeSchema,
  actorId: idSchema,
  actorName: z.string().nullable(),
  personId: idSchema,
  person: auditPersonSchema.nullable(),
  /** The sections read under the grant (reads the gate allowed only through it). */
  sections: z.array(sectionSchema),
  reason: z.string(),
  reviewedAt: isoDateTimeSchema.nullable(),
  reviewedByName: z.string().nullable(),
});
export type BreakGlassEvent = z.infer<typeof breakGlassEventSchema>;

export const auditChannels = {
  /** Hours of the last days in which someone opened more dossiers than the centre's threshold. */
  'audit.unusualReading': channel(
    z.object({ days: z.number().int().min(1).max(90).default(7) }).strict(),
    z.object({ threshold: z.number().int(), items: z.array(unusualReadingSchema) }),
  ),
  'audit.list': channel(
    pageSchema
      .extend({
        actorId: idSchema.optional(),
        personId: idSchema.optional(),
        /** A person's id, file number (or its ending) or a name: found through the persons search. */
        person: z.string().trim().min(1).max(100).optional(),
        action: z.enum(AUDIT_ACTIONS).optional(),
        from: isoDateTimeSchema.optional(),
        to: isoDateTimeSchema.optional(),
      })
      .strict(),
    pageOf(auditEntrySchema),
  ),
  'audit.verify': channel(z.object({}).strict(), auditVerificationSchema),
  /** Break-the-glass grants, newest first; unreviewed only unless `all`. */
  'audit.breakGlass': channel(
    pageSchema.extend({ all: z.boolean().default(false) }).strict(),
    pageOf(breakGlassEventSchema),
  ),
  /** How many break-the-glass grants no coordinator has reviewed yet (the navigation's badge). */
  'audit.breakGlassCount': channel(z.object({}).strict(), z.object({ unreviewed: z.number().int() })),
  /**
   * Marks a grant reviewed. Idempotent: a grant already reviewed keeps its first review (who and
   * when), the answer says so with `already`, and nothing is written again.
   */
  'audit.reviewBreakGlass': channel(
    z.object({ id: idSchema }).strict(),
    z.object({ reviewedAt: isoDateTimeSchema, reviewedByName: z.string().nullable(), already: z.boolean() }),
  ),
};
