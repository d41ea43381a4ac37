/**
 * Violence (docs/violence-care.md, slice 1): a person's incidents with their 72-hour protocol, each
 * incident's narrative (read on demand, its own audited read), and the protocol's five steps.
 */
import { z } from 'zod';
import {
  GBVIMS_TYPES,
  NARRATIVE_MAX,
  PERPETRATORS,
  PLACE_KINDS,
  PROTOCOL_ITEMS,
  PROTOCOL_LINK_TYPES,
  PROTOCOL_LINKABLE,
  PROTOCOL_NOTE_MAX,
  PROTOCOL_OUTCOMES,
  PROTOCOL_STATUSES,
  REPORTED_TO,
  SEED_TYPES,
} from '../domain/violence';
import { channel } from './channel';
import { idSchema, isoDateTimeSchema, versionSchema } from './common';
import { forPersonInputSchema, sectionItemsSchema } from './section';
import { worklistCountsInputSchema, worklistInputSchema, worklistPageSchema } from './worklist';
import { calendarDateSchema } from './vaccinations';

export const protocolStepSchema = z.object({
  id: idSchema,
  incidentId: idSchema,
  personId: idSchema,
  item: z.enum(PROTOCOL_ITEMS),
  outcome: z.enum(PROTOCOL_OUTCOMES),
  doneAt: isoDateTimeSchema,
  doneBy: idSchema,
  doneByName: z.string().nullable(),
  note: z.string().nullable(),
  /** The clinical record the step links (null, or hidden from a reader of no such record). */
  linkedType: z.enum(PROTOCOL_LINK_TYPES).nullable(),
  linkedId: idSchema.nullable(),
  authorId: z.string().nullable(),
  version: versionSchema,
});
export type ProtocolStep = z.infer<typeof protocolStepSchema>;

export const incidentSchema = z.object({
  id: idSchema,
  personId: idSchema,
  siteId: idSchema,
  occurredOn: calendarDateSchema,
  occurredAt: isoDateTimeSchema.nullable(),
  dateApproximate: z.boolean(),
  placeKind: z.enum(PLACE_KINDS),
  perpetrators: z.array(z.enum(PERPETRATORS)),
  seedTypes: z.array(z.enum(SEED_TYPES)),
  gbvimsType: z.enum(GBVIMS_TYPES),
  trafficking: z.boolean(),
  reported: z.enum(REPORTED_TO),
  reportedOn: calendarDateSchema.nullable(),
  protocolStatus: z.enum(PROTOCOL_STATUSES),
  protocolDeadline: isoDateTimeSchema.nullable(),
  /** Hours left before the deadline (one decimal), while the protocol is open and the deadline ahead. */
  hoursLeft: z.number().nullable(),
  /** The protocol's steps recorded so far, in the checklist's order. */
  steps: z.array(protocolStepSchema),
  /** Whether a narrative exists (its text is read through `violence.narrative`). */
  hasNarrative: z.boolean(),
  authorId: z.string().nullable(),
  version: versionSchema,
});
export type Incident = z.infer<typeof incidentSchema>;

export const narrativeSchema = z.object({
  incidentId: idSchema,
  text: z.string(),
  authorId: z.string().nullable(),
  updatedAt: isoDateTimeSchema,
  version: versionSchema,
});
export type Narrative = z.infer<typeof narrativeSchema>;

/** A list ticked in a form names each value once: a repeated one is refused, never dropped. */
export const allDifferent = (values: readonly string[]): boolean => new Set(values).size === values.length;

/** The incident as typed in its form (kept exactly as typed; refused next to its field). */
export const incidentFields = {
  personId: idSchema,
  /** The site the incident is recorded at (its zone gives the date's day); defaults to the visit's, else the person's. */
  siteId: idSchema.optional(),
  occurredOn: calendarDateSchema,
  occurredAt: isoDateTimeSchema.nullable().default(null),
  dateApproximate: z.boolean().default(false),
  placeKind: z.enum(PLACE_KINDS),
  perpetrators: z
    .array(z.enum(PERPETRATORS))
    .refine(allDifferent, { message: 'values_repeated' })
    .default([]),
  seedTypes: z
    .array(z.enum(SEED_TYPES))
    .refine((types) => types.length > 0, { message: 'types_required' })
    .refine(allDifferent, { message: 'values_repeated' }),
  gbvimsType: z.enum(GBVIMS_TYPES),
  trafficking: z.boolean().default(false),
  reported: z.enum(REPORTED_TO).default('unknown'),
  reportedOn: calendarDateSchema.nullable().default(null),
};

/** A line of "Protocoles 72 h en cours": whose, where, the deadline and the hours left. */
export const openProtocolRowSchema = z.object({
  incidentId: idSchema,
  personId: idSchema,
  fileNumber: z.string(),
  nameUsed: z.string(),
  siteId: idSchema,
  protocolDeadline: isoDateTimeSchema,
  /** False when only the date is known (the deadline runs from the end of that day). */
  timeKnown: z.boolean(),
  hoursLeft: z.number(),
});
export type OpenProtocolRow = z.infer<typeof openProtocolRowSchema>;

/** Keyset paging: the last line of the page (deadline, incident id). */
const openProtocolsCursorSchema = z.object({ protocolDeadline: isoDateTimeSchema, id: idSchema }).strict();

export const violenceChannels = {
  /** The violence tab: incidents with their protocol and steps; never a narrative. */
  'violence.forPerson': channel(forPersonInputSchema, sectionItemsSchema(incidentSchema)),
  /** Records an incident (no `id`) or corrects one (`id` + `version`); decides its protocol. */
  'violence.saveIncident': channel(
    z.object({ ...incidentFields, id: idSchema.optional(), version: versionSchema.optional() }).strict(),
    incidentSchema,
  ),
  /** The narrative of one incident: its own audited read, naming it. Null when none was written. */
  'violence.narrative': channel(
    z.object({ personId: idSchema, incidentId: idSchema }).strict(),
    narrativeSchema.nullable(),
  ),
  /** Writes the narrative (first save without `version`; a correction with it). */
  'violence.saveNarrative': channel(
    z
      .object({
        personId: idSchema,
        incidentId: idSchema,
        text: z
          .string()
          .max(NARRATIVE_MAX)
          .refine((text) => text.trim().length > 0, { message: 'narrative_required' }),
        version: versionSchema.optional(),
      })
      .strict(),
    narrativeSchema,
  ),
  /**
   * Records the outcome of one protocol item (one per item and incident); a correction carries the
   * step's `version`. Never deleted. `doneBy` defaults to the caller.
   */
  'violence.saveProtocolStep': channel(
    z
      .object({
        personId: idSchema,
        incidentId: idSchema,
        item: z.enum(PROTOCOL_ITEMS),
        outcome: z.enum(PROTOCOL_OUTCOMES),
        doneAt: isoDateTimeSchema,
        doneBy: idSchema.optional(),
        note: z.string().max(PROTOCOL_NOTE_MAX).nullable().default(null),
        /**
         * The clinical record made for this step (a referral, a prescription, a screening) of the
         * same person; null removes the link; left out keeps the one recorded.
         */
        linkedType: z.enum(PROTOCOL_LINKABLE).nullable().optional(),
        linkedId: idSchema.nullable().optional(),
        version: versionSchema.optional(),
      })
      .strict(),
    incidentSchema,
  ),
  /** Open 72-hour protocols of the reader's sites, soonest deadline first. */
  'violence.openProtocols': channel(
    worklistInputSchema(z.enum(['open']).default('open'), openProtocolsCursorSchema),
    worklistPageSchema(openProtocolRowSchema, openProtocolsCursorSchema),
  ),
  'violence.openProtocolsCounts': channel(
    worklistCountsInputSchema,
    z.object({ open: z.number().int().min(0) }),
  ),
};
