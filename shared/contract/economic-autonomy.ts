/**
 * Economic autonomy (docs/violence-care.md, slice 8): a person's vocational trainings (field,
 * dates, status) and micro-credit applications with their steps, in section `social`.
 */
import { z } from 'zod';
import {
  FIELD_LABEL_MAX,
  MICRO_CREDIT_STATUSES,
  PURPOSE_MAX,
  STEP_NOTE_MAX,
  TRAINING_FIELDS,
  TRAINING_STATUSES,
} from '../domain/economic-autonomy';
import { channel } from './channel';
import { idSchema, versionSchema } from './common';
import { forPersonInputSchema, sectionItemsSchema } from './section';
import { calendarDateSchema } from './vaccinations';

/** Text kept exactly as typed; only blank is refused (next to its field). */
const nonBlank = (max: number) =>
  z
    .string()
    .max(max)
    .refine((text) => text.trim().length > 0, { message: 'text_required' });

export const trainingSchema = z.object({
  kind: z.literal('training'),
  id: idSchema,
  personId: idSchema,
  siteId: idSchema,
  field: z.enum(TRAINING_FIELDS),
  fieldLabel: z.string().nullable(),
  providerEntryId: idSchema.nullable(),
  providerName: z.string().nullable(),
  startsOn: calendarDateSchema,
  endsOn: calendarDateSchema.nullable(),
  status: z.enum(TRAINING_STATUSES),
  statusOn: calendarDateSchema,
  authorId: z.string().nullable(),
  version: versionSchema,
});
export type Training = z.infer<typeof trainingSchema>;

export const microCreditStepSchema = z.object({
  id: idSchema,
  status: z.enum(MICRO_CREDIT_STATUSES),
  on: calendarDateSchema,
  note: z.string().nullable(),
  byName: z.string().nullable(),
});
export type MicroCreditStep = z.infer<typeof microCreditStepSchema>;

export const microCreditSchema = z.object({
  kind: z.literal('micro_credit'),
  id: idSchema,
  personId: idSchema,
  siteId: idSchema,
  lenderEntryId: idSchema.nullable(),
  lenderName: z.string().nullable(),
  appliedOn: calendarDateSchema,
  amountMinor: z.number().int(),
  currency: z.string(),
  purpose: z.string(),
  status: z.enum(MICRO_CREDIT_STATUSES),
  steps: z.array(microCreditStepSchema),
  authorId: z.string().nullable(),
  version: versionSchema,
});
export type MicroCredit = z.infer<typeof microCreditSchema>;

/** One line of the tab: a training or an application. */
export const economicAutonomyItemSchema = z.discriminatedUnion('kind', [trainingSchema, microCreditSchema]);
export type EconomicAutonomyItem = z.infer<typeof economicAutonomyItemSchema>;

/**
 * An amount in integer minor units (centimes); zero or less is refused next to the field
 * (`amount_not_positive`) by the service, so that the reason is the domain's, not zod's.
 */
const amountMinorSchema = z.number().int().max(Number.MAX_SAFE_INTEGER);
/** ISO 4217 code; empty is refused next to the field (`currency_required`) by the service. */
const currencySchema = z.string().max(3);

export const economicAutonomyChannels = {
  /** The tab's panel: the person's trainings and micro-credit applications (with their steps). */
  'economicAutonomy.forPerson': channel(forPersonInputSchema, sectionItemsSchema(economicAutonomyItemSchema)),
  /** Records a training (no `id`) or updates it (`id` + `version`): dates, status moving forward. */
  'economicAutonomy.saveTraining': channel(
    z
      .object({
        personId: idSchema,
        id: idSchema.optional(),
        siteId: idSchema.optional(),
        field: z.enum(TRAINING_FIELDS),
        fieldLabel: nonBlank(FIELD_LABEL_MAX).nullable().default(null),
        providerEntryId: idSchema.nullable().default(null),
        startsOn: calendarDateSchema,
        endsOn: calendarDateSchema.nullable().default(null),
        status: z.enum(TRAINING_STATUSES).default('enrolled'),
        /** The day the status was reached; left out: kept, or today at the site when it changes. */
        statusOn: calendarDateSchema.optional(),
        version: versionSchema.optional(),
      })
      .strict(),
    trainingSchema,
  ),
  /** Starts an application (no `id`, status `preparing`) or corrects its details (`id` + `version`). */
  'economicAutonomy.saveMicroCredit': channel(
    z
      .object({
        personId: idSchema,
        id: idSchema.optional(),
        siteId: idSchema.optional(),
        lenderEntryId: idSchema.nullable().default(null),
        appliedOn: calendarDateSchema,
        amountMinor: amountMinorSchema,
        currency: currencySchema,
        purpose: nonBlank(PURPOSE_MAX),
        version: versionSchema.optional(),
      })
      .strict(),
    microCreditSchema,
  ),
  /** Moves an application to its next status on a day (submitted, approved, refused, …). */
  'economicAutonomy.addMicroCreditStep': channel(
    z
      .object({
        personId: idSchema,
        applicationId: idSchema,
        status: z.enum(MICRO_CREDIT_STATUSES),
        on: calendarDateSchema,
        note: nonBlank(STEP_NOTE_MAX).nullable().default(null),
        version: versionSchema,
      })
      .strict(),
    microCreditSchema,
  ),
};
