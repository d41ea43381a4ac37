/**
 * Merging two files of the same person: which file is kept and, field by field, which file's value
 * the kept file takes. The renderer sends only a side per field, never a value: the core re-reads
 * both files and takes the value from the side chosen.
 */
import { z } from 'zod';
import { idSchema, versionSchema } from './common';

/**
 * The identity fields a merge lets the coordination choose. `birth` is the birth date and year
 * together; `contactPreferences` is the allowed channels, the person's own words and "never
 * contact" together (they only make sense as a whole).
 */
export const MERGE_FIELDS = [
  'nameUsed',
  'legalName',
  'pronouns',
  'genderIdentity',
  'sexAtBirth',
  'birth',
  'languages',
  'countryOfBirth',
  'keyPopulations',
  'healthCoverage',
  'phone',
  'email',
  'contactPreferences',
  'entryDoor',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

/** `merged`: the kept file takes the other file's value. `survivor` (the default) keeps its own. */
export const MERGE_SIDES = ['survivor', 'merged'] as const;
export type MergeSide = (typeof MERGE_SIDES)[number];

/** One side per field; an unknown field is refused (strict). */
export const mergeChoicesSchema = z
  .object(
    Object.fromEntries(MERGE_FIELDS.map((f) => [f, z.enum(MERGE_SIDES).optional()])) as Record<
      MergeField,
      z.ZodOptional<z.ZodEnum<{ survivor: 'survivor'; merged: 'merged' }>>
    >,
  )
  .strict();
export type MergeChoices = z.infer<typeof mergeChoicesSchema>;

export const mergeInputSchema = z
  .object({
    survivorId: idSchema,
    mergedId: idSchema,
    survivorVersion: versionSchema,
    mergedVersion: versionSchema,
    choices: mergeChoicesSchema.default({}),
  })
  .strict();
