/**
 * What every dossier section's channel shares: how the section is drawn for this reader, and the
 * input that names the person. Capabilities build their tab's channel from these.
 */
import { z } from 'zod';
import { consentScopeSchema, idSchema, sectionSchema } from './common';

/**
 * How a section of the dossier is drawn for this user: shown; partly shown (only what the user
 * wrote); hidden because the person did not consent to share it ("not shared with the care
 * team"); or not part of this user's work. Never silently missing.
 */
export const sectionViewSchema = z.object({
  section: sectionSchema,
  status: z.enum(['shown', 'own_only', 'hidden_consent', 'forbidden']),
  scope: consentScopeSchema.nullable(),
  via: z.enum(['role', 'author', 'break_glass']).nullable(),
  hiddenCount: z.number().int(),
});
export type SectionView = z.infer<typeof sectionViewSchema>;

/** What one dossier tab loads through its capability's channel: how it is drawn, and its records. */
export function sectionItemsSchema<T extends z.ZodType>(item: T) {
  return z.object({ view: sectionViewSchema, items: z.array(item) });
}

/** A tab's channel takes the person whose section it reads. */
export const forPersonInputSchema = z.object({ personId: idSchema }).strict();
