/**
 * The interchange format (docs/import-format.md): JSON Lines, one record per line, each with a
 * `type` and a stable `id`; references are by id. Every capability adds its record types here.
 */
import { z } from 'zod';
import { SUPPORT_DESCRIPTION_MAX, SUPPORT_KINDS } from '../domain/social-support';
import {
  PSY_DURATION_MAX_MIN,
  PSY_FEEDBACK_MAX,
  PSY_GROUP_LABEL_MAX,
  PSY_NOTE_MAX,
  PSY_REFERRAL_REASON_MAX,
  PSY_SESSION_KINDS,
} from '../domain/psy-support';
import { prescriptionLineSchema } from './consultations';
import {
  APPOINTMENT_STATUSES,
  APPOINTMENT_TYPES,
  DIRECTORY_CATEGORIES,
  EXPOSURE_TYPES,
  FRIENDLINESS,
  INTERVIEW_NEEDS,
  PREVENTION_TOOLS,
  REFERRAL_STATUSES,
  SUBSTANCES,
  VIOLENCE_SCREENING,
  VISIT_PRIORITIES,
  VISIT_STEPS,
} from '../domain/catalogues';
import {
  consentScopeSchema,
  idSchema,
  isoDateTimeSchema,
  localeSchema,
  roleSchema,
  usernameSchema,
} from './common';
import {
  DEFAULT_PHONE_PREFIX,
  DEFAULT_UNUSUAL_READS_PER_HOUR,
  phoneCountryCodeSchema,
  phoneTrunkPrefixSchema,
  UNUSUAL_READS_MAX,
  UNUSUAL_READS_MIN,
} from './centre';
import { PREP_REGIMENS } from '../domain/clinical-catalogues';
import { PREP_EPISODE_STATUSES, PREP_NOTE_MAX, PREP_STOP_REASONS } from '../domain/prep';
import { CATALOGUE_SCHEMAS, catalogueKeySchema } from './clinical-catalogues';
import { WAITING_LIST_ORIGINS, WAITING_LIST_STATUSES } from '../domain/waiting-lists';
import {
  CERTIFICATE_REQUESTERS,
  CERTIFICATE_SHORT_MAX,
  CERTIFICATE_TEXT_MAX,
  GBVIMS_TYPES,
  IDENTITY_CHECKS,
  ITT_MAX_DAYS,
  LESIONS_MAX,
  NARRATIVE_MAX,
  PERPETRATORS,
  PLACE_KINDS,
  PROTOCOL_ITEMS,
  PROTOCOL_LINKABLE,
  PROTOCOL_NOTE_MAX,
  PROTOCOL_OUTCOMES,
  PROTOCOL_STATUSES,
  REPORTED_TO,
  SEED_TYPES,
} from '../domain/violence';
import {
  ACTION_STATUSES,
  ACTION_TITLE_MAX,
  CASE_PLAN_STATUSES,
  CLOSURE_REASONS,
  PLAN_AXES,
  PLAN_ITEM_KINDS,
  PLAN_ITEM_STATES,
  PLAN_ITEM_TEXT_MAX,
  REASON_MAX,
  SAFETY_TEXT_MAX,
} from '../domain/case-plans';
import {
  CASE_REFERENCE_MAX,
  COURT_MAX,
  HEARING_KINDS,
  HEARING_STATUSES,
  NOTE_MAX as LEGAL_NOTE_MAX,
  PLACE_MAX,
  PROCEDURE_OUTCOMES,
  PROCEDURE_STAGES,
  PROCEDURE_TYPES,
} from '../domain/legal';
import { DECISIONS_MAX, EXTERNAL_PARTICIPANTS_MAX } from './meetings';
import {
  FIELD_LABEL_MAX,
  MICRO_CREDIT_STATUSES,
  PURPOSE_MAX,
  STEP_NOTE_MAX,
  TRAINING_FIELDS,
  TRAINING_STATUSES,
} from '../domain/economic-autonomy';
import {
  ATTACHMENT_CHUNK_BYTES,
  ATTACHMENT_DESCRIPTION_MAX,
  ATTACHMENT_FILE_NAME_MAX,
  ATTACHMENT_KINDS,
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_MEDIA_TYPES,
  ATTACHMENT_OWNER_TYPES,
  ATTACHMENT_ROTATIONS,
  SHA256_HEX,
} from '../domain/attachments';
import { professionalNumberSchema } from './users';
import { personInputSchema } from './persons';
import { resultRecord, sampleRecord, screeningRecord } from './screenings';
import { partnerRecord, toTreatRecord, treatmentRecord } from './treatments';
import { openingHoursSchema, siteContactSchema, siteInputSchema } from './setup';
import { VACCINE_CODES } from '../domain/clinical-catalogues';
import {
  VACCINE_COURSE_STATUSES,
  VACCINE_COURSE_VARIANTS,
  VACCINE_LOT_MAX,
  VACCINE_STOP_REASON_MAX,
} from '../domain/vaccinations';

export const INTERCHANGE_FORMAT_VERSION = 1;

export const headerRecord = z
  .object({
    type: z.literal('header'),
    format: z.literal('parcours-interchange'),
    formatVersion: z.number().int().min(1).max(INTERCHANGE_FORMAT_VERSION),
    exportedAt: z.string(),
    centre: z.string().optional(),
  })
  .strict();

export const centreRecord = z
  .object({
    type: z.literal('centre'),
    id: idSchema,
    name: z.string().trim().min(1).max(200),
    autoLockMinutes: z.number().int().min(1).max(240).default(10),
    defaultLocale: localeSchema.default('fr'),
    unusualReadsPerHour: z
      .number()
      .int()
      .min(UNUSUAL_READS_MIN)
      .max(UNUSUAL_READS_MAX)
      .default(DEFAULT_UNUSUAL_READS_PER_HOUR),
    phoneCountryCode: phoneCountryCodeSchema.default(DEFAULT_PHONE_PREFIX.countryCode),
    phoneTrunkPrefix: phoneTrunkPrefixSchema.default(DEFAULT_PHONE_PREFIX.trunkPrefix),
  })
  .strict();

export const siteRecord = siteInputSchema
  .extend({
    type: z.literal('site'),
    id: idSchema,
    city: z.string().trim().max(200).nullable().default(null),
    address: siteContactSchema.address.unwrap().default(null),
    phone: siteContactSchema.phone.unwrap().default(null),
    active: z.boolean().default(true),
    openingHours: openingHoursSchema.default(null),
  })
  .strict();

export const userRecord = z
  .object({
    type: z.literal('user'),
    id: idSchema,
    username: usernameSchema,
    displayName: z.string().trim().min(1).max(200),
    roles: z.array(roleSchema).min(1),
    siteIds: z.array(idSchema).min(1),
    active: z.boolean().default(true),
    locale: localeSchema.nullable().default(null),
    /** One of `siteIds`: where the account's screens start when the workstation remembers no site. */
    usualSiteId: idSchema.nullable().default(null),
    /** RPPS / ADELI number printed on prescriptions. */
    professionalNumber: professionalNumberSchema.nullable().default(null),
  })
  .strict();

/** One version of one clinical catalogue (centre data); `content` follows that catalogue's schema. */
export const catalogueVersionRecord = z
  .object({
    type: z.literal('catalogue_version'),
    id: idSchema,
    catalogue: catalogueKeySchema,
    version: z.number().int().min(1),
    content: z.unknown(),
    reason: z.string().trim().min(1).max(500),
    createdBy: idSchema.nullable().default(null),
    createdAt: isoDateTimeSchema,
  })
  .strict()
  .superRefine((record, ctx) => {
    const parsed = CATALOGUE_SCHEMAS[record.catalogue].safeParse(record.content);
    for (const issue of parsed.error?.issues ?? [])
      ctx.addIssue({ ...issue, path: ['content', ...issue.path] });
  });

const nullableText = (max: number) => z.string().max(max).nullable().default(null);
const nullableId = idSchema.nullable().default(null);

export const personRecord = personInputSchema
  .extend({
    type: z.literal('person'),
    id: idSchema,
    /** Kept as given (the old software's number); generated when absent. Never reused. */
    fileNumber: z.string().trim().min(1).max(32).optional(),
    mergedInto: nullableId,
    createdAt: isoDateTimeSchema.optional(),
  })
  .strict();

export const consentRecord = z
  .object({
    type: z.literal('consent'),
    id: idSchema,
    personId: idSchema,
    scope: consentScopeSchema,
    given: z.boolean(),
    recordedAt: isoDateTimeSchema,
    recordedBy: nullableId,
    note: nullableText(500),
  })
  .strict();

export const visitRecord = z
  .object({
    type: z.literal('visit'),
    id: idSchema,
    personId: idSchema,
    siteId: idSchema,
    openedAt: isoDateTimeSchema,
    closedAt: isoDateTimeSchema.nullable().default(null),
    origin: z.enum(['walk_in', 'appointment']).default('walk_in'),
    appointmentId: nullableId,
    step: z.enum(VISIT_STEPS).default('done'),
    priority: z.enum(VISIT_PRIORITIES).default('normal'),
    nextSteps: z.array(z.enum(INTERVIEW_NEEDS)).default([]),
  })
  .strict();

export const appointmentRecord = z
  .object({
    type: z.literal('appointment'),
    id: idSchema,
    personId: nullableId,
    siteId: idSchema,
    professionalId: idSchema,
    room: nullableText(60),
    appointmentType: z.enum(APPOINTMENT_TYPES),
    startsAt: isoDateTimeSchema,
    endsAt: isoDateTimeSchema,
    walkInSlot: z.boolean().default(false),
    status: z.enum(APPOINTMENT_STATUSES).default('booked'),
    notes: nullableText(1000),
  })
  .strict()
  .refine((a) => a.endsAt > a.startsAt, { message: 'before_start', path: ['endsAt'] });

export const interviewRecord = z
  .object({
    type: z.literal('interview'),
    id: idSchema,
    personId: idSchema,
    visitId: nullableId,
    heldAt: isoDateTimeSchema,
    reason: nullableText(1000),
    lastRiskAt: isoDateTimeSchema.nullable().default(null),
    exposures: z.array(z.enum(EXPOSURE_TYPES)).default([]),
    practices: nullableText(2000),
    partnersCount: z.number().int().min(0).nullable().default(null),
    prevention: z.array(z.enum(PREVENTION_TOOLS)).default([]),
    substances: z.array(z.enum(SUBSTANCES)).default([]),
    chemsex: z.boolean().default(false),
    violenceScreening: z.enum(VIOLENCE_SCREENING).default('not_asked'),
    needs: z.array(z.enum(INTERVIEW_NEEDS)).default([]),
    summary: nullableText(2000),
    notes: nullableText(10000),
    authorId: nullableId,
  })
  .strict();

export const directoryEntryRecord = z
  .object({
    type: z.literal('directory_entry'),
    id: idSchema,
    name: z.string().trim().min(1).max(200),
    kind: z.enum(['organisation', 'professional']),
    category: z.enum(DIRECTORY_CATEGORIES),
    city: nullableText(100),
    region: nullableText(100),
    phone: nullableText(32),
    email: nullableText(200),
    address: nullableText(300),
    languages: z.array(z.string().max(40)).default([]),
    friendliness: z.array(z.enum(FRIENDLINESS)).default([]),
    notes: nullableText(2000),
    internal: z.boolean().default(false),
    active: z.boolean().default(true),
    lastVerifiedAt: isoDateTimeSchema.nullable().default(null),
  })
  .strict();

export const referralRecord = z
  .object({
    type: z.literal('referral'),
    id: idSchema,
    personId: idSchema,
    entryId: idSchema,
    reason: z.string().trim().min(1).max(1000),
    referredAt: isoDateTimeSchema,
    status: z.enum(REFERRAL_STATUSES).default('proposed'),
    appointmentAt: isoDateTimeSchema.nullable().default(null),
    feedback: nullableText(2000),
    overrideReason: nullableText(500),
    authorId: nullableId,
  })
  .strict();

/** A PrEP episode (docs/clinical-pathway.md); its baseline checklist is read from the samples, not carried. */
export const prepEpisodeRecord = z
  .object({
    type: z.literal('prep_episode'),
    id: idSchema,
    personId: idSchema,
    siteId: idSchema,
    startedOn: z.iso.date(),
    regimen: z.enum(PREP_REGIMENS),
    status: z.enum(PREP_EPISODE_STATUSES).default('active'),
    stoppedOn: z.iso.date().nullable().default(null),
    stopReason: z.enum(PREP_STOP_REASONS).nullable().default(null),
    stopNote: nullableText(PREP_NOTE_MAX),
    restartOf: nullableId,
    nextDueOn: z.iso.date(),
    lastVisitOn: z.iso.date(),
    authorId: nullableId,
  })
  .strict()
  .refine((e) => (e.status === 'stopped') === (e.stoppedOn !== null), {
    message: 'prep_stop_date',
    path: ['stoppedOn'],
  });

export const prepFollowUpRecord = z
  .object({
    type: z.literal('prep_follow_up'),
    id: idSchema,
    episodeId: idSchema,
    personId: idSchema,
    siteId: idSchema,
    heldOn: z.iso.date(),
    creatinine: z.number().positive().nullable().default(null),
    egfr: z.number().nullable().default(null),
    adherenceNote: nullableText(PREP_NOTE_MAX),
    nextDueOn: z.iso.date(),
    authorId: nullableId,
  })
  .strict();

/** A collective workshop of a specialty (centre data): the seats are the entries booked into it. */
export const workshopRecord = z
  .object({
    type: z.literal('workshop'),
    id: idSchema,
    siteId: idSchema,
    specialty: z.string().trim().min(1).max(32),
    title: nullableText(120),
    startsAt: isoDateTimeSchema,
    endsAt: isoDateTimeSchema,
    capacity: z.number().int().min(1).max(200),
    facilitatorId: idSchema,
  })
  .strict();

/** An entry of a specialty's waiting list, with its booking (appointment, workshop) if any. */
export const waitingListEntryRecord = z
  .object({
    type: z.literal('waiting_list_entry'),
    id: idSchema,
    personId: idSchema,
    siteId: idSchema,
    specialty: z.string().trim().min(1).max(32),
    requestedOn: z.iso.date(),
    requestedBy: idSchema,
    origin: z.enum(WAITING_LIST_ORIGINS),
    note: nullableText(1000),
    status: z.enum(WAITING_LIST_STATUSES).default('waiting'),
    appointmentId: nullableId,
    workshopId: nullableId,
    cancelledReason: nullableText(500),
  })
  .strict();

/** A vaccine course: its state and next dose due as computed when its last dose was given. */
export const vaccineCourseRecord = z
  .object({
    type: z.literal('vaccine_course'),
    id: idSchema,
    personId: idSchema,
    siteId: idSchema,
    vaccineCode: z.enum(VACCINE_CODES),
    startedOn: z.iso.date(),
    variant: z.enum(VACCINE_COURSE_VARIANTS).nullable().default(null),
    status: z.enum(VACCINE_COURSE_STATUSES).default('in_progress'),
    nextDueOn: z.iso.date().nullable().default(null),
    nextDose: z.number().int().min(1).nullable().default(null),
    stoppedOn: z.iso.date().nullable().default(null),
    stopReason: z.string().max(VACCINE_STOP_REASON_MAX).nullable().default(null),
    authorId: nullableId,
  })
  .strict();

/** A dose of a course: its number in the course, the lot as typed, who gave it. */
export const vaccineDoseRecord = z
  .object({
    type: z.literal('vaccine_dose'),
    id: idSchema,
    courseId: idSchema,
    personId: idSchema,
    siteId: idSchema,
    doseNumber: z.number().int().min(1),
    givenOn: z.iso.date(),
    lot: z
      .string()
      .max(VACCINE_LOT_MAX)
      .refine((lot) => lot.trim().length > 0, { message: 'lot_required' }),
    givenBy: idSchema,
    authorId: nullableId,
  })
  .strict();

/** A consultation (GP: kind `gp`; specialist: the specialty code), with its ICD-10 diagnoses as a list. */
export const consultationRecord = z
  .object({
    type: z.literal('consultation'),
    id: idSchema,
    personId: idSchema,
    visitId: nullableId,
    siteId: idSchema,
    // Codes as given: one with spaces around it is not in the catalogue (refused, not trimmed).
    kind: z.string().min(1).max(32),
    heldAt: isoDateTimeSchema,
    reason: nullableText(1000),
    history: nullableText(10000),
    examination: nullableText(10000),
    conclusion: nullableText(10000),
    endedAt: isoDateTimeSchema.nullable().default(null),
    diagnoses: z.array(z.string().min(1).max(16)).max(30).default([]),
    authorId: nullableId,
  })
  .strict();

/** A prescription: its drugs as printed, the renewals, who signed it and when (the site's date). */
export const prescriptionRecord = z
  .object({
    type: z.literal('prescription'),
    id: idSchema,
    personId: idSchema,
    consultationId: nullableId,
    prepEpisodeId: nullableId,
    prescriberId: idSchema,
    issuedOn: z.iso.date(),
    lines: z.array(prescriptionLineSchema).min(1).max(20),
    renewals: z.number().int().min(0).max(12).default(0),
    authorId: nullableId,
  })
  .strict();

/** A violence incident with its 72-hour protocol's state as decided when it was recorded. */
export const violenceIncidentRecord = z
  .object({
    type: z.literal('violence_incident'),
    id: idSchema,
    personId: idSchema,
    siteId: idSchema,
    occurredOn: z.iso.date(),
    occurredAt: z.iso.datetime({ offset: true }).nullable().default(null),
    dateApproximate: z.boolean().default(false),
    placeKind: z.enum(PLACE_KINDS),
    perpetrators: z.array(z.enum(PERPETRATORS)).default([]),
    seedTypes: z.array(z.enum(SEED_TYPES)).refine((t) => t.length > 0, { message: 'types_required' }),
    gbvimsType: z.enum(GBVIMS_TYPES),
    trafficking: z.boolean().default(false),
    reported: z.enum(REPORTED_TO).default('unknown'),
    reportedOn: z.iso.date().nullable().default(null),
    protocolStatus: z.enum(PROTOCOL_STATUSES).default('not_applicable'),
    protocolDeadline: z.iso.datetime({ offset: true }).nullable().default(null),
    authorId: nullableId,
  })
  .strict();

/** The narrative of an incident, kept exactly as written (one per incident). */
export const incidentNarrativeRecord = z
  .object({
    type: z.literal('incident_narrative'),
    id: idSchema,
    incidentId: idSchema,
    personId: idSchema,
    text: z
      .string()
      .max(NARRATIVE_MAX)
      .refine((text) => text.trim().length > 0, { message: 'narrative_required' }),
    authorId: nullableId,
  })
  .strict();

/** A medical certificate of injuries of an incident: a draft (`issuedAt` null) or issued, texts as typed. */
export const injuryCertificateRecord = z
  .object({
    type: z.literal('injury_certificate'),
    id: idSchema,
    personId: idSchema,
    incidentId: idSchema,
    siteId: idSchema,
    doctorId: idSchema,
    examinedAt: z.iso.datetime({ offset: true }),
    requestedBy: z.enum(CERTIFICATE_REQUESTERS),
    requisitionRef: nullableText(CERTIFICATE_SHORT_MAX),
    identityCheck: z.enum(IDENTITY_CHECKS),
    identityDocument: nullableText(CERTIFICATE_SHORT_MAX),
    statements: z.string().max(CERTIFICATE_TEXT_MAX).default(''),
    complaints: z.string().max(CERTIFICATE_TEXT_MAX).default(''),
    lesions: z
      .array(
        z
          .object({
            region: z.string().max(CERTIFICATE_SHORT_MAX),
            kind: z.string().max(CERTIFICATE_SHORT_MAX),
            sizeCm: z.number().positive().nullable().default(null),
            description: z.string().max(1000).default(''),
          })
          .strict(),
      )
      .max(LESIONS_MAX)
      .default([]),
    otherFindings: z.string().max(CERTIFICATE_TEXT_MAX).default(''),
    psychologicalFindings: z.string().max(CERTIFICATE_TEXT_MAX).default(''),
    furtherExams: z.string().max(CERTIFICATE_TEXT_MAX).default(''),
    ittDays: z
      .number()
      .int()
      .min(0, { message: 'itt_out_of_range' })
      .max(ITT_MAX_DAYS, { message: 'itt_out_of_range' })
      .nullable()
      .default(null),
    ittReserved: z.boolean().default(true),
    issuedAt: z.iso.datetime({ offset: true }).nullable().default(null),
    replacesId: nullableId,
    authorId: nullableId,
  })
  .strict();

/** One item of an incident's 72-hour protocol with its outcome (one per item and incident). */
export const protocolStepRecord = z
  .object({
    type: z.literal('protocol_step'),
    id: idSchema,
    incidentId: idSchema,
    personId: idSchema,
    item: z.enum(PROTOCOL_ITEMS),
    outcome: z.enum(PROTOCOL_OUTCOMES),
    doneAt: z.iso.datetime({ offset: true }),
    doneBy: idSchema,
    note: nullableText(PROTOCOL_NOTE_MAX),
    linkedType: z.enum(PROTOCOL_LINKABLE).nullable().default(null),
    linkedId: nullableId,
    authorId: nullableId,
  })
  .strict();

/** A coordination meeting of the team (centre data: no person; the persons are its `meeting_case`s). */
export const coordinationMeetingRecord = z
  .object({
    type: z.literal('coordination_meeting'),
    id: idSchema,
    siteId: idSchema,
    heldOn: z.iso.date(),
    participantIds: z.array(idSchema).min(1),
    externalParticipants: nullableText(EXTERNAL_PARTICIPANTS_MAX),
    generalNotes: nullableText(DECISIONS_MAX),
    authorId: nullableId,
  })
  .strict();

/** A person's case plan (one per person) with its current status. */
export const casePlanRecord = z
  .object({
    type: z.literal('case_plan'),
    id: idSchema,
    personId: idSchema,
    siteId: idSchema,
    status: z.enum(CASE_PLAN_STATUSES),
    closureReason: z.enum(CLOSURE_REASONS).nullable().default(null),
    openedOn: z.iso.date(),
    closedOn: z.iso.date().nullable().default(null),
    referentId: idSchema,
    showReferent: z.boolean().default(true),
    authorId: nullableId,
  })
  .strict();

/** A site that follows a case plan. */
export const casePlanSiteRecord = z
  .object({
    type: z.literal('case_plan_site'),
    id: idSchema,
    planId: idSchema,
    personId: idSchema,
    siteId: idSchema,
    authorId: nullableId,
  })
  .strict();

/** One status change of a case plan (closure reason or reopening's words in `reason`). */
export const casePlanEventRecord = z
  .object({
    type: z.literal('case_plan_event'),
    id: idSchema,
    planId: idSchema,
    personId: idSchema,
    fromStatus: z.enum(CASE_PLAN_STATUSES).nullable().default(null),
    toStatus: z.enum(CASE_PLAN_STATUSES),
    reason: nullableText(REASON_MAX),
    at: z.iso.datetime({ offset: true }),
    authorId: nullableId,
  })
  .strict();

/** A need or an objective of a case plan, on one axis. */
export const planItemRecord = z
  .object({
    type: z.literal('plan_item'),
    id: idSchema,
    planId: idSchema,
    personId: idSchema,
    axis: z.enum(PLAN_AXES),
    kind: z.enum(PLAN_ITEM_KINDS),
    text: z.string().max(PLAN_ITEM_TEXT_MAX),
    state: z.enum(PLAN_ITEM_STATES).default('open'),
    authorId: nullableId,
  })
  .strict();

/** An action of a case plan: its owner, site, due date and status. */
export const planActionRecord = z
  .object({
    type: z.literal('plan_action'),
    id: idSchema,
    planId: idSchema,
    personId: idSchema,
    axis: z.enum(PLAN_AXES),
    objectiveId: nullableId,
    title: z.string().max(ACTION_TITLE_MAX),
    ownerId: idSchema,
    siteId: idSchema,
    dueOn: z.iso.date(),
    status: z.enum(ACTION_STATUSES),
    doneOn: z.iso.date().nullable().default(null),
    cancelReason: nullableText(REASON_MAX),
    sourceMeetingId: nullableId,
    authorId: nullableId,
  })
  .strict();

/** The safety plan of a case plan (one per plan), with its last review. */
export const safetyPlanRecord = z
  .object({
    type: z.literal('safety_plan'),
    id: idSchema,
    planId: idSchema,
    personId: idSchema,
    risks: z.string().max(SAFETY_TEXT_MAX).default(''),
    safeContacts: z
      .array(z.object({ name: z.string(), howToReach: z.string(), note: z.string() }).strict())
      .default([]),
    safePlaces: z.array(z.string()).default([]),
    codeWords: z.array(z.object({ word: z.string(), meaning: z.string() }).strict()).default([]),
    ifAggressorReturns: z.string().max(SAFETY_TEXT_MAX).default(''),
    reviewedAt: z.iso.datetime({ offset: true }).nullable().default(null),
    reviewedBy: nullableId,
    authorId: nullableId,
  })
  .strict();

/** One review of a safety plan with the person. */
export const safetyPlanReviewRecord = z
  .object({
    type: z.literal('safety_plan_review'),
    id: idSchema,
    safetyPlanId: idSchema,
    personId: idSchema,
    reviewedAt: z.iso.datetime({ offset: true }),
    reviewedBy: idSchema,
    changed: z.boolean().default(false),
    visitId: nullableId,
    authorId: nullableId,
  })
  .strict();

/** The "followed, ask X" pointer (section pathway). */
export const careReferentRecord = z
  .object({
    type: z.literal('care_referent'),
    id: idSchema,
    personId: idSchema,
    referentId: idSchema,
    siteId: idSchema,
    since: z.iso.date(),
    authorId: nullableId,
  })
  .strict();

/** A legal procedure with its current stage (a complaint names its incident). */
export const legalProcedureRecord = z
  .object({
    type: z.literal('legal_procedure'),
    id: idSchema,
    personId: idSchema,
    siteId: idSchema,
    procedureType: z.enum(PROCEDURE_TYPES),
    incidentId: nullableId,
    openedOn: z.iso.date(),
    lawyerEntryId: nullableId,
    followerId: idSchema,
    stage: z.enum(PROCEDURE_STAGES),
    court: nullableText(COURT_MAX),
    caseReference: nullableText(CASE_REFERENCE_MAX),
    outcome: z.enum(PROCEDURE_OUTCOMES).nullable().default(null),
    closedOn: z.iso.date().nullable().default(null),
    authorId: nullableId,
  })
  .strict();

/** One stage move of a legal procedure, on a day. */
export const legalStepRecord = z
  .object({
    type: z.literal('legal_step'),
    id: idSchema,
    procedureId: idSchema,
    personId: idSchema,
    stage: z.enum(PROCEDURE_STAGES),
    on: z.iso.date(),
    note: nullableText(LEGAL_NOTE_MAX),
    authorId: nullableId,
  })
  .strict();

/** A hearing of a legal procedure. */
export const hearingRecord = z
  .object({
    type: z.literal('hearing'),
    id: idSchema,
    procedureId: idSchema,
    personId: idSchema,
    siteId: idSchema,
    startsAt: z.iso.datetime({ offset: true }),
    place: z.string().max(PLACE_MAX),
    kind: z.enum(HEARING_KINDS).default('hearing'),
    status: z.enum(HEARING_STATUSES).default('scheduled'),
    outcomeNote: nullableText(LEGAL_NOTE_MAX),
    authorId: nullableId,
  })
  .strict();

/** A person discussed at a coordination meeting, with the decisions taken for her. */
export const meetingCaseRecord = z
  .object({
    type: z.literal('meeting_case'),
    id: idSchema,
    meetingId: idSchema,
    personId: idSchema,
    planId: idSchema,
    position: z.number().int().min(0),
    decisions: z.string().max(DECISIONS_MAX).default(''),
    authorId: nullableId,
  })
  .strict();

/** Something given to a person (social support): when, by whom, its value in minor units. */
export const socialSupportRecord = z
  .object({
    type: z.literal('social_support'),
    id: idSchema,
    personId: idSchema,
    siteId: idSchema,
    kind: z.enum(SUPPORT_KINDS),
    givenOn: z.iso.date(),
    givenBy: idSchema,
    valueMinor: z.number().int().nullable().default(null),
    currency: z.string().max(8).nullable().default(null),
    quantity: z.number().int().min(1).nullable().default(null),
    entryId: nullableId,
    referralStatus: z.enum(REFERRAL_STATUSES).nullable().default(null),
    overrideReason: nullableText(500),
    description: z.string().max(SUPPORT_DESCRIPTION_MAX),
    authorId: nullableId,
  })
  .strict();

/** A psychological support session with its private note (section `psy`). */
export const psySessionRecord = z
  .object({
    type: z.literal('psy_session'),
    id: idSchema,
    personId: idSchema,
    siteId: idSchema,
    heldAt: isoDateTimeSchema,
    kind: z.enum(PSY_SESSION_KINDS),
    groupLabel: nullableText(PSY_GROUP_LABEL_MAX),
    psychologistId: idSchema,
    durationMin: z.number().int().min(1).max(PSY_DURATION_MAX_MIN).nullable().default(null),
    privateNote: nullableText(PSY_NOTE_MAX),
    authorId: nullableId,
  })
  .strict();

/** A psychiatric referral to a directory entry of category `psychiatrist` (section `psy`). */
export const psyReferralRecord = z
  .object({
    type: z.literal('psy_referral'),
    id: idSchema,
    personId: idSchema,
    siteId: idSchema,
    entryId: idSchema,
    referredAt: isoDateTimeSchema,
    reason: z.string().max(PSY_REFERRAL_REASON_MAX),
    status: z.enum(REFERRAL_STATUSES),
    appointmentAt: isoDateTimeSchema.nullable().default(null),
    feedback: nullableText(PSY_FEEDBACK_MAX),
    overrideReason: nullableText(500),
    authorId: nullableId,
  })
  .strict();

/** A vocational training with its current status (section `social`). */
export const trainingRecord = z
  .object({
    type: z.literal('training'),
    id: idSchema,
    personId: idSchema,
    siteId: idSchema,
    field: z.enum(TRAINING_FIELDS),
    fieldLabel: nullableText(FIELD_LABEL_MAX),
    providerEntryId: nullableId,
    startsOn: z.iso.date(),
    endsOn: z.iso.date().nullable().default(null),
    status: z.enum(TRAINING_STATUSES),
    statusOn: z.iso.date(),
    authorId: nullableId,
  })
  .strict();

/** A micro-credit application with its current status: a positive amount in minor units and its currency. */
export const microCreditRecord = z
  .object({
    type: z.literal('micro_credit'),
    id: idSchema,
    personId: idSchema,
    siteId: idSchema,
    lenderEntryId: nullableId,
    appliedOn: z.iso.date(),
    amountMinor: z.number().int().positive(),
    currency: z.string().regex(/^[A-Z]{3}$/),
    purpose: z.string().max(PURPOSE_MAX),
    status: z.enum(MICRO_CREDIT_STATUSES),
    authorId: nullableId,
  })
  .strict();

/** One status move of a micro-credit application, on a day. */
export const microCreditStepRecord = z
  .object({
    type: z.literal('micro_credit_step'),
    id: idSchema,
    applicationId: idSchema,
    personId: idSchema,
    status: z.enum(MICRO_CREDIT_STATUSES),
    on: z.iso.date(),
    note: nullableText(STEP_NOTE_MAX),
    authorId: nullableId,
  })
  .strict();

/**
 * A document attached to a person's incident, case plan or legal procedure: its metadata; its
 * bytes follow as `attachment_part` records (docs/violence-care.md, section 9).
 */
export const attachmentRecord = z
  .object({
    type: z.literal('attachment'),
    id: idSchema,
    personId: idSchema,
    ownerType: z.enum(ATTACHMENT_OWNER_TYPES),
    ownerId: idSchema,
    kind: z.enum(ATTACHMENT_KINDS),
    fileName: z.string().min(1).max(ATTACHMENT_FILE_NAME_MAX),
    mediaType: z.enum(ATTACHMENT_MEDIA_TYPES),
    sizeBytes: z.number().int().min(1, 'attachment_empty').max(ATTACHMENT_MAX_BYTES, 'attachment_too_large'),
    sha256: z.string().regex(SHA256_HEX),
    rotation: z.literal(ATTACHMENT_ROTATIONS).default(0),
    description: nullableText(ATTACHMENT_DESCRIPTION_MAX),
    createdAt: isoDateTimeSchema,
    authorId: nullableId,
  })
  .strict();

/** The id of part `seq` of an attachment: the store keeps parts by (attachment, seq), not by id. */
export function attachmentPartId(attachmentId: string, seq: number): string {
  return `${attachmentId}:${seq}`;
}

/** Base64 of one whole chunk (the longest a part may be): 4 characters per 3 bytes, padded. */
const PART_BASE64_MAX = Math.ceil(ATTACHMENT_CHUNK_BYTES / 3) * 4;

/** One chunk of an attachment's bytes (≤ 160 KiB, base64), in order from `seq` 0. */
export const attachmentPartRecord = z
  .object({
    type: z.literal('attachment_part'),
    id: z.string().min(1).max(80),
    attachmentId: idSchema,
    seq: z
      .number()
      .int()
      .min(0)
      .max(Math.ceil(ATTACHMENT_MAX_BYTES / ATTACHMENT_CHUNK_BYTES) - 1, 'attachment_part_out_of_order'),
    base64: z.base64().min(1).max(PART_BASE64_MAX),
  })
  .strict()
  .superRefine((record, ctx) => {
    if (record.id !== attachmentPartId(record.attachmentId, record.seq))
      ctx.addIssue({ code: 'custom', path: ['id'], message: 'attachment_part_id_mismatch' });
  });

/** In dependency order: a record may only refer to types listed before it. */
export const RECORD_SCHEMAS = {
  header: headerRecord,
  centre: centreRecord,
  site: siteRecord,
  user: userRecord,
  directory_entry: directoryEntryRecord,
  catalogue_version: catalogueVersionRecord,
  person: personRecord,
  consent: consentRecord,
  appointment: appointmentRecord,
  visit: visitRecord,
  interview: interviewRecord,
  referral: referralRecord,
  screening: screeningRecord,
  sample: sampleRecord,
  result: resultRecord,
  to_treat: toTreatRecord,
  treatment: treatmentRecord,
  partner: partnerRecord,
  consultation: consultationRecord,
  prescription: prescriptionRecord,
  vaccine_course: vaccineCourseRecord,
  vaccine_dose: vaccineDoseRecord,
  workshop: workshopRecord,
  waiting_list_entry: waitingListEntryRecord,
  prep_episode: prepEpisodeRecord,
  prep_follow_up: prepFollowUpRecord,
  violence_incident: violenceIncidentRecord,
  incident_narrative: incidentNarrativeRecord,
  injury_certificate: injuryCertificateRecord,
  protocol_step: protocolStepRecord,
  coordination_meeting: coordinationMeetingRecord,
  case_plan: casePlanRecord,
  case_plan_site: casePlanSiteRecord,
  case_plan_event: casePlanEventRecord,
  plan_item: planItemRecord,
  plan_action: planActionRecord,
  safety_plan: safetyPlanRecord,
  safety_plan_review: safetyPlanReviewRecord,
  care_referent: careReferentRecord,
  legal_procedure: legalProcedureRecord,
  legal_step: legalStepRecord,
  hearing: hearingRecord,
  social_support: socialSupportRecord,
  psy_session: psySessionRecord,
  psy_referral: psyReferralRecord,
  meeting_case: meetingCaseRecord,
  training: trainingRecord,
  micro_credit: microCreditRecord,
  micro_credit_step: microCreditStepRecord,
  attachment: attachmentRecord,
  attachment_part: attachmentPartRecord,
} as const;

export type RecordType = keyof typeof RECORD_SCHEMAS;
export const RECORD_TYPES = Object.keys(RECORD_SCHEMAS) as RecordType[];
export type InterchangeRecord = { [T in RecordType]: z.output<(typeof RECORD_SCHEMAS)[T]> }[RecordType];
export type RecordOf<T extends RecordType> = z.output<(typeof RECORD_SCHEMAS)[T]>;
