/**
 * Coordination meetings (docs/violence-care.md, slice 6): the date, site and participants of a
 * meeting of the team (centre data), the persons discussed one after another with the decisions
 * taken for each, and the actions the meeting adds to or changes in each person's plan.
 */
import { z } from 'zod';
import { ACTION_STATUSES, PLAN_AXES } from '../domain/case-plans';
import { casePlansChannels } from './case-plans';
import { channel } from './channel';
import { idSchema, versionSchema } from './common';
import { forPersonInputSchema, sectionItemsSchema, sectionViewSchema } from './section';
import { worklistSitesSchema } from './worklist';
import { calendarDateSchema } from './vaccinations';

/** The longest text of decisions about one person, and of the meeting's general notes. */
export const DECISIONS_MAX = 4000;
export const EXTERNAL_PARTICIPANTS_MAX = 500;
/** How many persons one meeting may discuss, and actions per person (a meeting, not an import). */
export const MEETING_CASES_MAX = 40;
export const MEETING_ACTIONS_MAX = 20;

/**
 * A text the meeting may leave out (null or empty), kept exactly as typed; one of spaces only is
 * refused next to its field rather than quietly stored as nothing.
 */
const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((text) => text.length === 0 || text.trim().length > 0, { message: 'text_required' })
    .nullable()
    .default(null);

/** An action a meeting adds (no `id`) or changes (`id` + `version`): the plan tab's rules. */
export const meetingActionSchema = casePlansChannels['casePlans.saveAction'].input.omit({
  personId: true,
  planId: true,
});

const meetingCaseInputSchema = z
  .object({
    personId: idSchema,
    decisions: z.string().max(DECISIONS_MAX).default(''),
    actions: z.array(meetingActionSchema).max(MEETING_ACTIONS_MAX).default([]),
  })
  .strict();

/** The header of a meeting: centre data, no person. */
export const meetingHeaderSchema = z.object({
  id: idSchema,
  siteId: idSchema,
  heldOn: calendarDateSchema,
  participantIds: z.array(idSchema),
  participantNames: z.array(z.string()),
  externalParticipants: z.string().nullable(),
  generalNotes: z.string().nullable(),
  authorId: z.string().nullable(),
  version: versionSchema,
});
export type MeetingHeader = z.infer<typeof meetingHeaderSchema>;

/** A line of the meetings list: the header and how many persons were discussed. */
export const meetingLineSchema = meetingHeaderSchema
  .pick({ id: true, siteId: true, heldOn: true, participantNames: true })
  .extend({ casesCount: z.number().int().min(0) });
export type MeetingLine = z.infer<typeof meetingLineSchema>;

/** An action as the meeting left it. */
export const meetingActionLineSchema = z.object({
  id: idSchema,
  axis: z.enum(PLAN_AXES),
  title: z.string(),
  ownerName: z.string().nullable(),
  dueOn: calendarDateSchema,
  status: z.enum(ACTION_STATUSES),
});

/** One person discussed, with the decisions and the actions the meeting created or last changed. */
export const meetingCaseSchema = z.object({
  personId: idSchema,
  fileNumber: z.string(),
  nameUsed: z.string(),
  planId: idSchema,
  position: z.number().int().min(0),
  decisions: z.string(),
  actions: z.array(meetingActionLineSchema),
});
export type MeetingCase = z.infer<typeof meetingCaseSchema>;

/** A meeting where the person was discussed, with the decisions taken for her (the plan tab). */
export const personMeetingSchema = z.object({
  meetingId: idSchema,
  heldOn: calendarDateSchema,
  siteId: idSchema,
  participantNames: z.array(z.string()),
  decisions: z.string(),
  authorId: z.string().nullable(),
});
export type PersonMeeting = z.infer<typeof personMeetingSchema>;

/** Keyset paging of the list: the last line (date, id), latest first. */
const meetingsCursorSchema = z.object({ heldOn: calendarDateSchema, id: idSchema }).strict();

export const meetingsChannels = {
  /** The meetings held at the reader's sites (or those of them named), latest first, paged. */
  'meetings.list': channel(
    z
      .object({
        siteIds: worklistSitesSchema,
        cursor: meetingsCursorSchema.optional(),
        limit: z.number().int().min(1).max(100).default(25),
      })
      .strict(),
    z.object({ rows: z.array(meetingLineSchema), nextCursor: meetingsCursorSchema.nullable() }),
  ),
  /** The plan tab's panel: the meetings where the person was discussed, latest first. */
  'meetings.forPerson': channel(forPersonInputSchema, sectionItemsSchema(personMeetingSchema)),
  /**
   * One meeting with every person discussed whom the reader may read (`case_plan` of each person;
   * the author of the meeting reads all): `leftOut` says how many persons are not shown.
   */
  'meetings.get': channel(
    z.object({ meetingId: idSchema }).strict(),
    z.object({
      view: sectionViewSchema,
      meeting: meetingHeaderSchema.nullable(),
      items: z.array(meetingCaseSchema),
      leftOut: z.number().int().min(0),
    }),
  ),
  /**
   * Records a meeting held (today or before): participants required, each person discussed with
   * a plan followed at the meeting's site; the decisions, and the actions added or changed in each
   * plan, in one transaction — a refusal on any person writes nothing and names the field.
   */
  'meetings.save': channel(
    z
      .object({
        siteId: idSchema,
        heldOn: calendarDateSchema,
        participantIds: z.array(idSchema).min(1, 'meeting_participants_required').max(50),
        externalParticipants: optionalText(EXTERNAL_PARTICIPANTS_MAX),
        generalNotes: optionalText(DECISIONS_MAX),
        cases: z.array(meetingCaseInputSchema).min(1, 'meeting_cases_required').max(MEETING_CASES_MAX),
      })
      .strict(),
    z.object({ meeting: meetingHeaderSchema, items: z.array(meetingCaseSchema) }),
  ),
};
