import type { Role, Section } from './roles';
/** The closed lists of the domain (domain.md). Labels live in shared/i18n under the same keys. */

export const KEY_POPULATIONS = [
  'msm',
  'sex_worker',
  'trans',
  'migrant',
  'drug_user',
  'chemsex',
  'pwid',
] as const;
export type KeyPopulation = (typeof KEY_POPULATIONS)[number];

/** France: PUMa, CSS, AME; Morocco: AMO; everywhere: none, unknown. */
export const HEALTH_COVERAGES = ['puma', 'css', 'ame', 'amo', 'none', 'unknown'] as const;
export type HealthCoverage = (typeof HEALTH_COVERAGES)[number];

export const CONTACT_CHANNELS = ['phone', 'sms', 'whatsapp', 'email'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const ENTRY_DOORS = [
  'outreach',
  'remote_counsellor',
  'partner',
  'word_of_mouth',
  'collective_session',
  'phone',
  'social_networks',
  'walk_in',
] as const;
export type EntryDoor = (typeof ENTRY_DOORS)[number];

export const SEX_AT_BIRTH = ['female', 'male', 'intersex', 'not_stated'] as const;

/** A visit moves through these steps; `done` closes it. */
export const VISIT_STEPS = [
  'waiting_interview',
  'in_interview',
  'waiting_doctor',
  'with_doctor',
  'waiting_nurse',
  'with_nurse',
  'waiting_specialist',
  'with_specialist',
  'done',
] as const;
export type VisitStep = (typeof VISIT_STEPS)[number];
export const WAITING_STEPS: readonly VisitStep[] = [
  'waiting_interview',
  'waiting_doctor',
  'waiting_nurse',
  'waiting_specialist',
];
/** The step that follows "waiting for X" when X calls the person in. */
export const CALLED_STEP: Partial<Record<VisitStep, VisitStep>> = {
  waiting_interview: 'in_interview',
  waiting_doctor: 'with_doctor',
  waiting_nurse: 'with_nurse',
  waiting_specialist: 'with_specialist',
};

/**
 * The queue each role works from on the board ("my queue"): the steps waiting for that role. A
 * role that calls nobody in from the board (coordination, social, legal, psychology) has none and
 * sees the whole board.
 */
export const ROLE_QUEUES: Partial<Record<Role, readonly VisitStep[]>> = {
  community_worker: ['waiting_interview'],
  nurse: ['waiting_nurse'],
  doctor: ['waiting_doctor'],
  specialist: ['waiting_specialist'],
};

/**
 * Priorities go first on the board, in this order: an exposure under 72 h, a violence incident
 * under 72 h (docs/violence-care.md: an exposure the care team knows keeps precedence), the desk's
 * own priority (`urgent`, reason not recorded), a positive result to treat.
 */
export const VISIT_PRIORITIES = ['pep_72h', 'violence_72h', 'urgent', 'positive_to_treat', 'normal'] as const;
export type VisitPriority = (typeof VISIT_PRIORITIES)[number];
/**
 * A priority as a reader sees it: its reason (PEP, a result to treat) only where they may read the
 * section the reason comes from; otherwise just "priority".
 */
export const VISIT_PRIORITY_VIEWS = [...VISIT_PRIORITIES, 'priority'] as const;
export type VisitPriorityView = (typeof VISIT_PRIORITY_VIEWS)[number];
/** The dossier section each priority's reason comes from: the reason follows that section's access. */
export const PRIORITY_SECTION: Record<VisitPriority, Section | null> = {
  pep_72h: 'interview',
  violence_72h: 'violence',
  // The desk's own "let this person through", for a reason it does not record: shown to every
  // reader as plain "priority", so that "priority" with no reason never points to one section.
  urgent: null,
  positive_to_treat: 'tests',
  normal: null,
};

export const APPOINTMENT_TYPES = [
  'screening',
  'prep',
  'vaccine',
  'specialist',
  'social',
  'legal',
  'interview',
  /** Neutral on purpose: the agenda shows the type to reception, and CHAMS books with this one. */
  'accompaniment',
] as const;
export type AppointmentType = (typeof APPOINTMENT_TYPES)[number];
export const APPOINTMENT_STATUSES = ['booked', 'arrived', 'cancelled', 'no_show'] as const;

export const EXPOSURE_TYPES = [
  'anal_receptive',
  'anal_insertive',
  'vaginal',
  'oral',
  'needle_sharing',
  'sexual_violence',
  'other',
] as const;
export const PREVENTION_TOOLS = ['condoms', 'prep', 'tasp', 'pep', 'none'] as const;
export const SUBSTANCES = [
  'alcohol',
  'cannabis',
  'cathinones',
  'ghb',
  'methamphetamine',
  'cocaine',
  'ketamine',
  'poppers',
  'opioids',
  'other',
] as const;
export const VIOLENCE_SCREENING = ['none', 'past', 'recent', 'not_asked'] as const;
/** Needs ticked at the interview become the next steps of the visit. */
export const INTERVIEW_NEEDS = ['screening', 'prep', 'vaccine', 'specialist', 'social', 'pep'] as const;
export type InterviewNeed = (typeof INTERVIEW_NEEDS)[number];

export const DIRECTORY_CATEGORIES = [
  'hospital_service',
  'cegidd',
  'gp',
  'specialist',
  'lawyer',
  'shelter',
  'addiction_centre',
  'psychiatrist',
  'social_services',
  'police_justice',
  'ngo',
] as const;
export const FRIENDLINESS = ['lgbtqi', 'sex_work', 'chemsex', 'trans', 'migrants'] as const;
export const REFERRAL_STATUSES = [
  'proposed',
  'accepted',
  'appointment',
  'attended',
  'missed',
  'refused',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Post-exposure prophylaxis must start within 72 hours of the exposure. */
export const PEP_WINDOW_HOURS = 72;
