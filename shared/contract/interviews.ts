import { z } from 'zod';
import {
  EXPOSURE_TYPES,
  INTERVIEW_NEEDS,
  PREVENTION_TOOLS,
  SUBSTANCES,
  VIOLENCE_SCREENING,
} from '../domain/catalogues';
import { channel } from './channel';
import { forPersonInputSchema, sectionItemsSchema } from './section';
import { idSchema, isoDateTimeSchema, versionSchema } from './common';

const interviewFields = {
  personId: idSchema,
  visitId: idSchema.nullable().optional(),
  heldAt: isoDateTimeSchema,
  reason: z.string().trim().max(1000).nullable().optional(),
  lastRiskAt: isoDateTimeSchema.nullable().optional(),
  exposures: z.array(z.enum(EXPOSURE_TYPES)).max(EXPOSURE_TYPES.length).default([]),
  practices: z.string().trim().max(2000).nullable().optional(),
  partnersCount: z.number().int().min(0).max(10000).nullable().optional(),
  prevention: z.array(z.enum(PREVENTION_TOOLS)).max(PREVENTION_TOOLS.length).default([]),
  substances: z.array(z.enum(SUBSTANCES)).max(SUBSTANCES.length).default([]),
  chemsex: z.boolean().default(false),
  violenceScreening: z.enum(VIOLENCE_SCREENING).default('not_asked'),
  needs: z.array(z.enum(INTERVIEW_NEEDS)).max(INTERVIEW_NEEDS.length).default([]),
  summary: z.string().trim().max(2000).nullable().optional(),
  notes: z.string().trim().max(10000).nullable().optional(),
};

export const interviewSchema = z.object({
  id: idSchema,
  personId: idSchema,
  visitId: z.string().nullable(),
  heldAt: isoDateTimeSchema,
  reason: z.string().nullable(),
  lastRiskAt: isoDateTimeSchema.nullable(),
  exposures: z.array(z.enum(EXPOSURE_TYPES)),
  practices: z.string().nullable(),
  partnersCount: z.number().int().nullable(),
  prevention: z.array(z.enum(PREVENTION_TOOLS)),
  substances: z.array(z.enum(SUBSTANCES)),
  chemsex: z.boolean(),
  violenceScreening: z.enum(VIOLENCE_SCREENING),
  needs: z.array(z.enum(INTERVIEW_NEEDS)),
  summary: z.string().nullable(),
  notes: z.string().nullable(),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  /** The last risk is less than 72 hours before the interview: post-exposure prophylaxis alert. */
  pepAlert: z.boolean(),
  hoursSinceRisk: z.number().nullable(),
  version: versionSchema,
});
export type Interview = z.infer<typeof interviewSchema>;

export const interviewsChannels = {
  /** The interviews tab of a dossier: what this reader may see. */
  'interviews.forPerson': channel(forPersonInputSchema, sectionItemsSchema(interviewSchema)),
  'interviews.save': channel(
    z.object({ ...interviewFields, id: idSchema.optional(), version: versionSchema.optional() }).strict(),
    interviewSchema,
  ),
};
