/**
 * The demo centre's people and when each first came: pseudonymous persons from the populations a
 * community centre serves, first seen over the past year (the earliest about a year ago, the
 * newest a month ago), so that every clinical module can replay a year of their history. Shared
 * by demo-data.ts (files, consents, visits) and the clinical demo modules (what each person is
 * sampled for, who consented to share with the care team).
 */
import type { KeyPopulation } from '../../../shared/domain/catalogues';
import type { AnatomicalSite } from '../../../shared/domain/clinical-catalogues';

export interface DemoPerson {
  nameUsed: string;
  pronouns: string | null;
  keyPopulations: KeyPopulation[];
  birthYear: number;
  /** Days before the demo's today this person first came (their file's creation). */
  firstSeenDaysAgo: number;
}

const person = (
  nameUsed: string,
  pronouns: string | null,
  keyPopulations: KeyPopulation[],
  birthYear: number,
  firstSeenDaysAgo: number,
): DemoPerson => ({ nameUsed, pronouns, keyPopulations, birthYear, firstSeenDaysAgo });

/**
 * Indexes matter: the clinical modules name their stories by index (the first four are on today's
 * board; PrEP users were first seen before their start, see demo-prep.ts).
 */
export const PEOPLE: readonly DemoPerson[] = [
  person('Amélie', 'elle', ['sex_worker', 'migrant'], 1994, 335),
  person('Jo', 'iel', ['trans'], 1999, 300),
  person('Karim', 'il', ['msm', 'chemsex'], 1987, 372),
  person('Lou', 'elle', ['trans', 'sex_worker'], 1996, 205),
  person('Mamadou', 'il', ['migrant', 'msm'], 1991, 176),
  person('Sacha', 'iel', ['drug_user'], 1983, 290),
  person('Yasmine', 'elle', ['sex_worker'], 1990, 62),
  person('Thomas', 'il', ['msm'], 2001, 128),
  person('Inès', 'elle', ['migrant'], 1998, 262),
  person('Noé', 'il', ['trans', 'msm'], 2000, 220),
  person('Fatou', 'elle', ['migrant', 'sex_worker'], 1985, 142),
  person('Rayan', 'il', ['msm', 'chemsex', 'pwid'], 1979, 322),
  person('Camille', 'elle', ['sex_worker'], 1993, 252),
  person('Dimitri', 'il', ['drug_user', 'pwid'], 1976, 232),
  person('Maëlle', 'elle', ['trans'], 2002, 222),
  person('Hugo', 'il', ['msm'], 1995, 342),
  person('Awa', 'elle', ['migrant'], 1997, 150),
  person('Bastien', 'il', ['msm', 'chemsex'], 1989, 312),
  person('Zoé', 'elle', ['sex_worker', 'drug_user'], 1992, 182),
  person('Ilyes', 'il', ['msm', 'migrant'], 1999, 284),
  person('Lina', 'elle', ['trans', 'migrant'], 1994, 272),
  person('Marco', 'il', ['msm'], 1984, 250),
  person('Nadia', 'elle', ['sex_worker'], 1981, 104),
  person('Alex', 'iel', ['chemsex'], 1990, 31),
];

/** Most share with the care team; a few have not (their records stay with their author). */
export function sharesWithCareTeam(index: number): boolean {
  return index % 7 !== 3;
}

/**
 * Where a person's CT/NG samples are taken (one sample per anatomical site): throat, anus and
 * urine for men who have sex with men and trans persons, vagina and throat for the other women,
 * urine and throat otherwise.
 */
export function ctNgSites(p: {
  pronouns?: string | null;
  keyPopulations?: readonly string[];
}): AnatomicalSite[] {
  const populations = p.keyPopulations ?? [];
  if (populations.includes('msm') || populations.includes('trans')) return ['throat', 'anus', 'urine'];
  if (p.pronouns === 'elle') return ['vagina', 'throat'];
  return ['urine', 'throat'];
}
