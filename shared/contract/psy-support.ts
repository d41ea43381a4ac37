/**
 * Psychological support (docs/violence-care.md, slice 7): sessions held by a psychologist
 * (individual or in a group) with their private note, and psychiatric referrals to a directory
 * entry of category `psychiatrist`. Both live in the `psy` section: the tab lists them together.
 */
import { z } from 'zod';
import { REFERRAL_STATUSES } from '../domain/catalogues';
import {
  PSY_DURATION_MAX_MIN,
  PSY_FEEDBACK_MAX,
  PSY_GROUP_LABEL_MAX,
  PSY_NOTE_MAX,
  PSY_REFERRAL_REASON_MAX,
  PSY_SESSION_KINDS,
} from '../domain/psy-support';
import { channel } from './channel';
import { idSchema, isoDateTimeSchema, versionSchema } from './common';
import { forPersonInputSchema, sectionItemsSchema } from './section';

export const psySessionSchema = z.object({
  record: z.literal('session'),
  id: idSchema,
  personId: idSchema,
  siteId: idSchema,
  heldAt: z.string(),
  kind: z.enum(PSY_SESSION_KINDS),
  groupLabel: z.string().nullable(),
  psychologistId: idSchema,
  psychologistName: z.string().nullable(),
  durationMin: z.number().int().nullable(),
  /** The psychologist's private note, exactly as typed. */
  privateNote: z.string().nullable(),
  authorId: z.string().nullable(),
  version: versionSchema,
});
export type PsySession = z.infer<typeof psySessionSchema>;

export const psyReferralSchema = z.object({
  record: z.literal('referral'),
  id: idSchema,
  personId: idSchema,
  siteId: idSchema,
  entryId: idSchema,
  entryName: z.string().nullable(),
  referredAt: z.string(),
  reason: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  appointmentAt: z.string().nullable(),
  feedback: z.string().nullable(),
  overrideReason: z.string().nullable(),
  authorId: z.string().nullable(),
  version: versionSchema,
});
export type PsyReferral = z.infer<typeof psyReferralSchema>;

export const psyRecordSchema = z.discriminatedUnion('record', [psySessionSchema, psyReferralSchema]);
export type PsyRecord = z.infer<typeof psyRecordSchema>;

/** Text that holds something besides spaces; kept exactly as typed. */
const someText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((text) => text.trim().length > 0, { message: 'text_required' });

export const psySupportChannels = {
  /** The "Soutien psychologique" tab: sessions and referrals, latest first. */
  'psySupport.forPerson': channel(forPersonInputSchema, sectionItemsSchema(psyRecordSchema)),
  /** Records a session (no `id`) or corrects one (`id` + `version`). */
  'psySupport.saveSession': channel(
    z
      .object({
        personId: idSchema,
        id: idSchema.optional(),
        siteId: idSchema.optional(),
        heldAt: isoDateTimeSchema,
        kind: z.enum(PSY_SESSION_KINDS),
        /** Required for a group session; refused on an individual one. */
        groupLabel: someText(PSY_GROUP_LABEL_MAX).nullable().default(null),
        /** Who held it; left out: the caller. */
        psychologistId: idSchema.optional(),
        durationMin: z.number().int().min(1).max(PSY_DURATION_MAX_MIN).nullable().default(null),
        privateNote: someText(PSY_NOTE_MAX).nullable().default(null),
        version: versionSchema.optional(),
      })
      .strict(),
    psySessionSchema,
  ),
  /** A psychiatric referral: a directory entry of category `psychiatrist`. */
  'psySupport.refer': channel(
    z
      .object({
        personId: idSchema,
        siteId: idSchema.optional(),
        entryId: idSchema,
        reason: someText(PSY_REFERRAL_REASON_MAX),
        status: z.enum(REFERRAL_STATUSES).default('proposed'),
        appointmentAt: isoDateTimeSchema.nullable().default(null),
        /** Why an external referral goes ahead without the `external_referral` consent. */
        overrideReason: z.string().trim().min(10).max(500).optional(),
      })
      .strict(),
    psyReferralSchema,
  ),
  /** Follows a psychiatric referral: its status, the appointment, the psychiatrist's feedback. */
  'psySupport.updateReferral': channel(
    z
      .object({
        personId: idSchema,
        id: idSchema,
        version: versionSchema,
        status: z.enum(REFERRAL_STATUSES),
        appointmentAt: isoDateTimeSchema.nullable().optional(),
        feedback: someText(PSY_FEEDBACK_MAX).nullable().optional(),
      })
      .strict(),
    psyReferralSchema,
  ),
};
