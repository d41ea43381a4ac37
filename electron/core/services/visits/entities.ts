import { EntitySchema } from 'typeorm';
import type { Visit } from '../../../../shared/contract/visits';
import type { InterviewNeed, VisitPriority, VisitStep } from '../../../../shared/domain/catalogues';
import { ID, LIST, TIME, recordColumnsSchema, type RecordColumns } from '../../db/record';

export interface VisitRow extends RecordColumns {
  id: string;
  personId: string;
  siteId: string;
  openedAt: string;
  closedAt: string | null;
  origin: Visit['origin'];
  appointmentId: string | null;
  step: VisitStep;
  stepSince: string;
  withUserId: string | null;
  priority: VisitPriority;
  nextSteps: InterviewNeed[];
  requeued: number;
  createdBy: string | null;
}

export interface VisitStepRow {
  id: string;
  visitId: string;
  step: VisitStep;
  at: string;
  byUserId: string | null;
  withUserId: string | null;
}

export const VisitEntity = new EntitySchema<VisitRow>({
  name: 'Visit',
  tableName: 'visit',
  columns: {
    id: { ...ID, primary: true },
    personId: { ...ID, name: 'person_id', foreignKey: { target: 'person' } },
    siteId: { ...ID, name: 'site_id' },
    openedAt: { ...TIME, name: 'opened_at' },
    closedAt: { ...TIME, name: 'closed_at', nullable: true },
    origin: { type: 'varchar', length: 16 },
    appointmentId: { ...ID, name: 'appointment_id', nullable: true },
    step: { type: 'varchar', length: 32 },
    stepSince: { ...TIME, name: 'step_since' },
    withUserId: { ...ID, name: 'with_user_id', nullable: true },
    priority: { type: 'varchar', length: 24, default: 'normal' },
    nextSteps: { ...LIST, name: 'next_steps' },
    requeued: { type: 'integer', default: 0 },
    createdBy: { ...ID, name: 'created_by', nullable: true },
    ...recordColumnsSchema,
  },
  // The board reads the open visits of a site; the dossier a person's visits in time order.
  indices: [{ columns: ['siteId', 'closedAt'] }, { columns: ['personId', 'openedAt'] }],
});

export const VisitStepEntity = new EntitySchema<VisitStepRow>({
  name: 'VisitStep',
  tableName: 'visit_step',
  columns: {
    id: { ...ID, primary: true },
    visitId: { ...ID, name: 'visit_id', foreignKey: { target: 'visit' } },
    step: { type: 'varchar', length: 32 },
    at: { ...TIME },
    byUserId: { ...ID, name: 'by_user_id', nullable: true },
    withUserId: { ...ID, name: 'with_user_id', nullable: true },
  },
  indices: [{ columns: ['visitId', 'at'] }],
});
