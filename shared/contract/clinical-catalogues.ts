/**
 * The centre's clinical catalogues (docs/clinical-pathway.md, section 2): one zod schema per
 * catalogue, used on every read and write of `catalogue_version.content`, and the channels of the
 * settings screen. Numbers outside their range are refused here, next to their field; the rules
 * that compare two versions (a code removed, renamed) are the service's.
 */
import { z } from 'zod';
import {
  ADMINISTRATION_ROUTES,
  ANATOMICAL_SITES,
  CATALOGUE_KEYS,
  HBV_MARKERS,
  INFECTIONS,
  TEST_CODES,
  TEST_KINDS,
  VACCINE_CODES,
  type CatalogueContent,
  type CatalogueKey,
} from '../domain/clinical-catalogues';
import { channel } from './channel';
import { idSchema, isoDateTimeSchema, pageOf, pageSchema } from './common';

export const catalogueKeySchema = z.enum(CATALOGUE_KEYS);

const resultTypeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('reactivity') }).strict(),
  z.object({ type: z.literal('detection'), withValue: z.boolean() }).strict(),
  z.object({ type: z.literal('per_target'), targets: z.array(z.enum(INFECTIONS)).min(1) }).strict(),
  z.object({ type: z.literal('positivity') }).strict(),
  z.object({ type: z.literal('titre') }).strict(),
  z.object({ type: z.literal('markers'), markers: z.array(z.enum(HBV_MARKERS)).min(1) }).strict(),
  z.object({ type: z.literal('immunity') }).strict(),
  z.object({ type: z.literal('creatinine_egfr') }).strict(),
]);

const testDefinitionSchema = z
  .object({
    code: z.enum(TEST_CODES),
    kind: z.enum(TEST_KINDS),
    result: resultTypeSchema,
    detects: z.array(z.enum(INFECTIONS)),
    sites: z.array(z.enum(ANATOMICAL_SITES)),
    reactiveNeedsConfirmation: z.boolean(),
    confirmedBy: z.enum(TEST_CODES).optional(),
    testOfCure: z.boolean(),
    active: z.boolean().optional(),
  })
  .strict();

const testsSchema = z.record(z.enum(TEST_CODES), testDefinitionSchema).superRefine((tests, ctx) => {
  for (const [key, test] of Object.entries(tests))
    if (test.code !== key)
      ctx.addIssue({ code: 'custom', message: 'catalogue_code_renamed', path: [key, 'code'] });
});

/** A drug's name and dose as printed on the prescription: free text, short. */
const drugText = z.string().trim().min(1).max(80);

const treatmentDefaultSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('drug'),
      drug: drugText,
      dose: drugText,
      route: z.enum(ADMINISTRATION_ROUTES),
      timesPerDay: z.number().int().min(1).max(6),
      durationDays: z.number().int().min(1).max(90),
    })
    .strict(),
  z.object({ kind: z.literal('referral'), to: z.literal('hospital_service') }).strict(),
]);

const treatmentsSchema = z.partialRecord(z.enum(INFECTIONS), treatmentDefaultSchema);

const prepSchema = z
  .object({
    firstAfterMonths: z.number().int().min(1).max(12),
    everyMonths: z.number().int().min(1).max(12),
    lostAfterMonths: z.number().int().min(1).max(24),
    dueSoonDays: z.number().int().min(1).max(31),
  })
  .strict();

const offsetSchema = z
  .object({
    months: z.number().int().min(0).max(60).optional(),
    days: z.number().int().min(0).max(1830).optional(),
  })
  .strict();

const vaccineScheduleSchema = z
  .object({
    code: z.enum(VACCINE_CODES),
    doses: z.array(offsetSchema).min(1).max(6),
    latest: z.record(z.string().regex(/^[1-6]$/), offsetSchema).optional(),
    dosesIfSmallpoxVaccinated: z.number().int().min(1).max(6).optional(),
    minIntervalDays: z.number().int().min(1).max(365).optional(),
    boosterAfterMonths: z.number().int().min(1).max(240).optional(),
  })
  .strict()
  .superRefine((schedule, ctx) => {
    const days = (o: { months?: number | undefined; days?: number | undefined }) =>
      (o.months ?? 0) * 30.44 + (o.days ?? 0);
    const first = schedule.doses[0];
    if (first && days(first) !== 0)
      ctx.addIssue({ code: 'custom', message: 'vaccine_first_dose_offset', path: ['doses', 0] });
    schedule.doses.forEach((dose, i) => {
      const before = schedule.doses[i - 1];
      if (i > 0 && before && days(dose) <= days(before))
        ctx.addIssue({ code: 'custom', message: 'vaccine_doses_order', path: ['doses', i] });
    });
    if (
      schedule.dosesIfSmallpoxVaccinated !== undefined &&
      schedule.dosesIfSmallpoxVaccinated > schedule.doses.length
    )
      ctx.addIssue({ code: 'custom', message: 'vaccine_doses_count', path: ['dosesIfSmallpoxVaccinated'] });
  });

const vaccinesSchema = z.record(z.enum(VACCINE_CODES), vaccineScheduleSchema).superRefine((vaccines, ctx) => {
  for (const [key, schedule] of Object.entries(vaccines))
    if (schedule.code !== key)
      ctx.addIssue({ code: 'custom', message: 'catalogue_code_renamed', path: [key, 'code'] });
});

/** ICD-10: a letter, two digits, optionally a dot and up to four characters (A63.0, B18.1). */
// Codes as typed: one with spaces around it is refused by its format, never trimmed into another.
export const diagnosisCodeSchema = z
  .string()
  .regex(/^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$/, { message: 'diagnosis_code_format' });
/** A label the centre gives an added code or specialty. */
export const catalogueLabelSchema = z
  .string()
  .max(120)
  .refine((text) => text.trim().length > 0, { message: 'required' });

const diagnosisSchema = z
  .object({
    code: diagnosisCodeSchema,
    infection: z.enum(INFECTIONS).optional(),
    label: catalogueLabelSchema.optional(),
    active: z.boolean().optional(),
  })
  .strict();

/** Two entries with one code: the second is refused where it stands. */
function uniqueCodes(list: ReadonlyArray<{ code: string }>, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  list.forEach((entry, i) => {
    if (seen.has(entry.code))
      ctx.addIssue({ code: 'custom', message: 'catalogue_code_duplicate', path: [i, 'code'] });
    seen.add(entry.code);
  });
}

const diagnosesSchema = z.array(diagnosisSchema).max(500).superRefine(uniqueCodes);

/** A specialty code: lower-case letters, digits and underscores (gynaecology, hormone_therapy). */
export const specialtyCodeSchema = z
  .string()
  .min(2)
  .max(32)
  .regex(/^[a-z][a-z0-9_]*$/, { message: 'specialty_code_format' });

const specialtySchema = z
  .object({ code: specialtyCodeSchema, active: z.boolean(), label: catalogueLabelSchema.optional() })
  .strict();

const specialtiesSchema = z.array(specialtySchema).max(100).superRefine(uniqueCodes);

const egfrSchema = z
  .object({
    alertBelow: z.number().int().min(1).max(300),
    min: z.number().int().min(0).max(300),
    max: z.number().int().min(1).max(300),
  })
  .strict()
  .superRefine((egfr, ctx) => {
    if (egfr.min >= egfr.max) ctx.addIssue({ code: 'custom', message: 'egfr_range_order', path: ['max'] });
    else if (egfr.alertBelow <= egfr.min || egfr.alertBelow > egfr.max)
      ctx.addIssue({ code: 'custom', message: 'egfr_alert_outside_range', path: ['alertBelow'] });
  });

/** The schema of each catalogue's content: what is stored, read back and sent. */
export const CATALOGUE_SCHEMAS = {
  tests: testsSchema,
  treatments: treatmentsSchema,
  prep: prepSchema,
  vaccines: vaccinesSchema,
  diagnoses: diagnosesSchema,
  specialties: specialtiesSchema,
  egfr: egfrSchema,
} as const satisfies { readonly [K in CatalogueKey]: z.ZodType };

// The schemas and the domain types describe the same shapes (checked at compile time).
type SchemaOutputs = { [K in CatalogueKey]: z.output<(typeof CATALOGUE_SCHEMAS)[K]> };
const _shapesAgree: { [K in CatalogueKey]: (c: SchemaOutputs[K]) => CatalogueContent[K] } = {
  tests: (c) => c,
  treatments: (c) => c,
  prep: (c) => c,
  vaccines: (c) => c,
  diagnoses: (c) => c,
  specialties: (c) => c,
  egfr: (c) => c,
};
void _shapesAgree;

/** Parses one catalogue's content; throws the zod error (its path names the field). */
export function parseCatalogue<K extends CatalogueKey>(key: K, content: unknown): CatalogueContent[K] {
  return CATALOGUE_SCHEMAS[key].parse(content) as CatalogueContent[K];
}

/**
 * One catalogue's save. The input stays one object (every channel's input is: the fuzz tests and
 * the dispatcher rely on it); `content` is checked with the schema of the catalogue named, its
 * refusals under `content.` as the core and the editor both name them.
 */
const saveInputSchema = z
  .object({
    catalogue: catalogueKeySchema,
    /** The version the editor started from (0 = the shipped default). */
    version: z.number().int().min(0),
    content: z.unknown(),
    reason: z.string().trim().min(3).max(500),
  })
  .strict()
  .superRefine((input, ctx) => {
    const parsed = CATALOGUE_SCHEMAS[input.catalogue].safeParse(input.content);
    for (const issue of parsed.error?.issues ?? [])
      ctx.addIssue({ ...issue, path: ['content', ...issue.path] });
  });

export interface CatalogueSaveInput<K extends CatalogueKey = CatalogueKey> {
  catalogue: K;
  version: number;
  content: CatalogueContent[K];
  reason: string;
}

export const catalogueViewSchema = z.object({
  catalogue: catalogueKeySchema,
  /** 0 = the shipped default, nobody edited it yet. */
  version: z.number().int().min(0),
  content: z.unknown(),
  updatedAt: isoDateTimeSchema.nullable(),
});
export interface CatalogueView<K extends CatalogueKey = CatalogueKey> {
  catalogue: K;
  version: number;
  content: CatalogueContent[K];
  updatedAt: string | null;
}

export const catalogueHistoryEntrySchema = z.object({
  id: idSchema,
  version: z.number().int().min(1),
  reason: z.string(),
  createdBy: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: isoDateTimeSchema,
});
export type CatalogueHistoryEntry = z.infer<typeof catalogueHistoryEntrySchema>;

export const cataloguesChannels = {
  /** Every catalogue as the centre uses it now (any signed-in user: forms read it). */
  'catalogues.current': channel(
    z.object({}).strict(),
    z.object({ catalogues: z.array(catalogueViewSchema) }),
  ),
  /** The versions of one catalogue, newest first (who, when, why), a page at a time. */
  'catalogues.history': channel(
    pageSchema.extend({ catalogue: catalogueKeySchema }).strict(),
    pageOf(catalogueHistoryEntrySchema),
  ),
  /** Appends a version; refused when someone saved another since `version`. */
  'catalogues.save': channel(saveInputSchema, catalogueViewSchema),
};
