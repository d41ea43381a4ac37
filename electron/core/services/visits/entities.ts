import { EntitySchema } from 'typeorm';
import { recordColumnsSchema, type RecordColumns } from '../../db/record';

export interface VisitRow extends RecordColumns {
  id: string;
  personId: string;
  siteId: string;
  openedAt: string;
  closedAt: string | null;
  origin: string;
  appointmentId: string | null;
  step: string;
  stepSince: string;
  withUserId: string | null;
  priority: string;
  nextSteps: string[];
  requeued: number;
  createdBy: string | null;
}

export interface VisitStepRow {
  id: string;
  visitId: string;
  step: string;
  at: string;
  byUserId: string | null;
  withUserId: string | null;
}

export const VisitEntity = new EntitySchema<VisitRow>({
  name: 'Visit',
  tableName: 'visit',
  columns: {
    id: { type: 'varchar', primary: true },
    personId: { type: 'varchar', name: 'person_id' },
    siteId: { type: 'varchar', name: 'site_id' },
    openedAt: { type: 'varchar', name: 'opened_at' },
    closedAt: { type: 'varchar', name: 'closed_at', nullable: true },
    origin: { type: 'varchar' },
    appointmentId: { type: 'varchar', name: 'appointment_id', nullable: true },
    step: { type: 'varchar' },
    stepSince: { type: 'varchar', name: 'step_since' },
    withUserId: { type: 'varchar', name: 'with_user_id', nullable: true },
    priority: { type: 'varchar' },
    nextSteps: { type: 'simple-json', name: 'next_steps' },
    requeued: { type: 'integer' },
    createdBy: { type: 'varchar', name: 'created_by', nullable: true },
    ...recordColumnsSchema,
  },
});

export const VisitStepEntity = new EntitySchema<VisitStepRow>({
  name: 'VisitStep',
  tableName: 'visit_step',
  columns: {
    id: { type: 'varchar', primary: true },
    visitId: { type: 'varchar', name: 'visit_id' },
    step: { type: 'varchar' },
    at: { type: 'varchar' },
    byUserId: { type: 'varchar', name: 'by_user_id', nullable: true },
    withUserId: { type: 'varchar', name: 'with_user_id', nullable: true },
  },
});
