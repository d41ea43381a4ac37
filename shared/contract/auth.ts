import { z } from 'zod';
import { channel } from './channel';
import {
  idSchema,
  localeSchema,
  loginPasswordSchema,
  passwordSchema,
  permissionSchema,
  roleSchema,
  usernameSchema,
} from './common';

export const sessionUserSchema = z.object({
  id: idSchema,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  permissions: z.array(permissionSchema),
  sites: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
  /** Where a session starts when the workstation remembers no site (one of `sites`), or null. */
  usualSiteId: z.string().nullable(),
  /** RPPS / ADELI number, shown in the user's own menu. */
  professionalNumber: z.string().nullable().optional(),
  locale: localeSchema.nullable(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const sessionStateSchema = z.object({
  user: sessionUserSchema,
  mustChangePassword: z.boolean(),
  locked: z.boolean(),
  autoLockMinutes: z.number().int(),
  centreName: z.string(),
});
export type SessionState = z.infer<typeof sessionStateSchema>;

export const authChannels = {
  'auth.login': channel(
    z.object({ username: usernameSchema, password: loginPasswordSchema }).strict(),
    sessionStateSchema.extend({ token: z.string() }),
  ),
  'auth.logout': channel(z.object({}).strict(), z.object({})),
  'auth.session': channel(z.object({}).strict(), sessionStateSchema),
  'auth.changePassword': channel(
    z.object({ currentPassword: loginPasswordSchema, newPassword: passwordSchema }).strict(),
    sessionStateSchema,
  ),
  'auth.lock': channel(z.object({}).strict(), z.object({})),
  'auth.unlock': channel(z.object({ password: loginPasswordSchema }).strict(), sessionStateSchema),
};
