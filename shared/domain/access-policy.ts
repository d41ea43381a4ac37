/**
 * The one policy table of Parcours: role × dossier section → read / write, the consent scope that
 * covers each section, and the centre-level permissions of each role. The core's gate decides
 * with it; the renderer uses it only to hide what the gate would refuse. docs/access-matrix.md
 * shows the same table for people.
 */
import { SECTIONS, type ConsentScope, type Permission, type Role, type Section } from './roles';

export type Access = 'write' | 'read' | 'none';

const W = 'write' as const;
const R = 'read' as const;
const _ = 'none' as const;

// prettier-ignore
export const SECTION_POLICY: Record<Section, Record<Role, Access>> = {
  //            community_worker nurse doctor specialist psychologist social_worker legal coordinator
  identity:   { community_worker: W, nurse: W, doctor: W, specialist: R, psychologist: R, social_worker: W, legal: R, coordinator: R },
  consent:    { community_worker: W, nurse: W, doctor: W, specialist: R, psychologist: R, social_worker: W, legal: R, coordinator: _ },
  pathway:    { community_worker: W, nurse: W, doctor: W, specialist: W, psychologist: W, social_worker: W, legal: R, coordinator: _ },
  interview:  { community_worker: W, nurse: R, doctor: R, specialist: R, psychologist: _, social_worker: R, legal: _, coordinator: _ },
  medical:    { community_worker: _, nurse: R, doctor: W, specialist: R, psychologist: _, social_worker: _, legal: _, coordinator: _ },
  tests:      { community_worker: R, nurse: W, doctor: W, specialist: R, psychologist: _, social_worker: _, legal: _, coordinator: _ },
  prep:       { community_worker: R, nurse: W, doctor: W, specialist: R, psychologist: _, social_worker: _, legal: _, coordinator: _ },
  vaccines:   { community_worker: R, nurse: W, doctor: W, specialist: R, psychologist: _, social_worker: _, legal: _, coordinator: _ },
  specialist: { community_worker: _, nurse: R, doctor: R, specialist: W, psychologist: _, social_worker: _, legal: _, coordinator: _ },
  referrals:  { community_worker: W, nurse: W, doctor: W, specialist: W, psychologist: W, social_worker: W, legal: W, coordinator: _ },
  psy:        { community_worker: _, nurse: _, doctor: R, specialist: _, psychologist: W, social_worker: R, legal: _, coordinator: _ },
  social:     { community_worker: _, nurse: _, doctor: _, specialist: _, psychologist: R, social_worker: W, legal: R, coordinator: _ },
  violence:   { community_worker: _, nurse: _, doctor: W, specialist: _, psychologist: R, social_worker: W, legal: W, coordinator: _ },
  case_plan:  { community_worker: _, nurse: _, doctor: W, specialist: _, psychologist: W, social_worker: W, legal: W, coordinator: _ },
  legal:      { community_worker: _, nurse: _, doctor: _, specialist: _, psychologist: _, social_worker: W, legal: W, coordinator: _ },
};

/** The consent scope a section needs; null: always visible to the roles that may read it. */
export const SECTION_SCOPE: Record<Section, ConsentScope | null> = {
  identity: null,
  consent: null,
  pathway: null,
  interview: 'care_team',
  medical: 'care_team',
  tests: 'care_team',
  prep: 'care_team',
  vaccines: 'care_team',
  specialist: 'care_team',
  referrals: 'care_team',
  psy: 'psy',
  social: 'social_legal',
  violence: 'social_legal',
  case_plan: 'social_legal',
  legal: 'social_legal',
};

/**
 * Sections whose mere records are the secret (violence, a case plan, a legal procedure,
 * psychological notes): no count of hidden records is given, and a refused attempt on them is
 * audited (`denied`). They are the sections shared under the `social_legal` or `psy` consent.
 */
export function isConcealedSection(section: Section): boolean {
  const scope = SECTION_SCOPE[section];
  return scope === 'social_legal' || scope === 'psy';
}

/**
 * Whether every one of these roles works only on concealed sections: each writes at least one,
 * and no other section needing a consent but `referrals` (the psychologist, the social worker,
 * the lawyer). That such a member of staff opened a file tells why the person is followed.
 */
export function worksOnlyInConcealedSections(roles: readonly Role[]): boolean {
  return (
    roles.length > 0 &&
    roles.every((role) => {
      const written = SECTIONS.filter(
        (s) => SECTION_POLICY[s][role] === 'write' && SECTION_SCOPE[s] !== null,
      );
      return (
        written.some(isConcealedSection) && written.every((s) => isConcealedSection(s) || s === 'referrals')
      );
    })
  );
}

/**
 * Roles that hold a scope's information in the first place and need no sharing consent to read it:
 * psychological notes are shared "beyond the psychologist" only with the `psy` consent.
 */
export const SCOPE_HOLDERS: Partial<Record<ConsentScope, readonly Role[]>> = {
  psy: ['psychologist'],
};

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  community_worker: ['directory.manage'],
  nurse: ['results.import'],
  doctor: ['results.import'],
  specialist: [],
  psychologist: [],
  social_worker: ['directory.manage'],
  legal: ['directory.manage'],
  coordinator: [
    'users.manage',
    'audit.read',
    'centre.manage',
    'data.export',
    'data.import',
    'reports.read',
    'persons.merge',
    'directory.manage',
    'catalogues.edit',
  ],
};

const RANK: Record<Access, number> = { none: 0, read: 1, write: 2 };

/** The best access any of the roles gives to a section. */
export function sectionAccess(roles: readonly Role[], section: Section): Access {
  let best: Access = 'none';
  for (const role of roles) {
    const a = SECTION_POLICY[section][role];
    if (RANK[a] > RANK[best]) best = a;
  }
  return best;
}

export function permissionsOf(roles: readonly Role[]): Permission[] {
  return [...new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r]))];
}
