/**
 * The interchange format (docs/import-format.md): JSON Lines, one record per line, each with a
 * `type` and a stable `id`; references are by id. Every capability adds its record types here.
 */
import { z } from 'zod';
import { idSchema, localeSchema, roleSchema, usernameSchema } from './common';
import { siteInputSchema } from './setup';

export const INTERCHANGE_FORMAT_VERSION = 1;

export const headerRecord = z
  .object({ type: z.literal('header'), format: z.literal('parcours-interchange'), formatVersion: z.number().int().min(1), exportedAt: z.string(), centre: z.string().optional() })
  .strict();

export const centreRecord = z
  .object({
    type: z.literal('centre'),
    id: idSchema,
    name: z.string().trim().min(1).max(200),
    autoLockMinutes: z.number().int().min(1).max(240).default(10),
    defaultLocale: localeSchema.default('fr'),
  })
  .strict();

export const siteRecord = siteInputSchema
  .extend({ type: z.literal('site'), id: idSchema, city: z.string().trim().max(200).nullable().optional(), active: z.boolean().default(true) })
  .strict();

export const userRecord = z
  .object({
    type: z.literal('user'),
    id: idSchema,
    username: usernameSchema,
    displayName: z.string().trim().min(1).max(200),
    roles: z.array(roleSchema).min(1),
    siteIds: z.array(idSchema).min(1),
    active: z.boolean().default(true),
    locale: localeSchema.nullable().default(null),
  })
  .strict();

/** In dependency order: a record may only refer to types listed before it. */
export const RECORD_SCHEMAS = {
  header: headerRecord,
  centre: centreRecord,
  site: siteRecord,
  user: userRecord,
} as const;

export type RecordType = keyof typeof RECORD_SCHEMAS;
export const RECORD_TYPES = Object.keys(RECORD_SCHEMAS) as RecordType[];
export type InterchangeRecord = { [T in RecordType]: z.output<(typeof RECORD_SCHEMAS)[T]> }[RecordType];
export type RecordOf<T extends RecordType> = z.output<(typeof RECORD_SCHEMAS)[T]>;
