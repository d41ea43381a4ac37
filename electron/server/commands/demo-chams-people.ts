/**
 * The CHAMS demo (docs/violence-care.md §12): its three Moroccan sites, its team, its partners and
 * the survivors it follows, all fictional. What happened to each survivor is derived from her
 * index (demo-chams.ts replays it): the site is `index % 3` and the "story row" `index / 3`, so
 * that every story (a plan's status, a procedure's stage, a support, a training) happens at each
 * of the three sites. The mix of violence follows the seed's report (physical and sexual 61%,
 * psychological 17%, economic 18%, trafficking 2%).
 */
import type { ParsedInput } from '../../../shared/contract';
import type { Role } from '../../../shared/domain/roles';
import type { Perpetrator, PlaceKind, SeedType } from '../../../shared/domain/violence';
import type { ProcedureStage, ProcedureType } from '../../../shared/domain/legal';
import type { SupportKind } from '../../../shared/domain/social-support';
import type { TrainingStatus } from '../../../shared/domain/economic-autonomy';
import type { ClosureReason } from '../../../shared/domain/case-plans';

export const CHAMS_TIMEZONE = 'Africa/Casablanca';
export const CHAMS_SITE_CODES = ['MRK', 'AGA', 'TNG'] as const;
export type ChamsSiteCode = (typeof CHAMS_SITE_CODES)[number];

export const CHAMS_SITES: Array<{ code: ChamsSiteCode; name: string; city: string }> = [
  { code: 'MRK', name: 'CHAMS — Marrakech', city: 'Marrakech' },
  { code: 'AGA', name: 'CHAMS — Agadir', city: 'Agadir' },
  { code: 'TNG', name: 'CHAMS — Tanger', city: 'Tanger' },
];

/** The CHAMS team: per site a social worker, a psychologist and a doctor; one social worker covers two sites. */
export const CHAMS_ACCOUNTS: Array<{
  username: string;
  displayName: string;
  roles: Role[];
  sites: ChamsSiteCode[];
}> = [
  {
    username: 'chams.coordination',
    displayName: 'Latifa A. (coordination CHAMS)',
    roles: ['coordinator'],
    sites: ['MRK', 'AGA', 'TNG'],
  },
  {
    username: 'chams.as.mrk',
    displayName: 'Khadija M. (assistante sociale)',
    roles: ['social_worker'],
    sites: ['MRK'],
  },
  {
    username: 'chams.as.aga',
    displayName: 'Hanane B. (assistante sociale)',
    roles: ['social_worker'],
    sites: ['AGA', 'MRK'],
  },
  {
    username: 'chams.as.tng',
    displayName: 'Siham R. (assistante sociale)',
    roles: ['social_worker'],
    sites: ['TNG'],
  },
  {
    username: 'chams.psy.mrk',
    displayName: 'Meryem T. (psychologue)',
    roles: ['psychologist'],
    sites: ['MRK'],
  },
  {
    username: 'chams.psy.aga',
    displayName: 'Ghizlane O. (psychologue)',
    roles: ['psychologist'],
    sites: ['AGA'],
  },
  {
    username: 'chams.psy.tng',
    displayName: 'Zineb K. (psychologue)',
    roles: ['psychologist'],
    sites: ['TNG'],
  },
  { username: 'chams.med.mrk', displayName: 'Dr Hicham E. (médecin)', roles: ['doctor'], sites: ['MRK'] },
  { username: 'chams.med.aga', displayName: 'Dr Souad L. (médecin)', roles: ['doctor'], sites: ['AGA'] },
  { username: 'chams.med.tng', displayName: 'Dr Anas F. (médecin)', roles: ['doctor'], sites: ['TNG'] },
  {
    username: 'chams.avocate',
    displayName: 'Maître Asmae D. (avocate)',
    roles: ['legal'],
    sites: ['MRK', 'AGA', 'TNG'],
  },
];

/** Who works where, by role, as demo-chams.ts needs them (the social worker is each site's own). */
export function chamsUsername(role: 'social' | 'psy' | 'med', site: ChamsSiteCode): string {
  return `chams.${role === 'social' ? 'as' : role}.${site.toLowerCase()}`;
}

export type ChamsEntryKey = 'lawyer' | 'shelter_mrk' | 'shelter_aga' | 'addiction' | 'psychiatrist' | 'pep';
export const CHAMS_DIRECTORY: Record<ChamsEntryKey, ParsedInput<'directory.save'>> = {
  lawyer: {
    name: 'Maître Nawal S. — avocate partenaire',
    kind: 'professional',
    category: 'lawyer',
    city: 'Marrakech',
    languages: ['ar', 'fr'],
    friendliness: ['sex_work'],
    internal: false,
    active: true,
    notes: 'État civil, pension alimentaire, plaintes pour violences. Se déplace à Agadir et Tanger.',
  },
  shelter_mrk: {
    name: 'Centre d’écoute et d’hébergement pour femmes — Marrakech',
    kind: 'organisation',
    category: 'shelter',
    city: 'Marrakech',
    languages: ['ar', 'fr'],
    friendliness: ['sex_work'],
    internal: false,
    active: true,
    notes: 'Accueil d’urgence avec enfants, 15 nuits renouvelables.',
  },
  shelter_aga: {
    name: 'Maison d’accueil temporaire — Agadir',
    kind: 'organisation',
    category: 'shelter',
    city: 'Agadir',
    languages: ['ar'],
    friendliness: [],
    internal: false,
    active: true,
  },
  addiction: {
    name: 'Centre d’addictologie — Tanger',
    kind: 'organisation',
    category: 'addiction_centre',
    city: 'Tanger',
    languages: ['ar', 'fr', 'es'],
    friendliness: ['sex_work'],
    internal: false,
    active: true,
  },
  psychiatrist: {
    name: 'Dr Karim Z. — psychiatre',
    kind: 'professional',
    category: 'psychiatrist',
    city: 'Agadir',
    languages: ['ar', 'fr'],
    friendliness: [],
    internal: false,
    active: true,
  },
  pep: {
    name: 'Hôpital régional — service des maladies infectieuses',
    kind: 'organisation',
    category: 'hospital_service',
    city: 'Marrakech',
    languages: ['ar', 'fr'],
    friendliness: [],
    internal: false,
    active: true,
    notes: 'TPE le jour même, y compris le week-end aux urgences.',
  },
};

export const SURVIVOR_NAMES: readonly string[] = [
  'Salma',
  'Hind',
  'Sanaa',
  'Khaoula',
  'Hafsa',
  'Ikram',
  'Samira',
  'Wafaa',
  'Rachida',
  'Btissam',
  'Houda',
  'Naima',
  'Hayat',
  'Ilham',
  'Malika',
  'Kaoutar',
  'Mouna',
  'Najat',
  'Oumaima',
  'Rabia',
  'Souhaila',
  'Touria',
  'Widad',
  'Fadwa',
  'Ghita',
  'Hasna',
  'Meriem',
  'Nezha',
  'Saïda',
  'Zahra',
  'Chaimae',
  'Dounia',
  'Habiba',
  'Kenza',
  'Manal',
  'Rajae',
].map((first, i) => `${first} ${'ABCDEFGHIKLMNORST'[(i * 7) % 17]}.`);

/** What a survivor's plan went through, by story row (demo-chams.ts). */
export type PlanStory = 'none' | 'open' | 'active' | 'on_hold' | 'reopened' | { closed: ClosureReason };
export const PLAN_STORIES: readonly PlanStory[] = [
  'active',
  'active',
  'open',
  'active',
  'on_hold',
  { closed: 'goals_met' },
  'active',
  'reopened',
  { closed: 'moved' },
  'active',
  { closed: 'lost_to_follow_up' },
  { closed: 'declined' },
];

/** A procedure by story row: its type, the stage reached, and its hearing (this week, next week). */
export interface LegalStory {
  type: ProcedureType;
  stage: ProcedureStage;
  hearing?: 'this_week' | 'next_week';
}
export const LEGAL_STORIES: ReadonlyArray<LegalStory | null> = [
  { type: 'child_civil_registration', stage: 'hearings', hearing: 'this_week' },
  { type: 'first_national_id', stage: 'filed' },
  null,
  { type: 'complaint', stage: 'hearings', hearing: 'next_week' },
  { type: 'divorce', stage: 'documents_gathered' },
  { type: 'child_civil_registration', stage: 'closed' },
  { type: 'alimony', stage: 'decision' },
  { type: 'paternity', stage: 'appeal' },
  null,
  { type: 'complaint', stage: 'hearings', hearing: 'this_week' },
  null,
  null,
];

export const SUPPORT_STORIES: ReadonlyArray<readonly SupportKind[]> = [
  ['voucher', 'food_basket'],
  ['shelter_referral', 'food_basket'],
  ['voucher'],
  ['administrative_help'],
  ['addiction_referral'],
  ['food_basket', 'administrative_help'],
  ['voucher'],
  ['other'],
  [],
  ['shelter_referral', 'voucher'],
  [],
  ['food_basket'],
];

/** Trainings by story row; the goals-met row found work at two sites (the seed's "2 insérées"). */
export const TRAINING_STORIES: ReadonlyArray<TrainingStatus | null> = [
  null,
  'in_progress',
  null,
  null,
  null,
  'employed',
  'enrolled',
  'dropped',
  null,
  'completed',
  null,
  null,
];

/**
 * The incidents, cycled over the survivors: eleven physical or sexual, three psychological, four
 * economic in eighteen (about the seed's 61 / 17 / 22).
 */
export const INCIDENT_KINDS: ReadonlyArray<{
  types: SeedType[];
  perpetrators: Perpetrator[];
  place: PlaceKind;
}> = [
  { types: ['rape_individual'], perpetrators: ['client'], place: 'client_place' },
  { types: ['physical_assault'], perpetrators: ['spouse_partner'], place: 'home' },
  { types: ['extortion'], perpetrators: ['police_authority'], place: 'public_space' },
  { types: ['sexual_assault', 'physical_assault'], perpetrators: ['client'], place: 'client_place' },
  { types: ['death_threat'], perpetrators: ['family_member'], place: 'home' },
  { types: ['rape_gang'], perpetrators: ['stranger'], place: 'public_space' },
  { types: ['physical_assault'], perpetrators: ['client'], place: 'client_place' },
  { types: ['unpaid_sexual_service'], perpetrators: ['client'], place: 'client_place' },
  { types: ['forced_marriage_minor'], perpetrators: ['family_member'], place: 'home' },
  {
    types: ['police_harassment_abusive_arrest'],
    perpetrators: ['police_authority'],
    place: 'police_premises',
  },
  { types: ['abduction_confinement', 'rape_individual'], perpetrators: ['stranger'], place: 'other' },
  { types: ['care_refusal_public_health'], perpetrators: ['other'], place: 'health_facility' },
  { types: ['physical_assault', 'sexual_assault'], perpetrators: ['spouse_partner'], place: 'home' },
  { types: ['custody_threat', 'family_rejection'], perpetrators: ['family_member'], place: 'home' },
  { types: ['rape_individual'], perpetrators: ['employer'], place: 'workplace' },
  { types: ['extortion'], perpetrators: ['family_member'], place: 'home' },
  { types: ['physical_assault'], perpetrators: ['police_authority'], place: 'police_premises' },
  { types: ['unpaid_sexual_service', 'physical_assault'], perpetrators: ['client'], place: 'client_place' },
];

/** Survivors with a story of their own (indexes into SURVIVOR_NAMES). */
export const CHAMS_STORY = {
  /** At Marrakech today, assaulted 30 hours ago: the 72-hour protocol is open. */
  acute: 0,
  /** Active plan, safety plan last reviewed weeks ago, here today: a review is due. */
  reviewDue: 3,
  /** Withdrew `social_legal` after months of follow-up: the team sees only what each wrote. */
  withdrew: 10,
  /** The one survivor who was trafficked (the seed's 2%). */
  trafficked: 13,
  /** Closed as deceased (the last of the closure reasons). */
  deceased: 35,
  /** The one micro-credit, in progress. */
  microCredit: 18,
  /** Followed at Agadir, she moved to Marrakech for work: her plan is followed at both sites. */
  twoSites: 1,
} as const;
