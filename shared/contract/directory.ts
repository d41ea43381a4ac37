import { z } from 'zod';
import { DIRECTORY_CATEGORIES, FRIENDLINESS, REFERRAL_STATUSES } from '../domain/catalogues';
import { channel } from './channel';
import { forPersonInputSchema, sectionItemsSchema } from './section';
import { idSchema, isoDateTimeSchema, pageOf, pageSchema, versionSchema } from './common';
import { emailSchema, phoneSchema } from './persons';

const entryFields = {
  name: z.string().trim().min(1).max(200),
  kind: z.enum(['organisation', 'professional']),
  category: z.enum(DIRECTORY_CATEGORIES),
  city: z.string().trim().max(100).nullable().optional(),
  region: z.string().trim().max(100).nullable().optional(),
  phone: phoneSchema.nullable().optional(),
  email: emailSchema.nullable().optional(),
  address: z.string().trim().max(300).nullable().optional(),
  languages: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  friendliness: z.array(z.enum(FRIENDLINESS)).max(FRIENDLINESS.length).default([]),
  notes: z.string().trim().max(2000).nullable().optional(),
  internal: z.boolean().default(false),
  active: z.boolean().default(true),
};

export const directoryEntrySchema = z.object({
  id: idSchema,
  name: z.string(),
  kind: z.enum(['organisation', 'professional']),
  category: z.enum(DIRECTORY_CATEGORIES),
  city: z.string().nullable(),
  region: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  languages: z.array(z.string()),
  friendliness: z.array(z.enum(FRIENDLINESS)),
  notes: z.string().nullable(),
  internal: z.boolean(),
  active: z.boolean(),
  lastVerifiedAt: isoDateTimeSchema.nullable(),
  version: versionSchema,
});
export type DirectoryEntry = z.infer<typeof directoryEntrySchema>;

export const referralSchema = z.object({
  id: idSchema,
  personId: idSchema,
  entryId: idSchema,
  entryName: z.string(),
  entryCategory: z.enum(DIRECTORY_CATEGORIES),
  reason: z.string(),
  referredAt: isoDateTimeSchema,
  status: z.enum(REFERRAL_STATUSES),
  appointmentAt: isoDateTimeSchema.nullable(),
  feedback: z.string().nullable(),
  overrideReason: z.string().nullable(),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  version: versionSchema,
});
export type Referral = z.infer<typeof referralSchema>;

export const directoryChannels = {
  /** The referrals tab of a dossier: what this reader may see. */
  'directory.referralsForPerson': channel(forPersonInputSchema, sectionItemsSchema(referralSchema)),
  'directory.list': channel(
    pageSchema
      .extend({
        query: z.string().trim().max(100).optional(),
        category: z.enum(DIRECTORY_CATEGORIES).optional(),
        includeInactive: z.boolean().default(false),
      })
      .strict(),
    pageOf(directoryEntrySchema),
  ),
  'directory.save': channel(
    z.object({ ...entryFields, id: idSchema.optional(), version: versionSchema.optional() }).strict(),
    directoryEntrySchema,
  ),
  /** "Still true today": stamps the entry's last-verified date. */
  'directory.markVerified': channel(
    z.object({ id: idSchema, version: versionSchema }).strict(),
    directoryEntrySchema,
  ),
  'directory.refer': channel(
    z
      .object({
        personId: idSchema,
        entryId: idSchema,
        reason: z.string().trim().min(1).max(1000),
        status: z.enum(REFERRAL_STATUSES).default('proposed'),
        appointmentAt: isoDateTimeSchema.nullable().optional(),
        /** Written justification when the person has not consented to external referral; audited. */
        overrideReason: z.string().trim().min(10).max(500).optional(),
      })
      .strict(),
    referralSchema,
  ),
  'directory.updateReferral': channel(
    z
      .object({
        id: idSchema,
        version: versionSchema,
        status: z.enum(REFERRAL_STATUSES),
        appointmentAt: isoDateTimeSchema.nullable().optional(),
        feedback: z.string().trim().max(2000).nullable().optional(),
      })
      .strict(),
    referralSchema,
  ),
};
