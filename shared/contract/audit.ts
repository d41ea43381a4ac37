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

export const auditChannels = {
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
