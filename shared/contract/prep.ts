import { z } from 'zod';
import { PREP_REGIMENS, TEST_CODES } from '../domain/clinical-catalogues';
import { PREP_EPISODE_STATUSES, PREP_NOTE_MAX, PREP_STOP_REASONS, PREP_WORKLISTS } from '../domain/prep';
import { FOLLOW_UP_STATES } from '../domain/schedules';
import { channel } from './channel';
import { idSchema, versionSchema } from './common';
import { forPersonInputSchema, sectionItemsSchema } from './section';
import { dateSchema } from './persons';
import { worklistCountsInputSchema, worklistInputSchema, worklistPageSchema } from './worklist';

const note = z.string().trim().max(PREP_NOTE_MAX).nullable().optional();
/** µmol/L: beyond this it is a typing error whatever the person. */
export const CREATININE_MAX = 5000;

export const prepFollowUpSchema = z.object({
  id: idSchema,
  episodeId: idSchema,
  personId: idSchema,
  siteId: idSchema,
  heldOn: dateSchema,
  creatinine: z.number().nullable(),
  egfr: z.number().nullable(),
  /** Below the centre's eGFR alert threshold (catalogue `egfr`). */
  egfrLow: z.boolean(),
  adherenceNote: z.string().nullable(),
  nextDueOn: dateSchema,
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  version: versionSchema,
});
export type PrepFollowUp = z.infer<typeof prepFollowUpSchema>;

export const prepBaselineEntrySchema = z.object({
  testCode: z.enum(TEST_CODES),
  state: z.enum(['done', 'ordered', 'missing']),
  sampleId: z.string().nullable(),
});

export const prepEpisodeSchema = z.object({
  id: idSchema,
  personId: idSchema,
  siteId: idSchema,
  startedOn: dateSchema,
  regimen: z.enum(PREP_REGIMENS),
  status: z.enum(PREP_EPISODE_STATUSES),
  stoppedOn: dateSchema.nullable(),
  stopReason: z.enum(PREP_STOP_REASONS).nullable(),
  stopNote: z.string().nullable(),
  restartOf: z.string().nullable(),
  nextDueOn: dateSchema,
  lastVisitOn: dateSchema,
  /** Where the next follow-up stands today (site's date); null once stopped. */
  state: z.enum(FOLLOW_UP_STATES).nullable(),
  /** The baseline checklist; null when the reader may not read the tests section it comes from. */
  baseline: z.array(prepBaselineEntrySchema).nullable(),
  followUps: z.array(prepFollowUpSchema),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  version: versionSchema,
});
export type PrepEpisode = z.infer<typeof prepEpisodeSchema>;

/** A prescription (or renewal) linked to an episode, as the PrEP tab lists it (from `medical`). */
export const prepPrescriptionSchema = z.object({
  id: idSchema,
  episodeId: idSchema,
  consultationId: z.string().nullable(),
  issuedOn: dateSchema,
  prescriberName: z.string().nullable(),
  drugs: z.array(z.string()),
  renewals: z.number().int(),
});
export type PrepPrescription = z.infer<typeof prepPrescriptionSchema>;

export const egfrRulesSchema = z.object({ alertBelow: z.number(), min: z.number(), max: z.number() });

export const prepWorklistRowSchema = z.object({
  episodeId: idSchema,
  personId: idSchema,
  fileNumber: z.string(),
  nameUsed: z.string(),
  siteId: idSchema,
  startedOn: dateSchema,
  regimen: z.enum(PREP_REGIMENS),
  nextDueOn: dateSchema,
});
export type PrepWorklistRow = z.infer<typeof prepWorklistRowSchema>;

const cursorSchema = z.object({ dueOn: dateSchema, id: idSchema }).strict();

export const prepChannels = {
  /** The PrEP tab: the person's episodes (newest first) with their follow-ups and checklist. */
  'prep.forPerson': channel(
    forPersonInputSchema,
    sectionItemsSchema(prepEpisodeSchema).extend({
      egfr: egfrRulesSchema,
      /** The episodes' prescriptions and renewals, newest first; null for a reader of no `medical`. */
      prescriptions: z.array(prepPrescriptionSchema).nullable(),
    }),
  ),
  'prep.start': channel(
    z
      .object({
        personId: idSchema,
        siteId: idSchema,
        startedOn: dateSchema,
        regimen: z.enum(PREP_REGIMENS),
      })
      .strict(),
    prepEpisodeSchema,
  ),
  'prep.followUp': channel(
    z
      .object({
        personId: idSchema,
        siteId: idSchema,
        /** The active episode as the form saw it (optimistic concurrency). */
        episodeId: idSchema,
        version: versionSchema,
        heldOn: dateSchema,
        creatinine: z.number().positive().max(CREATININE_MAX).nullable().optional(),
        egfr: z.number().nullable().optional(),
        adherenceNote: note,
      })
      .strict(),
    prepEpisodeSchema,
  ),
  'prep.stop': channel(
    z
      .object({
        personId: idSchema,
        episodeId: idSchema,
        version: versionSchema,
        stoppedOn: dateSchema,
        reason: z.enum(PREP_STOP_REASONS),
        note,
      })
      .strict(),
    prepEpisodeSchema,
  ),
  /** Persons on PrEP due this week, overdue or lost to follow-up, by due date (keyset paging). */
  'prep.worklist': channel(
    worklistInputSchema(z.enum(PREP_WORKLISTS), cursorSchema),
    worklistPageSchema(prepWorklistRowSchema, cursorSchema),
  ),
  /** How many lines each PrEP worklist holds for these sites (the navigation's badge). */
  'prep.worklistCounts': channel(
    worklistCountsInputSchema,
    z.object({
      due_this_week: z.number().int(),
      overdue: z.number().int(),
      lost_to_follow_up: z.number().int(),
    }),
  ),
};
