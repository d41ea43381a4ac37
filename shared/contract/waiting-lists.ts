/**
 * Specialist waiting lists (docs/clinical-pathway.md, slice 8): a referral to a specialty of the
 * centre, its booking (an appointment in the agenda, or a seat in a collective workshop), its
 * cancellation; each specialty's worklist and its counts; the workshops (centre data).
 */
import { z } from 'zod';
import {
  WAITING_LIST_LISTS,
  WAITING_LIST_ORIGINS,
  WAITING_LIST_PAGE_MAX,
  WAITING_LIST_STATUSES,
} from '../domain/waiting-lists';
import { channel } from './channel';
import { idSchema, isoDateTimeSchema, versionSchema } from './common';
import { dateSchema } from './persons';
import { forPersonInputSchema, sectionItemsSchema } from './section';

/** A specialty code of the centre's catalogue (checked against the current catalogue by the core). */
const specialtySchema = z.string().trim().min(1).max(32);

export const waitingListEntrySchema = z.object({
  id: idSchema,
  personId: idSchema,
  siteId: idSchema,
  specialty: z.string(),
  requestedOn: dateSchema,
  requestedBy: z.string(),
  requestedByName: z.string().nullable(),
  origin: z.enum(WAITING_LIST_ORIGINS),
  note: z.string().nullable(),
  status: z.enum(WAITING_LIST_STATUSES),
  /**
   * Days waited in the site's calendar: until today while waiting, until the day of the booked
   * appointment once booked or seen; null once cancelled.
   */
  waitingDays: z.number().int().nullable(),
  appointmentId: z.string().nullable(),
  /** When the booked appointment (or the workshop) starts. */
  bookedFor: isoDateTimeSchema.nullable(),
  workshopId: z.string().nullable(),
  cancelledReason: z.string().nullable(),
  version: versionSchema,
});
export type WaitingListEntry = z.infer<typeof waitingListEntrySchema>;

export const workshopSchema = z.object({
  id: idSchema,
  siteId: idSchema,
  specialty: z.string(),
  title: z.string().nullable(),
  startsAt: isoDateTimeSchema,
  endsAt: isoDateTimeSchema,
  capacity: z.number().int(),
  /** Seats taken (entries booked or seen in it). */
  booked: z.number().int(),
  facilitatorId: idSchema,
  facilitatorName: z.string().nullable(),
  version: versionSchema,
});
export type Workshop = z.infer<typeof workshopSchema>;

export const worklistCursorSchema = z.object({ requestedOn: dateSchema, id: idSchema }).strict();

export const waitingListLineSchema = z.object({
  id: idSchema,
  personId: idSchema,
  nameUsed: z.string(),
  fileNumber: z.string(),
  siteId: idSchema,
  specialty: z.string(),
  requestedOn: dateSchema,
  waitingDays: z.number().int(),
  origin: z.enum(WAITING_LIST_ORIGINS),
  note: z.string().nullable(),
  status: z.enum(WAITING_LIST_STATUSES),
  version: versionSchema,
});
export type WaitingListLine = z.infer<typeof waitingListLineSchema>;

export const referInputSchema = z
  .object({
    personId: idSchema,
    siteId: idSchema,
    specialty: specialtySchema,
    requestedOn: dateSchema,
    origin: z.enum(WAITING_LIST_ORIGINS),
    note: z.string().trim().max(1000).nullable().optional(),
  })
  .strict();

/**
 * Booking an entry: into the agenda (professional, site, start and end, as an appointment of the
 * agenda) or into a workshop. The fields of the mode chosen are required.
 */
export const bookInputSchema = z
  .object({
    personId: idSchema,
    id: idSchema,
    version: versionSchema,
    mode: z.enum(['appointment', 'workshop']),
    workshopId: idSchema.optional(),
    siteId: idSchema.optional(),
    professionalId: idSchema.optional(),
    startsAt: isoDateTimeSchema.optional(),
    endsAt: isoDateTimeSchema.optional(),
    room: z.string().trim().max(60).nullable().optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    const needed =
      input.mode === 'workshop'
        ? (['workshopId'] as const)
        : (['siteId', 'professionalId', 'startsAt', 'endsAt'] as const);
    for (const field of needed)
      if (input[field] === undefined) ctx.addIssue({ code: 'custom', message: 'required', path: [field] });
  });

export const cancelInputSchema = z
  .object({
    personId: idSchema,
    id: idSchema,
    version: versionSchema,
    reason: z.string().trim().min(1).max(500),
  })
  .strict();

export const saveWorkshopInputSchema = z
  .object({
    id: idSchema.optional(),
    version: versionSchema.optional(),
    siteId: idSchema,
    specialty: specialtySchema,
    title: z.string().trim().max(120).nullable().optional(),
    startsAt: isoDateTimeSchema,
    endsAt: isoDateTimeSchema,
    capacity: z.number().int().min(1).max(200),
    facilitatorId: idSchema,
  })
  .strict();

export const waitingListsChannels = {
  /** The person's waiting-list entries (in the Referrals tab): what this reader may see. */
  'waitingLists.forPerson': channel(forPersonInputSchema, sectionItemsSchema(waitingListEntrySchema)),
  'waitingLists.refer': channel(referInputSchema, waitingListEntrySchema),
  'waitingLists.book': channel(bookInputSchema, waitingListEntrySchema),
  'waitingLists.cancel': channel(cancelInputSchema, waitingListEntrySchema),
  /**
   * One specialty's list, oldest request first, a page at a time (keyset on `(requestedOn, id)`):
   * the entries of the given sites (default: the reader's), of persons sharing with the care team
   * (or referred by the reader).
   */
  'waitingLists.worklist': channel(
    z
      .object({
        specialty: specialtySchema,
        list: z.enum(WAITING_LIST_LISTS).default('waiting'),
        siteIds: z.array(idSchema).min(1).max(50).optional(),
        cursor: worklistCursorSchema.optional(),
        limit: z.number().int().min(1).max(WAITING_LIST_PAGE_MAX).default(WAITING_LIST_PAGE_MAX),
      })
      .strict(),
    z.object({ items: z.array(waitingListLineSchema), nextCursor: worklistCursorSchema.nullable() }),
  ),
  /** How many wait and how many are booked, per active specialty (same filters as the list). */
  'waitingLists.worklistCounts': channel(
    z.object({ siteIds: z.array(idSchema).min(1).max(50).optional() }).strict(),
    z.object({
      items: z.array(
        z.object({
          specialty: z.string(),
          label: z.string().nullable(),
          waiting: z.number().int(),
          booked: z.number().int(),
        }),
      ),
    }),
  ),
  /** The workshops of a site (or all sites) from a day on, by start. */
  'waitingLists.workshops': channel(
    z
      .object({
        siteId: idSchema.optional(),
        specialty: specialtySchema.optional(),
        from: isoDateTimeSchema.optional(),
      })
      .strict(),
    z.object({ items: z.array(workshopSchema) }),
  ),
  'waitingLists.saveWorkshop': channel(saveWorkshopInputSchema, workshopSchema),
};
