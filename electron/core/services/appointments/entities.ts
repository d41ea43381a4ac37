import { EntitySchema } from 'typeorm';
import type { APPOINTMENT_STATUSES, AppointmentType } from '../../../../shared/domain/catalogues';
import { FALSE, ID, TIME, recordColumnsSchema, type RecordColumns } from '../../db/record';

export interface AppointmentRow extends RecordColumns {
  id: string;
  personId: string | null;
  siteId: string;
  professionalId: string;
  room: string | null;
  type: AppointmentType;
  startsAt: string;
  endsAt: string;
  walkInSlot: boolean;
  status: (typeof APPOINTMENT_STATUSES)[number];
  notes: string | null;
  createdBy: string | null;
}

export const AppointmentEntity = new EntitySchema<AppointmentRow>({
  name: 'Appointment',
  tableName: 'appointment',
  columns: {
    id: { ...ID, primary: true },
    personId: { ...ID, name: 'person_id', nullable: true, foreignKey: { target: 'person' } },
    siteId: { ...ID, name: 'site_id' },
    professionalId: { ...ID, name: 'professional_id', foreignKey: { target: 'staff_user' } },
    room: { type: 'varchar', length: 60, nullable: true },
    type: { type: 'varchar', length: 24 },
    startsAt: { ...TIME, name: 'starts_at' },
    endsAt: { ...TIME, name: 'ends_at' },
    walkInSlot: { type: 'boolean', name: 'walk_in_slot', default: FALSE },
    status: { type: 'varchar', length: 16, default: 'booked' },
    notes: { type: 'text', nullable: true },
    createdBy: { ...ID, name: 'created_by', nullable: true },
    ...recordColumnsSchema,
  },
  // The agenda by site, by professional and by person, in time order.
  indices: [
    { columns: ['siteId', 'startsAt'] },
    { columns: ['professionalId', 'startsAt'] },
    { columns: ['personId', 'startsAt'] },
  ],
});
