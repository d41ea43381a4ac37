/**
 * Screenings: samples taken (or ordered by a consultation), their results, confirmations and
 * "result given". A result's value is typed by its test's `ResultType`: `resultValueSchema` builds
 * the zod schema of one type, used by the core to decide and by the form to refuse next to a field.
 */
import { z } from 'zod';
import {
  ANATOMICAL_SITES,
  DETECTION_VALUES,
  IMMUNITY_VALUES,
  INFECTIONS,
  POSITIVITY_VALUES,
  REACTIVITY_VALUES,
  TEST_CODES,
  type EgfrRules,
  type ResultType,
} from '../domain/clinical-catalogues';
import {
  RESULT_INTERPRETATIONS,
  RESULT_SOURCES,
  SAMPLE_STATUSES,
  type ResultValue,
} from '../domain/screenings';
import { channel } from './channel';
import { idSchema, isoDateTimeSchema, versionSchema } from './common';
import { dateSchema } from './persons';
import { forPersonInputSchema, sectionItemsSchema } from './section';

export const RESULT_TYPES = [
  'reactivity',
  'detection',
  'per_target',
  'positivity',
  'titre',
  'markers',
  'immunity',
  'creatinine_egfr',
] as const;

/** A non-treponemal titre as labs write it: 1:1 … 1:65536. */
export const TITRE_PATTERN = /^1:[1-9]\d{0,4}$/;
/** Creatinine in µmol/L: outside this range it is a typing error, not a measure. */
export const CREATININE_RANGE = { min: 1, max: 3000 } as const;
/** A viral load in copies/mL. */
export const VIRAL_LOAD_MAX = 1_000_000_000;

const word = z.string().max(40);

/**
 * A value as it crosses the wire: an object with its `type` and small parts. It is only bounded
 * here; the core parses it with `resultValueSchema` of the sample's test, so every refusal of a
 * part is `result_value_invalid` on `value.<part>`.
 */
export const resultValueInputSchema = z
  .object({ type: z.enum(RESULT_TYPES) })
  .catchall(z.union([word, z.number(), z.null(), z.record(word, word)]));

const strictPart = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values);

/** The zod schema of one result type (the eGFR range comes from the centre's `egfr` catalogue). */
export function resultValueSchema(
  type: ResultType,
  egfr: Pick<EgfrRules, 'min' | 'max'>,
): z.ZodType<ResultValue> {
  switch (type.type) {
    case 'reactivity':
      return z.object({ type: z.literal('reactivity'), reactivity: strictPart(REACTIVITY_VALUES) }).strict();
    case 'detection': {
      const base = z.object({
        type: z.literal('detection'),
        detection: strictPart(DETECTION_VALUES),
        viralLoad: z.number().int().min(0).max(VIRAL_LOAD_MAX).nullable().optional(),
      });
      return base.strict().superRefine((v, ctx) => {
        const hasLoad = v.viralLoad !== undefined && v.viralLoad !== null;
        // A test with a value carries the viral load when detected, and only then.
        if (type.withValue && v.detection === 'detected' && !hasLoad)
          ctx.addIssue({ code: 'custom', path: ['viralLoad'], message: 'result_value_invalid' });
        if (hasLoad && (!type.withValue || v.detection !== 'detected'))
          ctx.addIssue({ code: 'custom', path: ['viralLoad'], message: 'result_value_invalid' });
      });
    }
    case 'per_target':
      return z
        .object({
          type: z.literal('per_target'),
          targets: z
            .object(Object.fromEntries(type.targets.map((t) => [t, strictPart(DETECTION_VALUES)])))
            .strict(),
        })
        .strict();
    case 'positivity':
      return z.object({ type: z.literal('positivity'), positivity: strictPart(POSITIVITY_VALUES) }).strict();
    case 'titre':
      return z
        .object({
          type: z.literal('titre'),
          positivity: strictPart(POSITIVITY_VALUES),
          // Kept as given: a titre with spaces around it is refused, not rewritten.
          titre: z.string().regex(TITRE_PATTERN).nullable().optional(),
        })
        .strict()
        .superRefine((v, ctx) => {
          // A positive syphilis serology carries its titre; a negative one has none.
          if (v.positivity === 'positive' && !v.titre)
            ctx.addIssue({ code: 'custom', path: ['titre'], message: 'result_value_invalid' });
          if (v.positivity === 'negative' && v.titre)
            ctx.addIssue({ code: 'custom', path: ['titre'], message: 'result_value_invalid' });
        });
    case 'markers':
      return z
        .object({
          type: z.literal('markers'),
          markers: z
            .object(Object.fromEntries(type.markers.map((m) => [m, strictPart(POSITIVITY_VALUES)])))
            .strict(),
        })
        .strict();
    case 'immunity':
      return z.object({ type: z.literal('immunity'), immunity: strictPart(IMMUNITY_VALUES) }).strict();
    case 'creatinine_egfr':
      return z
        .object({
          type: z.literal('creatinine_egfr'),
          creatinine: z.number().min(CREATININE_RANGE.min).max(CREATININE_RANGE.max),
          egfr: z.number().min(egfr.min).max(egfr.max),
        })
        .strict();
  }
}

/**
 * The part of a value a refusal names (`value.<part>`): the issue's path, or the unexpected key.
 */
export function refusedPart(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys' && issue.keys.length) path.push(issue.keys[0]);
  return ['value', ...path].join('.');
}

/** A stored value, as the core answers it (parsed on save; kept as saved). */
const storedValueSchema = z.custom<ResultValue>(
  (v) => typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string',
);

/** Longest laboratory reference kept (lab CSV `lab_reference`, the `result` record's `labReference`). */
export const LAB_REFERENCE_MAX = 64;

export const resultSchema = z.object({
  id: idSchema,
  sampleId: idSchema,
  testCode: z.enum(TEST_CODES),
  value: storedValueSchema,
  interpretation: z.enum(RESULT_INTERPRETATIONS),
  infections: z.array(z.enum(INFECTIONS)),
  resultedAt: isoDateTimeSchema,
  source: z.enum(RESULT_SOURCES),
  /** The laboratory's own reference for its report (lab CSV `lab_reference`), as the file gave it. */
  labReference: z.string().nullable(),
  toGive: z.boolean(),
  givenAt: isoDateTimeSchema.nullable(),
  givenBy: z.string().nullable(),
  givenByName: z.string().nullable(),
  authorId: z.string().nullable(),
  version: versionSchema,
});
export type ScreeningResult = z.infer<typeof resultSchema>;

export const sampleSchema = z.object({
  id: idSchema,
  personId: idSchema,
  screeningId: idSchema,
  siteId: idSchema,
  visitId: z.string().nullable(),
  /** The screening's day (the site's local date). */
  takenOn: dateSchema,
  testCode: z.enum(TEST_CODES),
  anatomicalSite: z.enum(ANATOMICAL_SITES).nullable(),
  status: z.enum(SAMPLE_STATUSES),
  orderedBy: z.string().nullable(),
  takenAt: isoDateTimeSchema.nullable(),
  takenBy: z.string().nullable(),
  takenByName: z.string().nullable(),
  /** The reactive rapid test this sample confirms. */
  confirmsResultId: z.string().nullable(),
  authorId: z.string().nullable(),
  version: versionSchema,
  result: resultSchema.nullable(),
});
export type Sample = z.infer<typeof sampleSchema>;

const sampleOrderSchema = z
  .object({
    testCode: z.enum(TEST_CODES),
    anatomicalSite: z.enum(ANATOMICAL_SITES).nullable().optional(),
  })
  .strict();

export const screeningsChannels = {
  /** The Tests tab of a dossier: every sample with its result, newest day first. */
  'screenings.forPerson': channel(forPersonInputSchema, sectionItemsSchema(sampleSchema)),
  /** The nurse's screening: new samples taken now, and ordered samples marked taken. */
  'screenings.saveSamples': channel(
    z
      .object({
        personId: idSchema,
        siteId: idSchema,
        visitId: idSchema.nullable().optional(),
        /** When the samples were taken; left out, now by the core's clock (the screen sends none). */
        takenAt: isoDateTimeSchema.optional(),
        add: z.array(sampleOrderSchema).max(40).default([]),
        take: z
          .array(z.object({ id: idSchema, version: versionSchema }).strict())
          .max(40)
          .default([]),
      })
      .strict(),
    z.object({ samples: z.array(sampleSchema) }),
  ),
  /** A taken sample's result; a reactive rapid test also orders its confirmation. */
  'screenings.saveResult': channel(
    z
      .object({
        personId: idSchema,
        sampleId: idSchema,
        value: resultValueInputSchema,
        resultedAt: isoDateTimeSchema,
        source: z.enum(['on_site', 'lab']).default('on_site'),
      })
      .strict(),
    z.object({ sample: sampleSchema, confirmation: sampleSchema.nullable() }),
  ),
  /** The result was told to the person ("résultat rendu"). */
  'screenings.give': channel(
    z
      .object({ personId: idSchema, resultId: idSchema, version: versionSchema, givenAt: isoDateTimeSchema })
      .strict(),
    sampleSchema,
  ),
};

// The interchange records (docs/import-format.md), registered in shared/contract/interchange.ts.
const nullableId = idSchema.nullable().default(null);

/** A person's screening of one day at one site. */
export const screeningRecord = z
  .object({
    type: z.literal('screening'),
    id: idSchema,
    personId: idSchema,
    visitId: nullableId,
    siteId: idSchema,
    takenOn: dateSchema,
    authorId: nullableId,
  })
  .strict();

/** A sample of a screening (one per anatomical site for CT/NG). */
export const sampleRecord = z
  .object({
    type: z.literal('sample'),
    id: idSchema,
    screeningId: idSchema,
    personId: idSchema,
    siteId: idSchema,
    testCode: z.enum(TEST_CODES),
    anatomicalSite: z.enum(ANATOMICAL_SITES).nullable().default(null),
    status: z.enum(SAMPLE_STATUSES),
    orderedBy: nullableId,
    takenAt: isoDateTimeSchema.nullable().default(null),
    takenBy: nullableId,
    confirmsResultId: nullableId,
    authorId: nullableId,
  })
  .strict();

/** The result of a sample, with what was read from it at the time (never recomputed). */
export const resultRecord = z
  .object({
    type: z.literal('result'),
    id: idSchema,
    sampleId: idSchema,
    personId: idSchema,
    siteId: idSchema,
    testCode: z.enum(TEST_CODES),
    value: resultValueInputSchema,
    interpretation: z.enum(RESULT_INTERPRETATIONS),
    // What the result revealed and whether it is still to tell are never guessed for a missing
    // field: an empty list would hide a positive, `false` would mark it told.
    infections: z.array(z.enum(INFECTIONS)),
    resultedAt: isoDateTimeSchema,
    source: z.enum(RESULT_SOURCES).default('on_site'),
    importId: nullableId,
    labReference: z.string().max(LAB_REFERENCE_MAX).nullable().default(null),
    toGive: z.boolean(),
    givenAt: isoDateTimeSchema.nullable().default(null),
    givenBy: nullableId,
    authorId: nullableId,
  })
  .strict();
