import { EntitySchema } from 'typeorm';
import type {
  EXPOSURE_TYPES,
  InterviewNeed,
  PREVENTION_TOOLS,
  SUBSTANCES,
  VIOLENCE_SCREENING,
} from '../../../../shared/domain/catalogues';
import { FALSE, ID, LIST, TIME, recordColumnsSchema, type RecordColumns } from '../../db/record';

export interface InterviewRow extends RecordColumns {
  id: string;
  personId: string;
  visitId: string | null;
  heldAt: string;
  reason: string | null;
  lastRiskAt: string | null;
  exposures: Array<(typeof EXPOSURE_TYPES)[number]>;
  practices: string | null;
  partnersCount: number | null;
  prevention: Array<(typeof PREVENTION_TOOLS)[number]>;
  substances: Array<(typeof SUBSTANCES)[number]>;
  chemsex: boolean;
  violenceScreening: (typeof VIOLENCE_SCREENING)[number];
  needs: InterviewNeed[];
  summary: string | null;
  notes: string | null;
  createdBy: string | null;
}

export const InterviewEntity = new EntitySchema<InterviewRow>({
  name: 'Interview',
  tableName: 'interview',
  columns: {
    id: { ...ID, primary: true },
    personId: { ...ID, name: 'person_id', foreignKey: { target: 'person' } },
    visitId: { ...ID, name: 'visit_id', nullable: true },
    heldAt: { ...TIME, name: 'held_at' },
    reason: { type: 'text', nullable: true },
    lastRiskAt: { ...TIME, name: 'last_risk_at', nullable: true },
    exposures: LIST,
    practices: { type: 'text', nullable: true },
    partnersCount: { type: 'integer', name: 'partners_count', nullable: true },
    prevention: LIST,
    substances: LIST,
    chemsex: { type: 'boolean', default: FALSE },
    violenceScreening: { type: 'varchar', length: 16, name: 'violence_screening', default: 'not_asked' },
    needs: LIST,
    summary: { type: 'text', nullable: true },
    notes: { type: 'text', nullable: true },
    createdBy: { ...ID, name: 'created_by', nullable: true },
    ...recordColumnsSchema,
  },
  indices: [{ columns: ['personId', 'heldAt'] }],
});
