import type { Person } from '../../../../shared/contract/persons';
import type { PersonRow } from './repository';

export function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    fileNumber: row.fileNumber,
    siteId: row.siteId,
    nameUsed: row.nameUsed,
    legalName: row.legalName,
    pronouns: row.pronouns,
    genderIdentity: row.genderIdentity,
    sexAtBirth: row.sexAtBirth,
    birthDate: row.birthDate,
    birthYear: row.birthYear,
    languages: row.languages,
    countryOfBirth: row.countryOfBirth,
    keyPopulations: row.keyPopulations,
    healthCoverage: row.healthCoverage,
    contact: {
      phone: row.phone,
      email: row.email,
      channels: row.contactChannels,
      wording: row.contactWording,
      neverContact: row.neverContact,
    },
    entryDoor: row.entryDoor,
    mergedInto: row.mergedInto,
    createdAt: row.createdAt,
    version: row.version,
  };
}

/** The birth year, whether the date or only the year is known. */
export function birthYearOf(row: { birthDate: string | null; birthYear: number | null }): number | null {
  return row.birthDate ? Number(row.birthDate.slice(0, 4)) : row.birthYear;
}
