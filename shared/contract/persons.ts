import { z } from 'zod';
import {
  CONTACT_CHANNELS,
  ENTRY_DOORS,
  HEALTH_COVERAGES,
  KEY_POPULATIONS,
  SEX_AT_BIRTH,
} from '../domain/catalogues';
import { channel } from './channel';
import { mergeInputSchema } from './merge';
import {
  consentScopeSchema,
  idSchema,
  isoDateTimeSchema,
  localeSchema,
  sectionSchema,
  versionSchema,
} from './common';

/** A phone number as people write it: digits with spaces, dots, dashes, brackets, an optional +. */
export const phoneSchema = z
  .string()
  .trim()
  .max(32)
  .regex(/^\+?[0-9 ().-]+$/, { message: 'phone_format' })
  .refine((v) => v.replace(/\D/g, '').length >= 6 && v.replace(/\D/g, '').length <= 15, {
    message: 'phone_format',
  });
export const emailSchema = z
  .string()
  .trim()
  .max(200)
  .pipe(z.email({ message: 'email_format' }));
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
/** A calendar date (YYYY-MM-DD). */
export const dateSchema = z.iso.date();

export const contactSchema = z.object({
  phone: phoneSchema.nullable().optional(),
  email: emailSchema.nullable().optional(),
  channels: z.array(z.enum(CONTACT_CHANNELS)).max(4).default([]),
  wording: optionalText(300),
  neverContact: z.boolean().default(false),
});

export const personInputSchema = z.object({
  nameUsed: z.string().trim().min(1).max(100),
  legalName: optionalText(200),
  pronouns: optionalText(40),
  genderIdentity: optionalText(60),
  sexAtBirth: z.enum(SEX_AT_BIRTH).nullable().optional(),
  birthDate: dateSchema.nullable().optional(),
  birthYear: z.number().int().min(1900).max(2100).nullable().optional(),
  languages: z.array(z.string().trim().min(1).max(40)).max(10).default([]),
  countryOfBirth: optionalText(80),
  keyPopulations: z.array(z.enum(KEY_POPULATIONS)).max(KEY_POPULATIONS.length).default([]),
  healthCoverage: z.enum(HEALTH_COVERAGES).default('unknown'),
  contact: contactSchema.default({ channels: [], neverContact: false }),
  entryDoor: z.enum(ENTRY_DOORS).nullable().optional(),
  siteId: idSchema,
});
export type PersonInput = z.input<typeof personInputSchema>;

/**
 * The sharing questions asked when a file is created. "later" is an explicit answer that records
 * nothing: the check-in dialog then says the consent is missing.
 */
export const CREATION_CONSENT_SCOPES = ['care_team', 'external_referral', 'contact'] as const;
export const CONSENT_ANSWERS = ['given', 'refused', 'later'] as const;
export type ConsentAnswer = (typeof CONSENT_ANSWERS)[number];
export const creationConsentsSchema = z.partialRecord(consentScopeSchema, z.enum(CONSENT_ANSWERS));
/** A new file, with the consent answers given at the desk: recorded in the same transaction. */
export const newPersonInputSchema = personInputSchema.extend({ consents: creationConsentsSchema.optional() });
export type NewPersonInput = z.input<typeof newPersonInputSchema>;

export const personSchema = z.object({
  id: idSchema,
  fileNumber: z.string(),
  siteId: z.string(),
  nameUsed: z.string(),
  legalName: z.string().nullable(),
  pronouns: z.string().nullable(),
  genderIdentity: z.string().nullable(),
  sexAtBirth: z.enum(SEX_AT_BIRTH).nullable(),
  birthDate: z.string().nullable(),
  birthYear: z.number().int().nullable(),
  languages: z.array(z.string()),
  countryOfBirth: z.string().nullable(),
  keyPopulations: z.array(z.enum(KEY_POPULATIONS)),
  healthCoverage: z.enum(HEALTH_COVERAGES),
  contact: z.object({
    phone: z.string().nullable(),
    email: z.string().nullable(),
    channels: z.array(z.enum(CONTACT_CHANNELS)),
    wording: z.string().nullable(),
    neverContact: z.boolean(),
  }),
  entryDoor: z.enum(ENTRY_DOORS).nullable(),
  mergedInto: z.string().nullable(),
  createdAt: isoDateTimeSchema,
  version: versionSchema,
});
export type Person = z.infer<typeof personSchema>;

export const searchResultSchema = z.object({
  id: idSchema,
  fileNumber: z.string(),
  nameUsed: z.string(),
  pronouns: z.string().nullable(),
  birthYear: z.number().int().nullable(),
  siteCode: z.string(),
  /** Which field matched: a legal name is never shown in results, only said to have matched. */
  matchedOn: z.enum(['name_used', 'legal_name', 'file_number', 'phone']),
  /** Whether the person is in the centre now; null for a reader who may not read the pathway. */
  hasOpenVisit: z.boolean().nullable(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

export const duplicateSchema = z.object({
  id: idSchema,
  fileNumber: z.string(),
  nameUsed: z.string(),
  birthYear: z.number().int().nullable(),
  score: z.number(),
  reasons: z.array(z.enum(['name', 'legal_name', 'birth_year', 'phone'])),
});

export const consentStateSchema = z.object({
  scope: consentScopeSchema,
  given: z.boolean(),
  recordedAt: isoDateTimeSchema.nullable(),
  recordedByName: z.string().nullable(),
});
export const consentEventSchema = z.object({
  id: idSchema,
  scope: consentScopeSchema,
  given: z.boolean(),
  recordedAt: isoDateTimeSchema,
  recordedByName: z.string().nullable(),
  note: z.string().nullable(),
});
export type ConsentState = z.infer<typeof consentStateSchema>;

export const accessLogEntrySchema = z.object({
  at: isoDateTimeSchema,
  userName: z.string().nullable(),
  section: sectionSchema.nullable(),
  action: z.string(),
  reason: z.string().nullable(),
});

/** One line of the grouped view: a reader, a local day of the file's site, a section, an action. */
export const accessLogGroupSchema = z.object({
  readerId: z.string().nullable(),
  readerName: z.string().nullable(),
  day: z.string(),
  section: z.string().nullable(),
  action: z.string(),
  count: z.number().int(),
  firstTime: z.string(),
  lastTime: z.string(),
  lastAt: isoDateTimeSchema,
  reasons: z.array(z.string()),
});

/**
 * The log as the core groups it (by account, in the time zone of the file's site), so the screen
 * and the printed report always show the same lines.
 */
export const accessLogSchema = z.object({
  timeZone: z.string(),
  entries: z.array(accessLogEntrySchema),
  groups: z.array(accessLogGroupSchema),
  /** Lines of parts this reader may not read are left out (the report says whom to ask). */
  withheld: z.boolean(),
});

export const pdfSchema = z.object({ filename: z.string(), base64: z.string() });

export const personsChannels = {
  'persons.create': channel(newPersonInputSchema.strict(), personSchema),
  'persons.update': channel(
    personInputSchema.extend({ id: idSchema, version: versionSchema }).strict(),
    personSchema,
  ),
  'persons.get': channel(z.object({ id: idSchema }).strict(), personSchema),
  'persons.search': channel(
    z
      .object({
        query: z.string().trim().min(1).max(100),
        limit: z.number().int().min(1).max(50).default(20),
      })
      .strict(),
    z.array(searchResultSchema),
  ),
  'persons.duplicates': channel(
    z
      .object({
        nameUsed: z.string().trim().max(100).default(''),
        legalName: z.string().trim().max(200).nullable().optional(),
        birthYear: z.number().int().min(1900).max(2100).nullable().optional(),
        birthDate: dateSchema.nullable().optional(),
        phone: z.string().trim().max(32).nullable().optional(),
        excludeId: idSchema.optional(),
      })
      .strict(),
    z.array(duplicateSchema),
  ),
  /** Coordination only: everything moves to the kept file, which takes the values chosen field by field. */
  'persons.merge': channel(mergeInputSchema, personSchema),
  'persons.consents': channel(
    z.object({ personId: idSchema }).strict(),
    z.object({ current: z.array(consentStateSchema), history: z.array(consentEventSchema) }),
  ),
  'persons.recordConsent': channel(
    z
      .object({
        personId: idSchema,
        scope: consentScopeSchema,
        given: z.boolean(),
        note: z.string().trim().max(500).optional(),
      })
      .strict(),
    z.object({ current: z.array(consentStateSchema), history: z.array(consentEventSchema) }),
  ),
  // A document for the person, in the language they read (default: the centre's language).
  'persons.consentForm': channel(
    z.object({ personId: idSchema, locale: localeSchema.optional() }).strict(),
    pdfSchema,
  ),
  'persons.accessLog': channel(z.object({ personId: idSchema }).strict(), accessLogSchema),
  'persons.accessLogPdf': channel(
    z.object({ personId: idSchema, locale: localeSchema.optional() }).strict(),
    pdfSchema,
  ),
  'persons.breakGlass': channel(
    z.object({ personId: idSchema, reason: z.string().trim().min(10).max(500) }).strict(),
    z.object({ expiresAt: isoDateTimeSchema }),
  ),
};
