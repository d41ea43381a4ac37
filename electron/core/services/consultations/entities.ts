import { EntitySchema } from 'typeorm';
import type { AdministrationRoute } from '../../../../shared/domain/clinical-catalogues';
import { ID, LIST, TIME, recordColumnsSchema, type RecordColumns } from '../../db/record';

/** `gp` for the doctor's consultation; otherwise the specialty code of a specialist consultation. */
export type ConsultationKind = string;

export interface ConsultationRow extends RecordColumns {
  id: string;
  personId: string;
  visitId: string | null;
  siteId: string;
  kind: ConsultationKind;
  heldAt: string;
  reason: string | null;
  history: string | null;
  examination: string | null;
  conclusion: string | null;
  endedAt: string | null;
  createdBy: string | null;
}

export interface ConsultationDiagnosisRow extends RecordColumns {
  id: string;
  consultationId: string;
  /** ICD-10 code from the diagnoses catalogue. */
  code: string;
  /** The site's calendar date of the consultation (indicators count by it). */
  diagnosedOn: string;
  createdBy: string | null;
}

/** One drug of a prescription, as printed (free text pre-filled from the treatments catalogue). */
export interface PrescriptionLine {
  drug: string;
  dose: string;
  route: AdministrationRoute | null;
  frequency: string;
  duration: string;
}

export interface PrescriptionRow extends RecordColumns {
  id: string;
  personId: string;
  consultationId: string | null;
  prepEpisodeId: string | null;
  prescriberId: string;
  issuedOn: string;
  lines: PrescriptionLine[];
  renewals: number;
  createdBy: string | null;
}

const DAY = { type: 'varchar', length: 10 } as const;

export const ConsultationEntity = new EntitySchema<ConsultationRow>({
  name: 'Consultation',
  tableName: 'consultation',
  columns: {
    id: { ...ID, primary: true },
    personId: { ...ID, name: 'person_id', foreignKey: { target: 'person' } },
    visitId: { ...ID, name: 'visit_id', nullable: true },
    siteId: { ...ID, name: 'site_id' },
    kind: { type: 'varchar', length: 32 },
    heldAt: { ...TIME, name: 'held_at' },
    reason: { type: 'text', nullable: true },
    history: { type: 'text', nullable: true },
    examination: { type: 'text', nullable: true },
    conclusion: { type: 'text', nullable: true },
    endedAt: { ...TIME, name: 'ended_at', nullable: true },
    createdBy: { ...ID, name: 'created_by', nullable: true },
    ...recordColumnsSchema,
  },
  indices: [{ columns: ['personId', 'heldAt'] }],
});

export const ConsultationDiagnosisEntity = new EntitySchema<ConsultationDiagnosisRow>({
  name: 'ConsultationDiagnosis',
  tableName: 'consultation_diagnosis',
  columns: {
    id: { ...ID, primary: true },
    consultationId: { ...ID, name: 'consultation_id', foreignKey: { target: 'consultation' } },
    code: { type: 'varchar', length: 16 },
    diagnosedOn: { ...DAY, name: 'diagnosed_on' },
    createdBy: { ...ID, name: 'created_by', nullable: true },
    ...recordColumnsSchema,
  },
  // A consultation's diagnoses are read with it; indicators count a code over a period.
  indices: [{ columns: ['consultationId'] }, { columns: ['code', 'diagnosedOn'] }],
});

export const PrescriptionEntity = new EntitySchema<PrescriptionRow>({
  name: 'Prescription',
  tableName: 'prescription',
  columns: {
    id: { ...ID, primary: true },
    personId: { ...ID, name: 'person_id', foreignKey: { target: 'person' } },
    consultationId: { ...ID, name: 'consultation_id', nullable: true },
    prepEpisodeId: { ...ID, name: 'prep_episode_id', nullable: true },
    prescriberId: { ...ID, name: 'prescriber_id' },
    issuedOn: { ...DAY, name: 'issued_on' },
    lines: LIST,
    renewals: { type: 'integer', default: 0 },
    createdBy: { ...ID, name: 'created_by', nullable: true },
    ...recordColumnsSchema,
  },
  indices: [{ columns: ['personId', 'issuedOn'] }],
});
