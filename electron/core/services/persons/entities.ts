import { EntitySchema } from 'typeorm';
import { recordColumnsSchema, type RecordColumns } from '../../db/record';

export interface PersonRow extends RecordColumns {
  id: string;
  fileNumber: string;
  siteId: string;
  nameUsed: string;
  legalName: string | null;
  pronouns: string | null;
  genderIdentity: string | null;
  sexAtBirth: string | null;
  birthDate: string | null;
  birthYear: number | null;
  languages: string[];
  countryOfBirth: string | null;
  keyPopulations: string[];
  healthCoverage: string;
  phone: string | null;
  email: string | null;
  contactChannels: string[];
  contactWording: string | null;
  neverContact: boolean;
  entryDoor: string | null;
  mergedInto: string | null;
  createdBy: string | null;
}

export interface ConsentRow {
  id: string;
  personId: string;
  scope: string;
  given: boolean;
  recordedAt: string;
  recordedBy: string | null;
  note: string | null;
}

export interface FileNumberCounterRow {
  siteId: string;
  year: number;
  last: number;
}

const json = { type: 'simple-json' } as const;

export const PersonEntity = new EntitySchema<PersonRow>({
  name: 'Person',
  tableName: 'person',
  columns: {
    id: { type: 'varchar', primary: true },
    fileNumber: { type: 'varchar', name: 'file_number' },
    siteId: { type: 'varchar', name: 'site_id' },
    nameUsed: { type: 'varchar', name: 'name_used' },
    legalName: { type: 'varchar', name: 'legal_name', nullable: true },
    pronouns: { type: 'varchar', nullable: true },
    genderIdentity: { type: 'varchar', name: 'gender_identity', nullable: true },
    sexAtBirth: { type: 'varchar', name: 'sex_at_birth', nullable: true },
    birthDate: { type: 'varchar', name: 'birth_date', nullable: true },
    birthYear: { type: 'integer', name: 'birth_year', nullable: true },
    languages: json,
    countryOfBirth: { type: 'varchar', name: 'country_of_birth', nullable: true },
    keyPopulations: { ...json, name: 'key_populations' },
    healthCoverage: { type: 'varchar', name: 'health_coverage' },
    phone: { type: 'varchar', nullable: true },
    email: { type: 'varchar', nullable: true },
    contactChannels: { ...json, name: 'contact_channels' },
    contactWording: { type: 'varchar', name: 'contact_wording', nullable: true },
    neverContact: { type: 'boolean', name: 'never_contact' },
    entryDoor: { type: 'varchar', name: 'entry_door', nullable: true },
    mergedInto: { type: 'varchar', name: 'merged_into', nullable: true },
    createdBy: { type: 'varchar', name: 'created_by', nullable: true },
    ...recordColumnsSchema,
  },
});

export const ConsentEntity = new EntitySchema<ConsentRow>({
  name: 'PersonConsent',
  tableName: 'person_consent',
  columns: {
    id: { type: 'varchar', primary: true },
    personId: { type: 'varchar', name: 'person_id' },
    scope: { type: 'varchar' },
    given: { type: 'boolean' },
    recordedAt: { type: 'varchar', name: 'recorded_at' },
    recordedBy: { type: 'varchar', name: 'recorded_by', nullable: true },
    note: { type: 'text', nullable: true },
  },
});

export const FileNumberCounterEntity = new EntitySchema<FileNumberCounterRow>({
  name: 'FileNumberCounter',
  tableName: 'file_number_counter',
  columns: {
    siteId: { type: 'varchar', name: 'site_id', primary: true },
    year: { type: 'integer', primary: true },
    last: { type: 'integer' },
  },
});
