/**
 * Social support (docs/violence-care.md, slice 7): what the social worker gave a person — a
 * voucher, a food basket, a shelter or addiction-centre referral, administrative help — when, by
 * whom and its value in minor units with its ISO 4217 currency.
 */
import { z } from 'zod';
import { REFERRAL_STATUSES } from '../domain/catalogues';
import { SUPPORT_DESCRIPTION_MAX, SUPPORT_KINDS } from '../domain/social-support';
import { channel } from './channel';
import { idSchema, versionSchema } from './common';
import { forPersonInputSchema, sectionItemsSchema } from './section';
import { calendarDateSchema } from './vaccinations';

export const socialSupportSchema = z.object({
  id: idSchema,
  personId: idSchema,
  siteId: idSchema,
  kind: z.enum(SUPPORT_KINDS),
  givenOn: calendarDateSchema,
  givenBy: idSchema,
  givenByName: z.string().nullable(),
  valueMinor: z.number().int().nullable(),
  currency: z.string().nullable(),
  quantity: z.number().int().nullable(),
  entryId: idSchema.nullable(),
  entryName: z.string().nullable(),
  referralStatus: z.enum(REFERRAL_STATUSES).nullable(),
  overrideReason: z.string().nullable(),
  description: z.string(),
  authorId: z.string().nullable(),
  version: versionSchema,
});
export type SocialSupport = z.infer<typeof socialSupportSchema>;

export const socialSupportChannels = {
  /** The Social tab: what the person was given, latest first. */
  'socialSupport.forPerson': channel(forPersonInputSchema, sectionItemsSchema(socialSupportSchema)),
  /** Records a support (no `id`) or corrects one (`id` + `version`). */
  'socialSupport.save': channel(
    z
      .object({
        personId: idSchema,
        id: idSchema.optional(),
        siteId: idSchema.optional(),
        kind: z.enum(SUPPORT_KINDS),
        givenOn: calendarDateSchema,
        /** Who gave it; left out: the caller. */
        givenBy: idSchema.optional(),
        /** Minor units (centimes); a negative amount is refused by the core, next to this field. */
        valueMinor: z.number().int().nullable().default(null),
        /** ISO 4217, as typed: the core refuses anything but three capital letters. */
        currency: z.string().max(8).nullable().default(null),
        quantity: z.number().int().min(1).max(10_000).nullable().default(null),
        /** Required for a shelter / addiction-centre referral: an entry of that category. */
        entryId: idSchema.nullable().default(null),
        referralStatus: z.enum(REFERRAL_STATUSES).nullable().default(null),
        /** Why an external referral goes ahead without the `external_referral` consent. */
        overrideReason: z.string().trim().min(10).max(500).optional(),
        description: z
          .string()
          .max(SUPPORT_DESCRIPTION_MAX)
          .refine((text) => text.trim().length > 0, { message: 'text_required' }),
        version: versionSchema.optional(),
      })
      .strict(),
    socialSupportSchema,
  ),
};
