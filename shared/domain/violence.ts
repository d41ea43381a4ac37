/**
 * Violence incidents and the 72-hour protocol (docs/violence-care.md, sections 3 and 4): the
 * enumerations of the `violence` capability and its pure rules — which GBVIMS type the seed types
 * suggest, and when the protocol is open. No clock and no store here: the core and the renderer
 * pass `now` and the site's time zone.
 */
import { localDayRange } from './zoned-time';

export const PLACE_KINDS = [
  'home',
  'public_space',
  'workplace',
  'client_place',
  'police_premises',
  'health_facility',
  'online',
  'other',
] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export const PERPETRATORS = [
  'client',
  'spouse_partner',
  'family_member',
  'employer',
  'police_authority',
  'stranger',
  'other',
] as const;
export type Perpetrator = (typeof PERPETRATORS)[number];

/** The seed's groups, for its report (physical and sexual 61%, psychological 17%, economic 18%). */
export const SEED_TYPE_GROUPS = ['physical_sexual', 'psychological', 'economic'] as const;
export type SeedTypeGroup = (typeof SEED_TYPE_GROUPS)[number];

/** The seed's categories of violence, each with its group. Trafficking is a flag, not a type. */
export const SEED_TYPE_GROUP = {
  abduction_confinement: 'physical_sexual',
  rape_individual: 'physical_sexual',
  rape_gang: 'physical_sexual',
  sexual_assault: 'physical_sexual',
  physical_assault: 'physical_sexual',
  forced_marriage_minor: 'physical_sexual',
  death_threat: 'psychological',
  custody_threat: 'psychological',
  family_rejection: 'psychological',
  care_refusal_public_health: 'economic',
  police_harassment_abusive_arrest: 'psychological',
  extortion: 'economic',
  unpaid_sexual_service: 'economic',
  other: 'psychological',
} as const satisfies Record<string, SeedTypeGroup>;
export type SeedType = keyof typeof SEED_TYPE_GROUP;
export const SEED_TYPES = Object.keys(SEED_TYPE_GROUP) as [SeedType, ...SeedType[]];

/** The six GBVIMS core types, in GBVIMS's order of precedence (one type per incident). */
export const GBVIMS_TYPES = [
  'rape',
  'sexual_assault',
  'physical_assault',
  'forced_marriage',
  'denial_of_resources',
  'psychological_abuse',
] as const;
export type GbvimsType = (typeof GBVIMS_TYPES)[number];

/** The GBVIMS type each seed type belongs to. */
const GBVIMS_OF_SEED: Record<SeedType, GbvimsType> = {
  abduction_confinement: 'physical_assault',
  rape_individual: 'rape',
  rape_gang: 'rape',
  sexual_assault: 'sexual_assault',
  physical_assault: 'physical_assault',
  forced_marriage_minor: 'forced_marriage',
  death_threat: 'psychological_abuse',
  custody_threat: 'psychological_abuse',
  family_rejection: 'psychological_abuse',
  care_refusal_public_health: 'denial_of_resources',
  police_harassment_abusive_arrest: 'psychological_abuse',
  extortion: 'denial_of_resources',
  unpaid_sexual_service: 'denial_of_resources',
  other: 'psychological_abuse',
};

/**
 * The GBVIMS type the form proposes: the first in GBVIMS's order among the seed types' (a gang rape
 * with a death threat is a rape). Null when no seed type is chosen yet. The writer may change it.
 */
export function suggestGbvimsType(seedTypes: readonly SeedType[]): GbvimsType | null {
  const types = new Set(seedTypes.map((s) => GBVIMS_OF_SEED[s]));
  return GBVIMS_TYPES.find((g) => types.has(g)) ?? null;
}

export const REPORTED_TO = ['no', 'police', 'gendarmerie', 'prosecutor', 'other', 'unknown'] as const;
export type ReportedTo = (typeof REPORTED_TO)[number];

export const PROTOCOL_STATUSES = ['not_applicable', 'open', 'closed'] as const;
export type ProtocolStatus = (typeof PROTOCOL_STATUSES)[number];

/** The five steps of the 72-hour protocol, in the order the checklist shows them. */
export const PROTOCOL_ITEMS = [
  'pep_referral',
  'emergency_contraception',
  'sti_prophylaxis',
  'injury_certificate',
  'evidence_advice',
] as const;
export type ProtocolItem = (typeof PROTOCOL_ITEMS)[number];

export const PROTOCOL_OUTCOMES = ['done', 'declined', 'not_applicable'] as const;
export type ProtocolOutcome = (typeof PROTOCOL_OUTCOMES)[number];

export const PROTOCOL_LINK_TYPES = ['referral', 'prescription', 'screening', 'injury_certificate'] as const;
export type ProtocolLinkType = (typeof PROTOCOL_LINK_TYPES)[number];
/** What a step may link (the certificate since slice 2). */
export const PROTOCOL_LINKABLE = [
  'referral',
  'prescription',
  'screening',
  'injury_certificate',
] as const satisfies readonly ProtocolLinkType[];

/** The section of the record a step links: the link is shown only to a reader of that section. */
export const PROTOCOL_LINK_SECTION = {
  referral: 'referrals',
  prescription: 'medical',
  screening: 'tests',
  injury_certificate: 'violence',
} as const satisfies Record<ProtocolLinkType, string>;

export const NARRATIVE_MAX = 20_000;

// ---------------------------------------------------------------------------------------------
// The medical certificate of injuries (docs/violence-care.md, sections 4 and 8).

/** At the person's own request, or on a requisition (police, prosecutor) that has a reference. */
export const CERTIFICATE_REQUESTERS = ['person', 'requisition'] as const;
export type CertificateRequester = (typeof CERTIFICATE_REQUESTERS)[number];

/** Identity checked on a document, or only declared by the person ("se déclarant se nommer"). */
export const IDENTITY_CHECKS = ['document', 'declared'] as const;
export type IdentityCheck = (typeof IDENTITY_CHECKS)[number];

/** The ITT is a number of days the app records, never a qualification of the offence. */
export const ITT_MAX_DAYS = 365;
export const CERTIFICATE_TEXT_MAX = 8_000;
export const CERTIFICATE_SHORT_MAX = 200;
export const LESIONS_MAX = 60;

export interface Lesion {
  region: string;
  kind: string;
  /** Dimensions in centimetres, when measured. */
  sizeCm: number | null;
  description: string;
}

/** Whether a typed text holds anything but spaces (required texts are kept as typed, never trimmed). */
export const isBlank = (text: string | null | undefined): boolean => !text || text.trim().length === 0;

/** The ITT days are whole days from 0 to 365. */
export const ittInRange = (days: number | null): boolean =>
  days === null || (Number.isInteger(days) && days >= 0 && days <= ITT_MAX_DAYS);
export const PROTOCOL_NOTE_MAX = 500;

/** PEP, emergency contraception and STI prophylaxis are worth starting within 72 hours. */
export const PROTOCOL_WINDOW_HOURS = 72;

/**
 * When the incident happened, for the protocol: the time when it is known; otherwise the END of the
 * day in the site's zone (its last second), so nobody is turned away from PEP by an invented hour.
 */
export function occurrenceOf(
  incident: { occurredOn: string; occurredAt: string | null },
  timeZone: string,
): Date {
  if (incident.occurredAt) return new Date(incident.occurredAt);
  const [, nextDay] = localDayRange(incident.occurredOn, timeZone);
  return new Date(nextDay.getTime() - 1000);
}

/** The last instant the protocol's treatments are worth starting: the occurrence + 72 hours. */
export function protocolDeadline(occurrence: Date): Date {
  return new Date(occurrence.getTime() + PROTOCOL_WINDOW_HOURS * 3600_000);
}

/**
 * The protocol decided when the incident is saved: `open` with its deadline while the deadline is
 * still ahead, else `not_applicable` (no deadline).
 */
export function protocolAtSave(
  incident: { occurredOn: string; occurredAt: string | null },
  timeZone: string,
  now: Date,
): { status: 'open'; deadline: string } | { status: 'not_applicable'; deadline: null } {
  const deadline = protocolDeadline(occurrenceOf(incident, timeZone));
  return deadline.getTime() > now.getTime()
    ? { status: 'open', deadline: deadline.toISOString() }
    : { status: 'not_applicable', deadline: null };
}

/** Hours left before the deadline, to one decimal; null once it has passed. */
export function hoursLeft(deadline: string, now: Date): number | null {
  const ms = Date.parse(deadline) - now.getTime();
  if (ms <= 0) return null;
  return Math.round(ms / 360_000) / 10;
}

/** The protocol is closed once every item has an outcome. */
export function protocolComplete(items: Iterable<ProtocolItem>): boolean {
  const done = new Set(items);
  return PROTOCOL_ITEMS.every((i) => done.has(i));
}
