/**
 * The identity fields a merge lets the coordination choose (shared/contract/merge.ts), as the
 * comparison shows them: a label and each file's value as text, null when the file holds nothing
 * there (the core's rule: an empty value never replaces one). Which value the kept file takes by
 * default: its own, or the other file's when its own is empty — nothing is lost by default — or
 * when the other file says "never contact".
 */
import type { TFunction } from 'i18next';
import { MERGE_FIELDS, type MergeChoices, type MergeField } from '../../../../shared/contract/merge';
import type { Person } from '../../../../shared/contract/persons';
import type { Language } from '../../../i18n/setup';
import { formatCalendarDate } from '../format';

const text = (value: string | null | undefined): string | null => (value ? value : null);
const list = (values: readonly string[]): string | null => (values.length ? values.join(', ') : null);

export function mergeFieldLabel(t: TFunction, field: MergeField): string {
  if (field === 'contactPreferences') return t('dossier.contact.title');
  return t(`persons.fields.${field}`);
}

export function mergeFieldValue(
  t: TFunction,
  lng: Language,
  person: Person,
  field: MergeField,
): string | null {
  switch (field) {
    case 'nameUsed':
    case 'legalName':
    case 'pronouns':
    case 'genderIdentity':
    case 'countryOfBirth':
      return text(person[field]);
    case 'sexAtBirth':
      return person.sexAtBirth ? t(`catalogue.sexAtBirth.${person.sexAtBirth}`) : null;
    case 'birth':
      return person.birthDate
        ? formatCalendarDate(person.birthDate, lng)
        : person.birthYear
          ? String(person.birthYear)
          : null;
    case 'languages':
      return list(person.languages);
    case 'keyPopulations':
      return list(person.keyPopulations.map((k) => t(`catalogue.keyPopulations.${k}`)));
    case 'healthCoverage':
      return person.healthCoverage === 'unknown'
        ? null
        : t(`catalogue.healthCoverages.${person.healthCoverage}`);
    case 'phone':
      return text(person.contact.phone);
    case 'email':
      return text(person.contact.email);
    case 'contactPreferences': {
      const { channels, wording, neverContact } = person.contact;
      const parts = [
        ...(neverContact ? [t('dossier.merge.contactNever')] : []),
        ...channels.map((c) => t(`catalogue.contactChannels.${c}`)),
        ...(wording ? [`« ${wording} »`] : []),
      ];
      return parts.length ? parts.join(' · ') : null;
    }
    case 'entryDoor':
      return person.entryDoor ? t(`catalogue.entryDoors.${person.entryDoor}`) : null;
  }
}

/**
 * The person asked, on the other file, never to be contacted: its contact preferences are
 * preselected, so a merge never drops that wish unless the coordinator decides so.
 */
function asksNeverContact(field: MergeField, survivor: Person, merged: Person): boolean {
  return field === 'contactPreferences' && merged.contact.neverContact && !survivor.contact.neverContact;
}

export interface MergeFieldRow {
  field: MergeField;
  label: string;
  kept: string | null;
  other: string | null;
  /** The two files differ and the other holds something: the coordination chooses. */
  choosable: boolean;
  /** The side taken when the coordination does not choose. */
  defaultSide: 'survivor' | 'merged';
}

export function mergeFieldRows(
  t: TFunction,
  lng: Language,
  survivor: Person,
  merged: Person,
): MergeFieldRow[] {
  return MERGE_FIELDS.map((field) => {
    const kept = mergeFieldValue(t, lng, survivor, field);
    const other = mergeFieldValue(t, lng, merged, field);
    return {
      field,
      label: mergeFieldLabel(t, field),
      kept,
      other,
      choosable: other !== null && kept !== other,
      defaultSide:
        (kept === null && other !== null) || asksNeverContact(field, survivor, merged)
          ? 'merged'
          : 'survivor',
    };
  });
}

/** What the core is sent: a side per field where the other file's value is taken, never a value. */
export function choicesToSend(
  rows: readonly MergeFieldRow[],
  chosen: Partial<Record<MergeField, 'survivor' | 'merged'>>,
): MergeChoices {
  const out: MergeChoices = {};
  for (const row of rows) {
    if (!row.choosable) continue;
    if ((chosen[row.field] ?? row.defaultSide) === 'merged') out[row.field] = 'merged';
  }
  return out;
}
