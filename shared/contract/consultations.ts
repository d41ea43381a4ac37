/**
 * Consultations: the doctor's (GP, section `medical`) with its coded diagnoses, the tests it
 * orders and its prescription; and the specialists' notes (section `specialist`, kind = the
 * specialty code). docs/clinical-pathway.md, sections 3, 5, 7 and 8.
 */
import { z } from 'zod';
import { ADMINISTRATION_ROUTES, ANATOMICAL_SITES, TEST_CODES } from '../domain/clinical-catalogues';
import { channel } from './channel';
import { idSchema, isoDateTimeSchema, localeSchema, versionSchema } from './common';
import { pdfSchema } from './persons';
import { forPersonInputSchema, sectionItemsSchema } from './section';

const note = (max: number) => z.string().trim().max(max).nullable().optional();

/** A word of a prescription line: printed exactly as typed (nothing trimmed), blank refused. */
const lineText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((text) => text.trim().length > 0, { message: 'required' });

/** One drug of a prescription: pre-filled from the treatments catalogue, every word editable. */
export const prescriptionLineSchema = z
  .object({
    drug: lineText(200),
    dose: lineText(100),
    route: z.enum(ADMINISTRATION_ROUTES).nullable(),
    frequency: lineText(200),
    duration: lineText(100),
  })
  .strict();
export type PrescriptionLineInput = z.infer<typeof prescriptionLineSchema>;

/** Renewals: how many times the pharmacy may dispense it again (a year at most, monthly). */
export const MAX_RENEWALS = 12;
export const MAX_PRESCRIPTION_LINES = 20;

export const prescriptionInputSchema = z
  .object({
    lines: z.array(prescriptionLineSchema).min(1).max(MAX_PRESCRIPTION_LINES),
    renewals: z.number().int().min(0).max(MAX_RENEWALS).default(0),
    /**
     * The PrEP episode this prescription starts or renews (a PrEP prescription from the PrEP tab or
     * with PrEP drugs): an episode of the same person. Left out: the link is kept; null: removed.
     */
    prepEpisodeId: idSchema.nullable().optional(),
  })
  .strict();

/** A test ordered at the consultation: an `ordered` sample in today's screening (CT/NG per site). */
export const orderedTestSchema = z
  .object({ testCode: z.enum(TEST_CODES), anatomicalSite: z.enum(ANATOMICAL_SITES).nullable().optional() })
  .strict();
export type OrderedTest = z.infer<typeof orderedTestSchema>;

const notesFields = {
  personId: idSchema,
  visitId: idSchema.nullable().optional(),
  heldAt: isoDateTimeSchema,
  reason: note(1000),
  history: note(10000),
  examination: note(10000),
  conclusion: note(10000),
};

const gpFields = {
  ...notesFields,
  diagnoses: z.array(z.string().trim().min(1).max(16)).max(30).default([]),
  orderTests: z.array(orderedTestSchema).max(40).default([]),
  prescription: prescriptionInputSchema.nullable().optional(),
};

const edit = { id: idSchema.optional(), version: versionSchema.optional() };

/** Where the visit goes when the doctor ends the consultation. */
export const CONSULTATION_NEXT_STEPS = ['waiting_nurse', 'waiting_specialist', 'done'] as const;

export const saveConsultationInputSchema = z.object({ ...gpFields, ...edit }).strict();
export const endConsultationInputSchema = z
  .object({ ...gpFields, ...edit, visitId: idSchema, nextStep: z.enum(CONSULTATION_NEXT_STEPS) })
  .strict();

export const prescriptionSchema = z.object({
  id: idSchema,
  personId: idSchema,
  consultationId: z.string().nullable(),
  /** The PrEP episode it starts or renews (its PDF then also needs the prep section). */
  prepEpisodeId: z.string().nullable(),
  prescriberId: idSchema,
  prescriberName: z.string().nullable(),
  issuedOn: z.string(),
  lines: z.array(
    z.object({
      drug: z.string(),
      dose: z.string(),
      route: z.enum(ADMINISTRATION_ROUTES).nullable(),
      frequency: z.string(),
      duration: z.string(),
    }),
  ),
  renewals: z.number().int(),
  version: versionSchema,
});
export type Prescription = z.infer<typeof prescriptionSchema>;

const consultationBase = {
  id: idSchema,
  personId: idSchema,
  visitId: z.string().nullable(),
  siteId: idSchema,
  kind: z.string(),
  heldAt: isoDateTimeSchema,
  reason: z.string().nullable(),
  history: z.string().nullable(),
  examination: z.string().nullable(),
  conclusion: z.string().nullable(),
  endedAt: isoDateTimeSchema.nullable(),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  version: versionSchema,
};

export const consultationSchema = z.object({
  ...consultationBase,
  /** ICD-10 codes of the diagnoses catalogue. */
  diagnoses: z.array(z.string()),
  prescription: prescriptionSchema.nullable(),
});
export type Consultation = z.infer<typeof consultationSchema>;

/** What a save answers: the consultation, and the samples this save ordered (none on a re-save). */
export const savedConsultationSchema = z.object({
  consultation: consultationSchema,
  ordered: z.array(z.object({ testCode: z.enum(TEST_CODES), anatomicalSite: z.string().nullable() })),
});

export const specialistConsultationSchema = z.object(consultationBase);
export type SpecialistConsultation = z.infer<typeof specialistConsultationSchema>;

export const consultationsChannels = {
  /** The Consultations tab (section `medical`): the GP consultations and their prescriptions. */
  'consultations.forPerson': channel(forPersonInputSchema, sectionItemsSchema(consultationSchema)),
  'consultations.save': channel(saveConsultationInputSchema, savedConsultationSchema),
  /** Saves and moves the visit to the chosen next step, in one transaction. */
  'consultations.end': channel(endConsultationInputSchema, savedConsultationSchema),
  /** The Specialist tab (section `specialist`). */
  'consultations.specialistForPerson': channel(
    forPersonInputSchema,
    sectionItemsSchema(specialistConsultationSchema),
  ),
  'consultations.saveSpecialist': channel(
    z.object({ ...notesFields, ...edit, kind: z.string().trim().min(1).max(32) }).strict(),
    specialistConsultationSchema,
  ),
  /** The French prescription (ordonnance), rendered by the core; bytes as base64, never a file. */
  'consultations.prescriptionPdf': channel(
    z.object({ personId: idSchema, prescriptionId: idSchema, locale: localeSchema.optional() }).strict(),
    pdfSchema,
  ),
};
