import { z } from 'zod';
import { CONSENT_SCOPES, PERMISSIONS, ROLES, SECTIONS } from '../domain/roles';

export const idSchema = z.string().trim().min(1).max(64);
export const versionSchema = z.number().int().min(1);
export const roleSchema = z.enum(ROLES);
export const sectionSchema = z.enum(SECTIONS);
export const permissionSchema = z.enum(PERMISSIONS);
export const consentScopeSchema = z.enum(CONSENT_SCOPES);
export const isoDateTimeSchema = z.iso.datetime({ offset: true });
export const localeSchema = z.enum(['fr', 'en']);

export const usernameSchema = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/, { message: 'username_charset' });

/** Staff passwords: long enough to resist guessing; the KDF makes each guess slow. */
export const PASSWORD_MIN_LENGTH = 10;
export const passwordSchema = z.string().min(PASSWORD_MIN_LENGTH).max(200);
/** What a person types to log in: not checked against the policy (old passwords must still work). */
export const loginPasswordSchema = z.string().min(1).max(200);

export const displayNameSchema = z.string().trim().min(1).max(200);

export const pageSchema = z.object({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().min(0),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const emptySchema = z.object({}).strict();
