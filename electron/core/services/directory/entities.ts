import { EntitySchema } from 'typeorm';
import { recordColumnsSchema, type RecordColumns } from '../../db/record';

export interface DirectoryEntryRow extends RecordColumns {
  id: string;
  name: string;
  kind: string;
  category: string;
  city: string | null;
  region: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  languages: string[];
  friendliness: string[];
  notes: string | null;
  /** A service of the centre itself: referring there shares nothing outside. */
  internal: boolean;
  lastVerifiedAt: string | null;
  active: boolean;
  createdBy: string | null;
}

export interface ReferralRow extends RecordColumns {
  id: string;
  personId: string;
  entryId: string;
  reason: string;
  referredAt: string;
  status: string;
  appointmentAt: string | null;
  feedback: string | null;
  overrideReason: string | null;
  createdBy: string | null;
}

const json = { type: 'simple-json' } as const;

export const DirectoryEntryEntity = new EntitySchema<DirectoryEntryRow>({
  name: 'DirectoryEntry',
  tableName: 'directory_entry',
  columns: {
    id: { type: 'varchar', primary: true },
    name: { type: 'varchar' },
    kind: { type: 'varchar' },
    category: { type: 'varchar' },
    city: { type: 'varchar', nullable: true },
    region: { type: 'varchar', nullable: true },
    phone: { type: 'varchar', nullable: true },
    email: { type: 'varchar', nullable: true },
    address: { type: 'varchar', nullable: true },
    languages: json,
    friendliness: json,
    notes: { type: 'text', nullable: true },
    internal: { type: 'boolean' },
    lastVerifiedAt: { type: 'varchar', name: 'last_verified_at', nullable: true },
    active: { type: 'boolean' },
    createdBy: { type: 'varchar', name: 'created_by', nullable: true },
    ...recordColumnsSchema,
  },
});

export const ReferralEntity = new EntitySchema<ReferralRow>({
  name: 'Referral',
  tableName: 'referral',
  columns: {
    id: { type: 'varchar', primary: true },
    personId: { type: 'varchar', name: 'person_id' },
    entryId: { type: 'varchar', name: 'entry_id' },
    reason: { type: 'text' },
    referredAt: { type: 'varchar', name: 'referred_at' },
    status: { type: 'varchar' },
    appointmentAt: { type: 'varchar', name: 'appointment_at', nullable: true },
    feedback: { type: 'text', nullable: true },
    overrideReason: { type: 'text', name: 'override_reason', nullable: true },
    createdBy: { type: 'varchar', name: 'created_by', nullable: true },
    ...recordColumnsSchema,
  },
});
