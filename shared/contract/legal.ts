/**
 * Legal procedures (docs/violence-care.md, slice 5): a person's procedures with the lawyer from the
 * directory, their stages (each move a step), hearings and outcome; the legal calendar and the
 * hearings due this week at the reader's sites.
 */
import { z } from 'zod';
import {
  CASE_REFERENCE_MAX,
  COURT_MAX,
  HEARING_KINDS,
  HEARING_STATUSES,
  NOTE_MAX,
  PLACE_MAX,
  PROCEDURE_OUTCOMES,
  PROCEDURE_STAGES,
  PROCEDURE_TYPES,
} from '../domain/legal';
import { channel } from './channel';
import { idSchema, isoDateTimeSchema, versionSchema } from './common';
import { forPersonInputSchema, sectionItemsSchema } from './section';
import {
  worklistCountsInputSchema,
  worklistInputSchema,
  worklistLimitSchema,
  worklistPageSchema,
  worklistSitesSchema,
} from './worklist';
import { calendarDateSchema } from './vaccinations';
import {
  attachedMetaSchema,
  attachFields,
  attachmentContentSchema,
  attachmentMetaSchema,
} from './attachments';

/** Text kept exactly as typed; only blank is refused (next to its field). */
const nonBlank = (max: number) =>
  z
    .string()
    .max(max)
    .refine((text) => text.trim().length > 0, { message: 'text_required' });

export const legalStepSchema = z.object({
  id: idSchema,
  stage: z.enum(PROCEDURE_STAGES),
  on: calendarDateSchema,
  note: z.string().nullable(),
  byName: z.string().nullable(),
});
export type LegalStep = z.infer<typeof legalStepSchema>;

export const hearingSchema = z.object({
  id: idSchema,
  procedureId: idSchema,
  startsAt: isoDateTimeSchema,
  place: z.string(),
  kind: z.enum(HEARING_KINDS),
  status: z.enum(HEARING_STATUSES),
  outcomeNote: z.string().nullable(),
  authorId: z.string().nullable(),
  version: versionSchema,
});
export type Hearing = z.infer<typeof hearingSchema>;

export const procedureSchema = z.object({
  id: idSchema,
  personId: idSchema,
  siteId: idSchema,
  type: z.enum(PROCEDURE_TYPES),
  incidentId: idSchema.nullable(),
  openedOn: calendarDateSchema,
  lawyerEntryId: idSchema.nullable(),
  lawyerName: z.string().nullable(),
  followerId: idSchema,
  followerName: z.string().nullable(),
  stage: z.enum(PROCEDURE_STAGES),
  court: z.string().nullable(),
  caseReference: z.string().nullable(),
  outcome: z.enum(PROCEDURE_OUTCOMES).nullable(),
  closedOn: calendarDateSchema.nullable(),
  steps: z.array(legalStepSchema),
  hearings: z.array(hearingSchema),
  authorId: z.string().nullable(),
  version: versionSchema,
});
export type Procedure = z.infer<typeof procedureSchema>;

/** A line of the calendar and of "Audiences (7 jours)": the hearing, whose, where and when. */
export const hearingLineSchema = z.object({
  hearingId: idSchema,
  procedureId: idSchema,
  personId: idSchema,
  fileNumber: z.string(),
  nameUsed: z.string(),
  siteId: idSchema,
  startsAt: isoDateTimeSchema,
  place: z.string(),
  kind: z.enum(HEARING_KINDS),
  status: z.enum(HEARING_STATUSES),
  procedureType: z.enum(PROCEDURE_TYPES),
});
export type HearingLine = z.infer<typeof hearingLineSchema>;

/** Keyset paging: the last line of the page (start, hearing id). */
const hearingsCursorSchema = z.object({ startsAt: isoDateTimeSchema, id: idSchema }).strict();

/** The longest span the calendar reads at once (a month). */
export const CALENDAR_DAYS_MAX = 31;

const onProcedure = { personId: idSchema, procedureId: idSchema };

export const legalChannels = {
  /** The Juridique tab: the person's procedures with their steps and hearings. */
  'legal.forPerson': channel(forPersonInputSchema, sectionItemsSchema(procedureSchema)),
  /** Opens a procedure (no `id`) or corrects its details (`id` + `version`); stages move by steps. */
  'legal.saveProcedure': channel(
    z
      .object({
        personId: idSchema,
        id: idSchema.optional(),
        siteId: idSchema.optional(),
        type: z.enum(PROCEDURE_TYPES),
        /** Required for a complaint: an incident of the same person (`incident_required`). */
        incidentId: idSchema.nullable().default(null),
        openedOn: calendarDateSchema,
        /** A directory entry of category `lawyer`. */
        lawyerEntryId: idSchema.nullable().default(null),
        /** Who follows it; left out: the caller. */
        followerId: idSchema.optional(),
        court: nonBlank(COURT_MAX).nullable().default(null),
        caseReference: nonBlank(CASE_REFERENCE_MAX).nullable().default(null),
        version: versionSchema.optional(),
      })
      .strict(),
    procedureSchema,
  ),
  /** Moves the procedure to a later stage on a date; `closed` names the outcome. */
  'legal.addStep': channel(
    z
      .object({
        ...onProcedure,
        stage: z.enum(PROCEDURE_STAGES),
        on: calendarDateSchema,
        note: nonBlank(NOTE_MAX).nullable().default(null),
        outcome: z.enum(PROCEDURE_OUTCOMES).nullable().default(null),
        version: versionSchema,
      })
      .strict(),
    procedureSchema,
  ),
  /** Adds a hearing (no `id`) or updates one (`id` + `version`): held, postponed, cancelled. */
  'legal.saveHearing': channel(
    z
      .object({
        ...onProcedure,
        id: idSchema.optional(),
        startsAt: isoDateTimeSchema,
        place: nonBlank(PLACE_MAX),
        kind: z.enum(HEARING_KINDS).default('hearing'),
        status: z.enum(HEARING_STATUSES).default('scheduled'),
        outcomeNote: nonBlank(NOTE_MAX).nullable().default(null),
        version: versionSchema.optional(),
      })
      .strict(),
    procedureSchema,
  ),
  /** The legal calendar: hearings at the reader's sites from a day (site calendar) for some days. */
  'legal.calendar': channel(
    z
      .object({
        from: calendarDateSchema,
        days: z.number().int().min(1).max(CALENDAR_DAYS_MAX).default(7),
        siteIds: worklistSitesSchema,
        cursor: hearingsCursorSchema.optional(),
        limit: worklistLimitSchema,
      })
      .strict(),
    worklistPageSchema(hearingLineSchema, hearingsCursorSchema),
  ),
  /** "Audiences (7 jours)": scheduled hearings from today to today + 6 days in the site's calendar. */
  'legal.dueThisWeek': channel(
    worklistInputSchema(z.enum(['week']).default('week'), hearingsCursorSchema),
    worklistPageSchema(hearingLineSchema, hearingsCursorSchema),
  ),
  /** The navigation's count: scheduled hearings due this week. */
  'legal.hearingsCounts': channel(
    worklistCountsInputSchema,
    z.object({ dueThisWeek: z.number().int().min(0) }),
  ),
  /** Stores the session's staged document on a legal procedure. */
  'legal.attach': channel(
    z.object({ personId: idSchema, procedureId: idSchema, ...attachFields }).strict(),
    attachedMetaSchema,
  ),
  /** The documents of a legal procedure, metadata only. */
  'legal.attachments': channel(
    z.object({ personId: idSchema, procedureId: idSchema }).strict(),
    z.array(attachmentMetaSchema),
  ),
  /** One document whole for the in-app viewer: its own audited read, naming it. */
  'legal.openAttachment': channel(
    z.object({ personId: idSchema, attachmentId: idSchema }).strict(),
    attachmentContentSchema,
  ),
  /** Deletes a document for good, audited as a deletion. */
  'legal.deleteAttachment': channel(
    z.object({ personId: idSchema, attachmentId: idSchema, version: versionSchema }).strict(),
    z.object({}),
  ),
};
