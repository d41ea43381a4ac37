import { EntitySchema } from 'typeorm';
import { recordColumnsSchema, type RecordColumns } from '../../db/record';

export interface InterviewRow extends RecordColumns {
  id: string;
  personId: string;
  visitId: string | null;
  heldAt: string;
  reason: string | null;
  lastRiskAt: string | null;
  exposures: string[];
  practices: string | null;
  partnersCount: number | null;
  prevention: string[];
  substances: string[];
  chemsex: boolean;
  violenceScreening: string;
  needs: string[];
  summary: string | null;
  notes: string | null;
  createdBy: string | null;
}

const json = { type: 'simple-json' } as const;

export const InterviewEntity = new EntitySchema<InterviewRow>({
  name: 'Interview',
  tableName: 'interview',
  columns: {
    id: { type: 'varchar', primary: true },
    personId: { type: 'varchar', name: 'person_id' },
    visitId: { type: 'varchar', name: 'visit_id', nullable: true },
    heldAt: { type: 'varchar', name: 'held_at' },
    reason: { type: 'text', nullable: true },
    lastRiskAt: { type: 'varchar', name: 'last_risk_at', nullable: true },
    exposures: json,
    practices: { type: 'text', nullable: true },
    partnersCount: { type: 'integer', name: 'partners_count', nullable: true },
    prevention: json,
    substances: json,
    chemsex: { type: 'boolean' },
    violenceScreening: { type: 'varchar', name: 'violence_screening' },
    needs: json,
    summary: { type: 'text', nullable: true },
    notes: { type: 'text', nullable: true },
    createdBy: { type: 'varchar', name: 'created_by', nullable: true },
    ...recordColumnsSchema,
  },
});
