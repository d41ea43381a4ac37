import { EntitySchema } from 'typeorm';
import type {
  ContactChannel,
  EntryDoor,
  HealthCoverage,
  KeyPopulation,
  SEX_AT_BIRTH,
} from '../../../../shared/domain/catalogues';
import type { ConsentScope } from '../../../../shared/domain/roles';
import { FALSE, ID, LIST, TIME, recordColumnsSchema, type RecordColumns } from '../../db/record';

export interface PersonRow extends RecordColumns {
  id: string;
  fileNumber: string;
  siteId: string;
  nameUsed: string;
  legalName: string | null;
  pronouns: string | null;
  genderIdentity: string | null;
  sexAtBirth: (typeof SEX_AT_BIRTH)[number] | null;
  birthDate: string | null;
  birthYear: number | null;
  languages: string[];
  countryOfBirth: string | null;
  keyPopulations: KeyPopulation[];
  healthCoverage: HealthCoverage;
  phone: string | null;
  email: string | null;
  contactChannels: ContactChannel[];
  contactWording: string | null;
  neverContact: boolean;
  entryDoor: EntryDoor | null;
  mergedInto: string | null;
  createdBy: string | null;
}

export interface ConsentRow {
  id: string;
  personId: string;
  scope: ConsentScope;
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

export const PersonEntity = new EntitySchema<PersonRow>({
  name: 'Person',
  tableName: 'person',
  columns: {
    id: { ...ID, primary: true },
    fileNumber: { type: 'varchar', length: 32, name: 'file_number', unique: true },
    siteId: { ...ID, name: 'site_id', foreignKey: { target: 'site' } },
    nameUsed: { type: 'varchar', length: 100, name: 'name_used' },
    legalName: { type: 'varchar', length: 200, name: 'legal_name', nullable: true },
    pronouns: { type: 'varchar', length: 40, nullable: true },
    genderIdentity: { type: 'varchar', length: 60, name: 'gender_identity', nullable: true },
    sexAtBirth: { type: 'varchar', length: 16, name: 'sex_at_birth', nullable: true },
    birthDate: { type: 'varchar', length: 10, name: 'birth_date', nullable: true },
    birthYear: { type: 'integer', name: 'birth_year', nullable: true },
    languages: LIST,
    countryOfBirth: { type: 'varchar', length: 80, name: 'country_of_birth', nullable: true },
    keyPopulations: { ...LIST, name: 'key_populations' },
    healthCoverage: { type: 'varchar', length: 16, name: 'health_coverage', default: 'unknown' },
    phone: { type: 'varchar', length: 32, nullable: true },
    email: { type: 'varchar', length: 200, nullable: true },
    contactChannels: { ...LIST, name: 'contact_channels' },
    contactWording: { type: 'varchar', length: 300, name: 'contact_wording', nullable: true },
    neverContact: { type: 'boolean', name: 'never_contact', default: FALSE },
    entryDoor: { type: 'varchar', length: 32, name: 'entry_door', nullable: true },
    mergedInto: { ...ID, name: 'merged_into', nullable: true },
    createdBy: { ...ID, name: 'created_by', nullable: true },
    ...recordColumnsSchema,
  },
  indices: [{ columns: ['siteId'] }],
});

export const ConsentEntity = new EntitySchema<ConsentRow>({
  name: 'PersonConsent',
  tableName: 'person_consent',
  columns: {
    id: { ...ID, primary: true },
    personId: { ...ID, name: 'person_id', foreignKey: { target: 'person' } },
    scope: { type: 'varchar', length: 32 },
    given: { type: 'boolean' },
    recordedAt: { ...TIME, name: 'recorded_at' },
    recordedBy: { ...ID, name: 'recorded_by', nullable: true },
    note: { type: 'text', nullable: true },
  },
  // The current consent of a scope is the latest one recorded.
  indices: [{ columns: ['personId', 'scope', 'recordedAt'] }],
});

export const FileNumberCounterEntity = new EntitySchema<FileNumberCounterRow>({
  name: 'FileNumberCounter',
  tableName: 'file_number_counter',
  columns: {
    siteId: { ...ID, name: 'site_id', primary: true },
    year: { type: 'integer', primary: true },
    last: { type: 'integer' },
  },
});
