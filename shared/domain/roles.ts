/** Staff roles (domain.md "Roles"). A user may hold several. */
export const ROLES = [
  'community_worker',
  'nurse',
  'doctor',
  'specialist',
  'psychologist',
  'social_worker',
  'legal',
  'coordinator',
] as const;
export type Role = (typeof ROLES)[number];

/** Consent scopes (domain.md "Consent and sharing"). */
export const CONSENT_SCOPES = [
  'care_team',
  'social_legal',
  'psy',
  'external_referral',
  'contact',
  'advocacy_story',
] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

/** The sections of a person's dossier, the unit of access control. */
export const SECTIONS = [
  'identity',
  'consent',
  'pathway',
  'interview',
  'medical',
  'tests',
  'prep',
  'vaccines',
  'specialist',
  'referrals',
  'psy',
  'social',
  'violence',
  'case_plan',
  'legal',
] as const;
export type Section = (typeof SECTIONS)[number];

/** Centre-level permissions that are not about one dossier. */
export const PERMISSIONS = [
  'users.manage',
  'audit.read',
  'centre.manage',
  'data.export',
  'data.import',
  'reports.read',
  'persons.merge',
  'directory.manage',
  /** Edit the centre's clinical catalogues (tests, treatments, PrEP, vaccines, diagnoses, specialties, eGFR). */
  'catalogues.edit',
  /** Import a laboratory's results file (CSV) into the dossiers' tests. */
  'results.import',
] as const;
export type Permission = (typeof PERMISSIONS)[number];
