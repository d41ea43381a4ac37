import { z } from 'zod';
import { channel } from './channel';
import { idSchema, isoDateTimeSchema, localeSchema, versionSchema } from './common';
import { openingHoursSchema, siteInputSchema } from './setup';

export const siteSchema = z.object({
  id: idSchema,
  code: z.string(),
  name: z.string(),
  city: z.string().nullable(),
  /** Printed in the header of a prescription or certificate (several lines), as typed. */
  address: z.string().nullable(),
  phone: z.string().nullable(),
  timezone: z.string(),
  active: z.boolean(),
  openingHours: openingHoursSchema,
  version: versionSchema,
});
export type Site = z.infer<typeof siteSchema>;

export const AUTO_LOCK_MIN = 1;
export const AUTO_LOCK_MAX = 240;
/** Different dossiers one person may open in an hour before it is listed as unusual reading. */
export const DEFAULT_UNUSUAL_READS_PER_HOUR = 40;
export const UNUSUAL_READS_MIN = 5;
export const UNUSUAL_READS_MAX = 1000;

/** France's, until a centre sets its own: phones are indexed and searched in the national form. */
export const DEFAULT_PHONE_PREFIX = { countryCode: '+33', trunkPrefix: '0' } as const;

/** The country's phone prefix as dialled from abroad ("+33", "+212"). */
export const phoneCountryCodeSchema = z
  .string()
  .trim()
  .regex(/^\+[1-9][0-9]{0,3}$/, { message: 'phone_country_code_format' });
/** The prefix a national number starts with at home ("0"), or none. */
export const phoneTrunkPrefixSchema = z
  .string()
  .trim()
  .regex(/^[0-9]{0,2}$/, { message: 'phone_trunk_prefix_format' });

export const centreSchema = z.object({
  name: z.string(),
  autoLockMinutes: z.number().int(),
  unusualReadsPerHour: z.number().int(),
  /** Phones are searched in the national form: "+33 6 10…" finds "06 10…" (see docs/reception-and-dossier.md). */
  phoneCountryCode: z.string(),
  phoneTrunkPrefix: z.string(),
  defaultLocale: localeSchema,
  sites: z.array(siteSchema),
  version: versionSchema,
  updatedAt: isoDateTimeSchema,
});
export type Centre = z.infer<typeof centreSchema>;

export const centreChannels = {
  'centre.get': channel(z.object({}).strict(), centreSchema),
  'centre.update': channel(
    z
      .object({
        version: versionSchema,
        name: z.string().trim().min(1).max(200),
        autoLockMinutes: z.number().int().min(AUTO_LOCK_MIN).max(AUTO_LOCK_MAX),
        unusualReadsPerHour: z
          .number()
          .int()
          .min(UNUSUAL_READS_MIN)
          .max(UNUSUAL_READS_MAX)
          .default(DEFAULT_UNUSUAL_READS_PER_HOUR),
        /** Left out: unchanged. A change re-indexes every phone in the same transaction. */
        phoneCountryCode: phoneCountryCodeSchema.optional(),
        phoneTrunkPrefix: phoneTrunkPrefixSchema.optional(),
        defaultLocale: localeSchema,
      })
      .strict(),
    centreSchema,
  ),
  /** A backup written by the clinic server for `parcours backup` on the same machine. */
  'centre.backup': channel(
    z
      .object({
        out: z
          .string()
          .min(2)
          .max(4096)
          .refine((p) => p.startsWith('/') && p.endsWith('.parcours-backup'), {
            message: 'backup_file_name',
          }),
      })
      .strict(),
    z.object({ file: z.string(), tables: z.number().int(), rows: z.number().int() }),
  ),
  'centre.saveSite': channel(
    siteInputSchema
      .extend({
        id: idSchema.optional(),
        version: versionSchema.optional(),
        active: z.boolean().default(true),
      })
      .strict(),
    siteSchema,
  ),
};
