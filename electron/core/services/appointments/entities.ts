import { EntitySchema } from 'typeorm';
import { recordColumnsSchema, type RecordColumns } from '../../db/record';

export interface AppointmentRow extends RecordColumns {
  id: string;
  personId: string | null;
  siteId: string;
  professionalId: string;
  room: string | null;
  type: string;
  startsAt: string;
  endsAt: string;
  walkInSlot: boolean;
  status: string;
  notes: string | null;
  createdBy: string | null;
}

export const AppointmentEntity = new EntitySchema<AppointmentRow>({
  name: 'Appointment',
  tableName: 'appointment',
  columns: {
    id: { type: 'varchar', primary: true },
    personId: { type: 'varchar', name: 'person_id', nullable: true },
    siteId: { type: 'varchar', name: 'site_id' },
    professionalId: { type: 'varchar', name: 'professional_id' },
    room: { type: 'varchar', nullable: true },
    type: { type: 'varchar' },
    startsAt: { type: 'varchar', name: 'starts_at' },
    endsAt: { type: 'varchar', name: 'ends_at' },
    walkInSlot: { type: 'boolean', name: 'walk_in_slot' },
    status: { type: 'varchar' },
    notes: { type: 'text', nullable: true },
    createdBy: { type: 'varchar', name: 'created_by', nullable: true },
    ...recordColumnsSchema,
  },
});
