import { z } from 'zod';
import { channel } from './channel';
import {
  displayNameSchema,
  idSchema,
  isoDateTimeSchema,
  localeSchema,
  pageOf,
  pageSchema,
  roleSchema,
  usernameSchema,
  versionSchema,
} from './common';

/** RPPS / ADELI number printed on prescriptions: letters and digits only, up to 20. */
export const professionalNumberSchema = z
  .string()
  .trim()
  .max(20)
  .regex(/^[A-Za-z0-9]+$/, { message: 'professional_number_format' });

export const staffUserSchema = z.object({
  id: idSchema,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  siteIds: z.array(z.string()),
  /** One of `siteIds`, or null: the first site then. */
  usualSiteId: z.string().nullable(),
  /** For a prescriber: the number printed on prescriptions; null when none is recorded. */
  professionalNumber: z.string().nullable().optional(),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  locale: localeSchema.nullable(),
  lastLoginAt: isoDateTimeSchema.nullable(),
  deactivatedAt: isoDateTimeSchema.nullable(),
  createdAt: isoDateTimeSchema,
  version: versionSchema,
});
export type StaffUser = z.infer<typeof staffUserSchema>;

const rolesInput = z.array(roleSchema).min(1).max(8);
const sitesInput = z.array(idSchema).min(1).max(50);

export const usersChannels = {
  'users.list': channel(
    pageSchema
      .extend({ query: z.string().trim().max(100).optional(), includeInactive: z.boolean().default(false) })
      .strict(),
    pageOf(staffUserSchema),
  ),
  'users.create': channel(
    z
      .object({
        username: usernameSchema,
        displayName: displayNameSchema,
        roles: rolesInput,
        siteIds: sitesInput,
        /** One of `siteIds`: where this person's sessions start on a workstation that remembers none. */
        usualSiteId: idSchema.nullable().optional(),
        professionalNumber: professionalNumberSchema.nullable().optional(),
        locale: localeSchema.optional(),
      })
      .strict(),
    z.object({ user: staffUserSchema, temporaryPassword: z.string() }),
  ),
  'users.update': channel(
    z
      .object({
        id: idSchema,
        version: versionSchema,
        displayName: displayNameSchema,
        roles: rolesInput,
        siteIds: sitesInput,
        usualSiteId: idSchema.nullable().optional(),
        professionalNumber: professionalNumberSchema.nullable().optional(),
        locale: localeSchema.nullable().optional(),
      })
      .strict(),
    staffUserSchema,
  ),
  'users.resetPassword': channel(
    z.object({ id: idSchema }).strict(),
    z.object({ user: staffUserSchema, temporaryPassword: z.string() }),
  ),
  'users.deactivate': channel(z.object({ id: idSchema, version: versionSchema }).strict(), staffUserSchema),
  /** Who can be booked or called: active staff with their roles (names only), for any signed-in user. */
  'users.professionals': channel(
    z.object({ siteId: idSchema.optional() }).strict(),
    z.array(
      z.object({
        id: idSchema,
        displayName: z.string(),
        roles: z.array(roleSchema),
        siteIds: z.array(z.string()),
      }),
    ),
  ),
};
