import { z } from 'zod';
import { isTimeZone } from '../domain/zoned-time';
import { channel } from './channel';
import { displayNameSchema, localeSchema, passwordSchema, usernameSchema } from './common';

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time_format' });
/** ISO weekday ("1" = Monday) → opening intervals in the site's local time; null: no closed slots. */
export const openingHoursSchema = z
  .partialRecord(
    z.enum(['1', '2', '3', '4', '5', '6', '7']),
    z.array(z.tuple([timeOfDay, timeOfDay]).refine(([a, b]) => a < b, { message: 'interval_order' })).max(4),
  )
  .nullable();
export type OpeningHours = z.infer<typeof openingHoursSchema>;

/** Longest site address kept (several lines: street, postcode and city) and phone. */
export const SITE_ADDRESS_MAX = 300;
export const SITE_PHONE_MAX = 30;

/**
 * A phone as written on a letterhead ("04 67 00 11 22", "+33 4 67 00 11 22", "(0)4.67…"): kept as
 * typed, refused unless it is digits with the usual separators and holds 6 to 15 digits.
 */
export function isSitePhone(value: string): boolean {
  const digits = value.replace(/\D/g, '').length;
  return /^\+?[0-9 .()/-]+$/.test(value) && digits >= 6 && digits <= 15;
}

/**
 * The site's address and phone, printed in the header of a prescription or certificate, exactly
 * as typed (nothing trimmed); empty = none; an address of spaces only is refused, not read as none.
 */
export const siteContactSchema = {
  address: z
    .string()
    .max(SITE_ADDRESS_MAX)
    .refine((v) => v === '' || v.trim() !== '', { message: 'site_address_blank' })
    .nullable()
    .optional(),
  phone: z
    .string()
    .max(SITE_PHONE_MAX)
    .refine((v) => v === '' || isSitePhone(v), { message: 'site_phone_format' })
    .nullable()
    .optional(),
};

export const siteInputSchema = z.object({
  code: z
    .string()
    .trim()
    .min(2)
    .max(12)
    .regex(/^[A-Z0-9]+$/, { message: 'site_code_charset' }),
  name: z.string().trim().min(1).max(200),
  city: z.string().trim().max(200).optional(),
  ...siteContactSchema,
  timezone: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .refine(isTimeZone, { message: 'unknown_time_zone' })
    .default('Europe/Paris'),
  openingHours: openingHoursSchema.optional(),
});

export const STORE_STATES = ['needs_setup', 'locked', 'ready', 'unavailable'] as const;

export const setupChannels = {
  'setup.status': channel(
    z.object({}).strict(),
    z.object({
      state: z.enum(STORE_STATES),
      problem: z
        .enum(['missing', 'foreign_database', 'unreadable', 'from_future', 'keyring_missing', 'in_use'])
        .optional(),
    }),
  ),
  'setup.initialize': channel(
    z
      .object({
        centreName: z.string().trim().min(1).max(200),
        locale: localeSchema.default('fr'),
        sites: z.array(siteInputSchema).min(1).max(20),
        admin: z.object({
          username: usernameSchema,
          displayName: displayNameSchema,
          password: passwordSchema,
        }),
      })
      .strict(),
    z.object({ recoveryCode: z.string() }),
  ),
};
