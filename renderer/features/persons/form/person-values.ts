/**
 * The person form's values and their translation to and from the contract. The form keeps
 * strings (empty = not given); the contract wants nulls and closed lists.
 */
import type { Person, PersonInput } from '../../../../shared/contract/persons';
import {
  CONTACT_CHANNELS,
  ENTRY_DOORS,
  HEALTH_COVERAGES,
  KEY_POPULATIONS,
  SEX_AT_BIRTH,
} from '../../../../shared/domain/catalogues';
import { oneOf, orNull } from '../../../app/form-values';

export type BirthMode = 'date' | 'year';

export interface PersonFormValues {
  nameUsed: string;
  legalName: string;
  pronouns: string;
  genderIdentity: string;
  sexAtBirth: string | null;
  birthMode: BirthMode;
  /** The birth date as typed (DD/MM/YYYY): kept as it is, refused next to the field if wrong. */
  birthDate: string;
  birthYear: string | number;
  languages: string[];
  countryOfBirth: string;
  keyPopulations: string[];
  healthCoverage: string;
  contact: {
    phone: string;
    email: string;
    channels: string[];
    wording: string;
    neverContact: boolean;
  };
  entryDoor: string | null;
  siteId: string | null;
}

const isKeyPopulation = oneOf(KEY_POPULATIONS);
const isChannel = oneOf(CONTACT_CHANNELS);
const isCoverage = oneOf(HEALTH_COVERAGES);
const isEntryDoor = oneOf(ENTRY_DOORS);
const isSex = oneOf(SEX_AT_BIRTH);

export function emptyValues(nameUsed: string, siteId: string | null): PersonFormValues {
  return {
    nameUsed,
    legalName: '',
    pronouns: '',
    genderIdentity: '',
    sexAtBirth: null,
    birthMode: 'year',
    birthDate: '',
    birthYear: '',
    languages: [],
    countryOfBirth: '',
    keyPopulations: [],
    healthCoverage: 'unknown',
    contact: { phone: '', email: '', channels: [], wording: '', neverContact: false },
    entryDoor: null,
    siteId,
  };
}

export function valuesOf(person: Person): PersonFormValues {
  return {
    nameUsed: person.nameUsed,
    legalName: person.legalName ?? '',
    pronouns: person.pronouns ?? '',
    genderIdentity: person.genderIdentity ?? '',
    sexAtBirth: person.sexAtBirth,
    birthMode: person.birthDate ? 'date' : 'year',
    birthDate: person.birthDate ? person.birthDate.split('-').reverse().join('/') : '',
    birthYear: person.birthYear ?? '',
    languages: [...person.languages],
    countryOfBirth: person.countryOfBirth ?? '',
    keyPopulations: [...person.keyPopulations],
    healthCoverage: person.healthCoverage,
    contact: {
      phone: person.contact.phone ?? '',
      email: person.contact.email ?? '',
      channels: [...person.contact.channels],
      wording: person.contact.wording ?? '',
      neverContact: person.contact.neverContact,
    },
    entryDoor: person.entryDoor,
    siteId: person.siteId,
  };
}

/** A year typed in the form, or null; an unreadable year is kept as NaN so validation names it. */
export function yearOf(value: string | number): number | null {
  if (value === '') return null;
  return typeof value === 'number' ? value : Number(value);
}

export function inputOf(values: PersonFormValues): PersonInput {
  const byDate = values.birthMode === 'date';
  return {
    nameUsed: values.nameUsed.trim(),
    legalName: orNull(values.legalName),
    pronouns: orNull(values.pronouns),
    genderIdentity: orNull(values.genderIdentity),
    sexAtBirth: isSex(values.sexAtBirth) ? values.sexAtBirth : null,
    birthDate: byDate ? (parseTypedDate(values.birthDate) ?? (values.birthDate.trim() || null)) : null,
    birthYear: byDate ? null : yearOf(values.birthYear),
    languages: values.languages.map((l) => l.trim()).filter((l) => l !== ''),
    countryOfBirth: orNull(values.countryOfBirth),
    keyPopulations: values.keyPopulations.filter(isKeyPopulation),
    healthCoverage: isCoverage(values.healthCoverage) ? values.healthCoverage : 'unknown',
    contact: {
      phone: orNull(values.contact.phone),
      email: orNull(values.contact.email),
      channels: values.contact.channels.filter(isChannel),
      wording: orNull(values.contact.wording),
      neverContact: values.contact.neverContact,
    },
    entryDoor: isEntryDoor(values.entryDoor) ? values.entryDoor : null,
    siteId: values.siteId ?? '',
  };
}

/** A contract field path (`contact.channels.1`) → the form field that shows it. */
export function formPathOf(field: string): string | null {
  const [head, second] = field.split('.');
  if (head === 'contact') return second ? `contact.${second}` : 'contact.channels';
  if (head === 'id' || head === 'version') return null;
  if (head === 'birthDate' || head === 'birthYear') return head;
  return head && head in emptyValues('', null) ? head : null;
}

/** Accepts 31/12/1990, 31.12.1990, 31-12-1990 or 1990-12-31 typed at the keyboard. */
export function parseTypedDate(text: string): string | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : local ? [local[3], local[2], local[1]] : [];
  if (!y || !m || !d) return null;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return null;
  return date.toISOString().slice(0, 10);
}

export const FIRST_BIRTH_YEAR = 1900;

export type BirthProblem =
  | 'date_two_digit_year'
  | 'date_invalid'
  | 'date_in_future'
  | 'year_not_four_digits'
  | 'year_too_old'
  | 'year_in_future';

/**
 * What is wrong with the birth as typed, field by field — never corrected silently: a two-digit
 * year is refused (15/03/90 could be 1990 or 2090), an impossible date (31/02) or one in the
 * future is refused, a year is four digits between 1900 and this year.
 */
export function birthProblems(
  values: PersonFormValues,
  today: Date,
): Partial<Record<'birthDate' | 'birthYear', BirthProblem>> {
  if (values.birthMode === 'date') {
    const text = values.birthDate.trim();
    if (text === '') return {};
    if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}$/.test(text)) return { birthDate: 'date_two_digit_year' };
    const iso = parseTypedDate(text);
    if (!iso) return { birthDate: 'date_invalid' };
    if (iso > today.toISOString().slice(0, 10)) return { birthDate: 'date_in_future' };
    return {};
  }
  const raw = String(values.birthYear).trim();
  if (raw === '') return {};
  if (!/^\d{4}$/.test(raw)) return { birthYear: 'year_not_four_digits' };
  const year = Number(raw);
  if (year < FIRST_BIRTH_YEAR) return { birthYear: 'year_too_old' };
  if (year > today.getFullYear()) return { birthYear: 'year_in_future' };
  return {};
}
