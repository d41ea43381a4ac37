/**
 * Violence (docs/violence-care.md, slice 1): a person's incidents with their 72-hour protocol, each
 * incident's narrative (read on demand, its own audited read), and the protocol's five steps.
 */
import { z } from 'zod';
import {
  CERTIFICATE_REQUESTERS,
  CERTIFICATE_SHORT_MAX,
  CERTIFICATE_TEXT_MAX,
  GBVIMS_TYPES,
  IDENTITY_CHECKS,
  LESIONS_MAX,
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
import { pdfSchema } from './persons';
import {
  attachedMetaSchema,
  attachFields,
  attachmentContentSchema,
  attachmentMetaSchema,
} from './attachments';

/** What the tab shows of a medical certificate of injuries: never its findings. */
export const certificateMetaSchema = z.object({
  id: idSchema,
  incidentId: idSchema,
  doctorId: idSchema,
  doctorName: z.string().nullable(),
  examinedAt: isoDateTimeSchema,
  /** Null while a draft; set once when issued (then immutable). */
  issuedAt: isoDateTimeSchema.nullable(),
  replacesId: idSchema.nullable(),
  authorId: z.string().nullable(),
  version: versionSchema,
});
export type CertificateMeta = z.infer<typeof certificateMetaSchema>;

export const lesionSchema = z
  .object({
    region: z.string().max(CERTIFICATE_SHORT_MAX),
    kind: z.string().max(CERTIFICATE_SHORT_MAX),
    sizeCm: z.number().positive().max(500).nullable().default(null),
    description: z.string().max(1000).default(''),
  })
  .strict();

/** The certificate as typed in its form: every text kept exactly as typed; blanks refused by the core. */
export const certificateFields = {
  examinedAt: isoDateTimeSchema,
  requestedBy: z.enum(CERTIFICATE_REQUESTERS),
  requisitionRef: z.string().max(CERTIFICATE_SHORT_MAX).nullable().default(null),
  identityCheck: z.enum(IDENTITY_CHECKS),
  identityDocument: z.string().max(CERTIFICATE_SHORT_MAX).nullable().default(null),
  statements: z.string().max(CERTIFICATE_TEXT_MAX).default(''),
  complaints: z.string().max(CERTIFICATE_TEXT_MAX).default(''),
  lesions: z.array(lesionSchema).max(LESIONS_MAX).default([]),
  otherFindings: z.string().max(CERTIFICATE_TEXT_MAX).default(''),
  psychologicalFindings: z.string().max(CERTIFICATE_TEXT_MAX).default(''),
  furtherExams: z.string().max(CERTIFICATE_TEXT_MAX).default(''),
  /** Whole days; the range 0–365 is the core's refusal (`itt_out_of_range`), named on the field. */
  ittDays: z.number().int().nullable().default(null),
  ittReserved: z.boolean().default(true),
};

export const certificateSchema = certificateMetaSchema.extend({
  personId: idSchema,
  siteId: idSchema,
  requestedBy: z.enum(CERTIFICATE_REQUESTERS),
  requisitionRef: z.string().nullable(),
  identityCheck: z.enum(IDENTITY_CHECKS),
  identityDocument: z.string().nullable(),
  statements: z.string(),
  complaints: z.string(),
  lesions: z.array(
    z.object({
      region: z.string(),
      kind: z.string(),
      sizeCm: z.number().nullable(),
      description: z.string(),
    }),
  ),
  otherFindings: z.string(),
  psychologicalFindings: z.string(),
  furtherExams: z.string(),
  ittDays: z.number().int().nullable(),
  ittReserved: z.boolean(),
});
export type Certificate = z.infer<typeof certificateSchema>;

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
  /** The incident's certificates of injuries, oldest examination first (metadata only). */
  certificates: z.array(certificateMetaSchema),
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
  /**
   * Writes a draft certificate of injuries of an incident (no `certificateId`) or corrects a draft
   * (`certificateId` + `version`). The caller is the examining doctor and signatory: a doctor.
   * `replacesId` (at creation) names the issued certificate this one corrects.
   */
  'violence.saveCertificate': channel(
    z
      .object({
        personId: idSchema,
        incidentId: idSchema,
        certificateId: idSchema.optional(),
        version: versionSchema.optional(),
        replacesId: idSchema.nullable().default(null),
        ...certificateFields,
      })
      .strict(),
    certificateSchema,
  ),
  /** One certificate whole (its own audited read, naming it): to continue a draft or start a correction. */
  'violence.certificate': channel(
    z.object({ personId: idSchema, certificateId: idSchema }).strict(),
    certificateSchema,
  ),
  /** Signs a draft (its doctor, with a professional number): from then on it never changes. */
  'violence.issueCertificate': channel(
    z.object({ personId: idSchema, certificateId: idSchema, version: versionSchema }).strict(),
    certificateSchema,
  ),
  /** The issued certificate as a PDF, always in French; its read names the certificate. */
  'violence.certificatePdf': channel(
    z.object({ personId: idSchema, certificateId: idSchema }).strict(),
    pdfSchema,
  ),
  /** Stores the session's staged document on an incident (checked again; image metadata removed, said in the answer). */
  'violence.attach': channel(
    z.object({ personId: idSchema, incidentId: idSchema, ...attachFields }).strict(),
    attachedMetaSchema,
  ),
  /** An incident's documents, metadata only. */
  'violence.attachments': channel(
    z.object({ personId: idSchema, incidentId: idSchema }).strict(),
    z.array(attachmentMetaSchema),
  ),
  /** One document whole for the in-app viewer: its own audited read, naming it. */
  'violence.openAttachment': channel(
    z.object({ personId: idSchema, attachmentId: idSchema }).strict(),
    attachmentContentSchema,
  ),
  /** Deletes a document for good (its bytes zeroed in the store), audited as a deletion. */
  'violence.deleteAttachment': channel(
    z.object({ personId: idSchema, attachmentId: idSchema, version: versionSchema }).strict(),
    z.object({}),
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
