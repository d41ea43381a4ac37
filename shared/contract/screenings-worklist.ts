/**
 * The screenings' worklists (docs/clinical-pathway.md, section 10): results not yet told to the
 * person, and confirmations of a reactive rapid test not yet resulted. Input, page and cursor come
 * from the shared worklist helpers (./worklist.ts).
 */
import { z } from 'zod';
import { TEST_CODES } from '../domain/clinical-catalogues';
import { RESULT_INTERPRETATIONS } from '../domain/screenings';
import { channel } from './channel';
import { idSchema, isoDateTimeSchema } from './common';
import { worklistCountsInputSchema, worklistInputSchema, worklistPageSchema } from './worklist';

export const SCREENING_WORKLISTS = ['results_to_give', 'confirmations_pending'] as const;
export type ScreeningWorklist = (typeof SCREENING_WORKLISTS)[number];

export const screeningWorklistRowSchema = z.object({
  /** The result (results to give) or the confirmation sample (confirmations pending). */
  id: idSchema,
  personId: idSchema,
  fileNumber: z.string(),
  nameUsed: z.string(),
  siteId: idSchema,
  testCode: z.enum(TEST_CODES),
  /** The instant the list sorts on: resulted at / confirmation ordered at. */
  at: isoDateTimeSchema,
  /** The result's reading (results to give); null for a confirmation pending. */
  interpretation: z.enum(RESULT_INTERPRETATIONS).nullable(),
});
export type ScreeningWorklistRow = z.infer<typeof screeningWorklistRowSchema>;

/** Keyset paging: the last line of the page (its instant and id). */
export const screeningWorklistCursorSchema = z.object({ at: isoDateTimeSchema, id: idSchema }).strict();
export type ScreeningWorklistCursor = z.infer<typeof screeningWorklistCursorSchema>;

export const screeningsWorklistChannels = {
  /** One page of a list, oldest first, on the reader's sites unless filtered. */
  'screenings.worklist': channel(
    worklistInputSchema(z.enum(SCREENING_WORKLISTS), screeningWorklistCursorSchema),
    worklistPageSchema(screeningWorklistRowSchema, screeningWorklistCursorSchema),
  ),
  /** How many lines each list holds on these sites (the navigation's badge). */
  'screenings.worklistCounts': channel(
    worklistCountsInputSchema,
    z.object({
      results_to_give: z.number().int().min(0),
      confirmations_pending: z.number().int().min(0),
    }),
  ),
};
