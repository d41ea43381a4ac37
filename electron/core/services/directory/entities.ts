import { EntitySchema } from 'typeorm';
import type { DirectoryEntry } from '../../../../shared/contract/directory';
import type {
  DIRECTORY_CATEGORIES,
  FRIENDLINESS,
  ReferralStatus,
} from '../../../../shared/domain/catalogues';
import { FALSE, ID, LIST, TIME, TRUE, recordColumnsSchema, type RecordColumns } from '../../db/record';

export interface DirectoryEntryRow extends RecordColumns {
  id: string;
  name: string;
  kind: DirectoryEntry['kind'];
  category: (typeof DIRECTORY_CATEGORIES)[number];
  city: string | null;
  region: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  languages: string[];
  friendliness: Array<(typeof FRIENDLINESS)[number]>;
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
  status: ReferralStatus;
  appointmentAt: string | null;
  feedback: string | null;
  overrideReason: string | null;
  createdBy: string | null;
}

export const DirectoryEntryEntity = new EntitySchema<DirectoryEntryRow>({
  name: 'DirectoryEntry',
  tableName: 'directory_entry',
  columns: {
    id: { ...ID, primary: true },
    name: { type: 'varchar', length: 200 },
    kind: { type: 'varchar', length: 16 },
    category: { type: 'varchar', length: 32 },
    city: { type: 'varchar', length: 100, nullable: true },
    region: { type: 'varchar', length: 100, nullable: true },
    phone: { type: 'varchar', length: 32, nullable: true },
    email: { type: 'varchar', length: 200, nullable: true },
    address: { type: 'varchar', length: 300, nullable: true },
    languages: LIST,
    friendliness: LIST,
    notes: { type: 'text', nullable: true },
    internal: { type: 'boolean', default: FALSE },
    lastVerifiedAt: { ...TIME, name: 'last_verified_at', nullable: true },
    active: { type: 'boolean', default: TRUE },
    createdBy: { ...ID, name: 'created_by', nullable: true },
    ...recordColumnsSchema,
  },
  indices: [{ columns: ['category'] }],
});

export const ReferralEntity = new EntitySchema<ReferralRow>({
  name: 'Referral',
  tableName: 'referral',
  columns: {
    id: { ...ID, primary: true },
    personId: { ...ID, name: 'person_id', foreignKey: { target: 'person' } },
    entryId: { ...ID, name: 'entry_id', foreignKey: { target: 'directory_entry' } },
    reason: { type: 'text' },
    referredAt: { ...TIME, name: 'referred_at' },
    status: { type: 'varchar', length: 16 },
    appointmentAt: { ...TIME, name: 'appointment_at', nullable: true },
    feedback: { type: 'text', nullable: true },
    overrideReason: { type: 'text', name: 'override_reason', nullable: true },
    createdBy: { ...ID, name: 'created_by', nullable: true },
    ...recordColumnsSchema,
  },
  indices: [{ columns: ['personId', 'referredAt'] }],
});
