/**
 * Test and Treat (docs/clinical-pathway.md, slice 4): a person's to-treat items with their
 * treatment and partners, giving the treatment, closing an item with a reason, listing the
 * partners, and the worklists (to treat, partners to notify, tests of cure due, referrals not
 * attended).
 */
import { z } from 'zod';
import { ADMINISTRATION_ROUTES, INFECTIONS, TEST_CODES } from '../domain/clinical-catalogues';
import { parseCalendarDate } from '../domain/schedules';
import {
  CLOSE_REASONS,
  PARTNER_NOTIFIERS,
  PARTNER_STATUSES,
  PSEUDONYM_MAX,
  TO_TREAT_STATUSES,
  TREATMENT_WORKLISTS,
  pseudonymRefusal,
} from '../domain/treatments';
import { channel } from './channel';
import { idSchema, isoDateTimeSchema, versionSchema } from './common';
import { forPersonInputSchema, sectionItemsSchema } from './section';
import { worklistCountsInputSchema, worklistInputSchema, worklistPageSchema } from './worklist';

const dateSchema = z.string().refine((text) => parseCalendarDate(text) !== null, { message: 'invalid_date' });

export const treatmentSchema = z.object({
  id: idSchema,
  drug: z.string(),
  dose: z.string(),
  route: z.enum(ADMINISTRATION_ROUTES),
  givenAt: isoDateTimeSchema,
  givenBy: idSchema,
  givenByName: z.string().nullable(),
});
export type Treatment = z.infer<typeof treatmentSchema>;

export const partnerSchema = z.object({
  id: idSchema,
  pseudonym: z.string(),
  notifier: z.enum(PARTNER_NOTIFIERS),
  status: z.enum(PARTNER_STATUSES),
  statusOn: dateSchema,
  version: versionSchema,
});
export type Partner = z.infer<typeof partnerSchema>;

/** What the treatment form is pre-filled with (the centre's treatments catalogue). */
export const treatmentDefaultSchema = z.object({
  drug: z.string(),
  dose: z.string(),
  route: z.enum(ADMINISTRATION_ROUTES),
});

export const toTreatSchema = z.object({
  id: idSchema,
  personId: idSchema,
  siteId: idSchema,
  resultId: idSchema,
  testCode: z.enum(TEST_CODES).nullable(),
  resultedAt: isoDateTimeSchema.nullable(),
  infection: z.enum(INFECTIONS),
  /** `drug`: given here; `referral`: sent to the hospital service (HIV, hepatitis). */
  kind: z.enum(['drug', 'referral']),
  openedOn: dateSchema,
  status: z.enum(TO_TREAT_STATUSES),
  referralId: idSchema.nullable(),
  appointmentOn: dateSchema.nullable(),
  treatedOn: dateSchema.nullable(),
  delayDays: z.number().int().nullable(),
  /** An open item: whole days since it opened, today on its site's calendar (the core's clock). */
  waitingDays: z.number().int().nullable(),
  cureTestDueOn: dateSchema.nullable(),
  closedReason: z.string().nullable(),
  treatmentId: idSchema.nullable(),
  cureResultId: idSchema.nullable(),
  treatment: treatmentSchema.nullable(),
  partners: z.array(partnerSchema),
  defaults: treatmentDefaultSchema.nullable(),
  authorId: z.string().nullable(),
  version: versionSchema,
});
export type ToTreat = z.infer<typeof toTreatSchema>;

export const partnerInputSchema = z
  .object({
    id: idSchema.optional(),
    version: versionSchema.optional(),
    /** Kept exactly as typed; refused when it carries a phone number or an e-mail address. */
    pseudonym: z
      .string()
      .max(PSEUDONYM_MAX)
      .refine((text) => text.trim().length > 0, { message: 'pseudonym_required' })
      .refine((text) => pseudonymRefusal(text) === null, { message: 'pseudonym_contact' }),
    notifier: z.enum(PARTNER_NOTIFIERS),
    status: z.enum(PARTNER_STATUSES),
  })
  .strict();
export type PartnerInput = z.infer<typeof partnerInputSchema>;

/** A treatment's drug and dose, on the screen and in the interchange: kept as typed, blank refused. */
const typedText = (max: number, blank: string) =>
  z
    .string()
    .max(max)
    .refine((t) => t.trim().length > 0, { message: blank });
const drugAsTyped = typedText(100, 'drug_required');
const doseAsTyped = typedText(60, 'dose_required');

export const toTreatWorklistRowSchema = z.object({
  /** The to-treat item (or the partner, on the partners list). */
  id: idSchema,
  toTreatId: idSchema,
  personId: idSchema,
  fileNumber: z.string(),
  nameUsed: z.string(),
  siteId: idSchema,
  infection: z.enum(INFECTIONS),
  /** The date the list sorts on: opened on / partner status on / test of cure due on. */
  on: dateSchema,
  pseudonym: z.string().nullable(),
  appointmentOn: dateSchema.nullable(),
});
export type ToTreatWorklistRow = z.infer<typeof toTreatWorklistRowSchema>;

/** Keyset paging: the last line of the page (its sort date and id). */
const worklistCursorSchema = z.object({ on: dateSchema, id: idSchema }).strict();

export const treatmentsChannels = {
  /** The Test and Treat panel: each to-treat item with its treatment and partners. */
  'treatments.forPerson': channel(forPersonInputSchema, sectionItemsSchema(toTreatSchema)),
  /** Records the treatment of an open item (pre-filled from the catalogue, editable). */
  'treatments.give': channel(
    z
      .object({
        personId: idSchema,
        toTreatId: idSchema,
        version: versionSchema,
        drug: drugAsTyped,
        dose: doseAsTyped,
        route: z.enum(ADMINISTRATION_ROUTES),
        givenAt: isoDateTimeSchema,
        /** Defaults to the signed-in carer. */
        givenBy: idSchema.optional(),
      })
      .strict(),
    toTreatSchema,
  ),
  /** Closes an open or referred item without a treatment given here (treated elsewhere…). */
  'treatments.close': channel(
    z
      .object({
        personId: idSchema,
        toTreatId: idSchema,
        version: versionSchema,
        reason: z.enum(CLOSE_REASONS),
      })
      .strict(),
    toTreatSchema,
  ),
  /** Adds or moves forward the partners of an item (a backward move is refused, named). */
  'treatments.savePartners': channel(
    z
      .object({
        personId: idSchema,
        toTreatId: idSchema,
        partners: z.array(partnerInputSchema).max(50),
      })
      .strict(),
    toTreatSchema,
  ),
  /** One worklist page on the reader's sites unless filtered. */
  'treatments.worklist': channel(
    worklistInputSchema(z.enum(TREATMENT_WORKLISTS), worklistCursorSchema),
    worklistPageSchema(toTreatWorklistRowSchema, worklistCursorSchema),
  ),
  'treatments.worklistCounts': channel(
    worklistCountsInputSchema,
    z.object({
      to_treat: z.number().int().min(0),
      partners_to_notify: z.number().int().min(0),
      cure_tests_due: z.number().int().min(0),
      referrals_not_attended: z.number().int().min(0),
    }),
  ),
};

// ---------------------------------------------------------------------------------------------
// Interchange records (docs/import-format.md): each from its view; the same rules as the screens.

const nullableId = idSchema.nullable().default(null);
const nullableDate = z.iso.date().nullable().default(null);

/** A to-treat item opened by a positive result: its state, delay and test of cure. */
export const toTreatRecord = z
  .object({
    type: z.literal('to_treat'),
    id: idSchema,
    personId: idSchema,
    siteId: idSchema,
    resultId: idSchema,
    infection: z.enum(INFECTIONS),
    openedOn: z.iso.date(),
    // Required: a missing state is not guessed (`open` would put a treated positive back on the board).
    status: z.enum(TO_TREAT_STATUSES),
    treatmentId: nullableId,
    referralId: nullableId,
    appointmentOn: nullableDate,
    treatedOn: nullableDate,
    delayDays: z.number().int().min(0).nullable().default(null),
    cureTestDueOn: nullableDate,
    cureResultId: nullableId,
    closedReason: z.string().max(200).nullable().default(null),
    authorId: nullableId,
  })
  .strict();

/** A treatment given (drug, dose and route as typed). */
export const treatmentRecord = z
  .object({
    type: z.literal('treatment'),
    id: idSchema,
    personId: idSchema,
    siteId: idSchema,
    toTreatId: nullableId,
    // As the screen keeps them: blank is refused, nothing is trimmed.
    drug: drugAsTyped,
    dose: doseAsTyped,
    route: z.enum(ADMINISTRATION_ROUTES),
    givenAt: isoDateTimeSchema,
    givenBy: idSchema,
    authorId: nullableId,
  })
  .strict();

/** A partner listed pseudonymously for notification. */
export const partnerRecord = z
  .object({
    type: z.literal('partner'),
    id: idSchema,
    personId: idSchema,
    toTreatId: idSchema,
    siteId: idSchema,
    pseudonym: partnerInputSchema.shape.pseudonym,
    notifier: z.enum(PARTNER_NOTIFIERS),
    status: z.enum(PARTNER_STATUSES),
    statusOn: z.iso.date(),
    authorId: nullableId,
  })
  .strict();
