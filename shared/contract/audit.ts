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
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: isoDateTimeSchema,
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.enum(AUDIT_ACTIONS),
  section: sectionSchema.nullable(),
  personId: z.string().nullable(),
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
        action: z.enum(AUDIT_ACTIONS).optional(),
        from: isoDateTimeSchema.optional(),
        to: isoDateTimeSchema.optional(),
      })
      .strict(),
    pageOf(auditEntrySchema),
  ),
  'audit.verify': channel(z.object({}).strict(), auditVerificationSchema),
};
