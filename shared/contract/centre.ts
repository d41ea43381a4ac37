import { z } from 'zod';
import { channel } from './channel';
import { idSchema, isoDateTimeSchema, localeSchema, versionSchema } from './common';
import { openingHoursSchema, siteInputSchema } from './setup';

export const siteSchema = z.object({
  id: idSchema,
  code: z.string(),
  name: z.string(),
  city: z.string().nullable(),
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

export const centreSchema = z.object({
  name: z.string(),
  autoLockMinutes: z.number().int(),
  unusualReadsPerHour: z.number().int(),
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
