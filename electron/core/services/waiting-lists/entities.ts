import { EntitySchema } from 'typeorm';
import type { WaitingListOrigin, WaitingListStatus } from '../../../../shared/domain/waiting-lists';
import { ID, TIME, recordColumnsSchema, type RecordColumns } from '../../db/record';

const DATE = { type: 'varchar', length: 10 } as const;

export interface WaitingListEntryRow extends RecordColumns {
  id: string;
  personId: string;
  siteId: string;
  /** A code of the centre's `specialties` catalogue. */
  specialty: string;
  /** The site's calendar date of the referral: the waiting time counts from it. */
  requestedOn: string;
  requestedBy: string;
  /** Where the referral was made (the interview, a consultation). */
  origin: WaitingListOrigin;
  note: string | null;
  status: WaitingListStatus;
  appointmentId: string | null;
  workshopId: string | null;
  cancelledReason: string | null;
  createdBy: string | null;
}

export interface WorkshopRow extends RecordColumns {
  id: string;
  siteId: string;
  specialty: string;
  title: string | null;
  startsAt: string;
  endsAt: string;
  capacity: number;
  facilitatorId: string;
  createdBy: string | null;
}

export const WaitingListEntryEntity = new EntitySchema<WaitingListEntryRow>({
  name: 'WaitingListEntry',
  tableName: 'waiting_list_entry',
  columns: {
    id: { ...ID, primary: true },
    personId: { ...ID, name: 'person_id', foreignKey: { target: 'person' } },
    siteId: { ...ID, name: 'site_id' },
    specialty: { type: 'varchar', length: 32 },
    requestedOn: { ...DATE, name: 'requested_on' },
    requestedBy: { ...ID, name: 'requested_by' },
    origin: { type: 'varchar', length: 16 },
    note: { type: 'text', nullable: true },
    status: { type: 'varchar', length: 16 },
    appointmentId: { ...ID, name: 'appointment_id', nullable: true },
    workshopId: { ...ID, name: 'workshop_id', nullable: true, foreignKey: { target: 'workshop' } },
    cancelledReason: { type: 'text', name: 'cancelled_reason', nullable: true },
    createdBy: { ...ID, name: 'created_by', nullable: true },
    ...recordColumnsSchema,
  },
  // The worklist reads one specialty's open range, then the reader's sites, in waiting order; the
  // dossier reads a person's entries; arrival finds the entry of an appointment.
  indices: [
    { columns: ['specialty', 'status', 'siteId', 'requestedOn'] },
    { columns: ['personId', 'requestedOn'] },
    { columns: ['appointmentId'] },
    { columns: ['workshopId'] },
  ],
});

export const WorkshopEntity = new EntitySchema<WorkshopRow>({
  name: 'Workshop',
  tableName: 'workshop',
  columns: {
    id: { ...ID, primary: true },
    siteId: { ...ID, name: 'site_id', foreignKey: { target: 'site' } },
    specialty: { type: 'varchar', length: 32 },
    title: { type: 'varchar', length: 120, nullable: true },
    startsAt: { ...TIME, name: 'starts_at' },
    endsAt: { ...TIME, name: 'ends_at' },
    capacity: { type: 'integer' },
    facilitatorId: { ...ID, name: 'facilitator_id', foreignKey: { target: 'staff_user' } },
    createdBy: { ...ID, name: 'created_by', nullable: true },
    ...recordColumnsSchema,
  },
  indices: [{ columns: ['siteId', 'startsAt'] }],
});
