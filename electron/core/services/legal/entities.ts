/**
 * Legal procedures (docs/violence-care.md, section 3): a person's procedures with the lawyer from
 * the directory, the stage moves (`legal_step`) and the hearings. Enumerated columns are typed
 * with the unions of shared/domain/legal.ts.
 */
import { EntitySchema } from 'typeorm';
import type {
  HearingKind,
  HearingStatus,
  ProcedureOutcome,
  ProcedureStage,
  ProcedureType,
} from '../../../../shared/domain/legal';
import { ID, TIME, recordColumnsSchema, type RecordColumns } from '../../db/record';

/** A calendar date `YYYY-MM-DD` (the site's local date). */
const DATE = { type: 'varchar', length: 10 } as const;
const person = { ...ID, name: 'person_id', foreignKey: { target: 'person' } } as const;
const procedure = { ...ID, name: 'procedure_id', foreignKey: { target: 'legal_procedure' } } as const;
const createdBy = { ...ID, name: 'created_by', nullable: true } as const;

export interface ProcedureRow extends RecordColumns {
  id: string;
  personId: string;
  /** The site that follows it: its hearings are listed there. */
  siteId: string;
  type: ProcedureType;
  /** The incident a complaint is about (of the same person). */
  incidentId: string | null;
  openedOn: string;
  /** A directory entry of category `lawyer`: lawyers are partners, often without an account. */
  lawyerEntryId: string | null;
  /** The staff member who follows the procedure. */
  followerId: string;
  stage: ProcedureStage;
  court: string | null;
  caseReference: string | null;
  outcome: ProcedureOutcome | null;
  closedOn: string | null;
  createdBy: string | null;
}

export const ProcedureEntity = new EntitySchema<ProcedureRow>({
  name: 'LegalProcedure',
  tableName: 'legal_procedure',
  columns: {
    id: { ...ID, primary: true },
    personId: person,
    siteId: { ...ID, name: 'site_id' },
    type: { type: 'varchar', length: 32 },
    incidentId: { ...ID, name: 'incident_id', nullable: true, foreignKey: { target: 'violence_incident' } },
    openedOn: { ...DATE, name: 'opened_on' },
    lawyerEntryId: {
      ...ID,
      name: 'lawyer_entry_id',
      nullable: true,
      foreignKey: { target: 'directory_entry' },
    },
    followerId: { ...ID, name: 'follower_id' },
    stage: { type: 'varchar', length: 24 },
    court: { type: 'varchar', length: 200, nullable: true },
    caseReference: { type: 'varchar', length: 100, name: 'case_reference', nullable: true },
    outcome: { type: 'varchar', length: 16, nullable: true },
    closedOn: { ...DATE, name: 'closed_on', nullable: true },
    createdBy,
    ...recordColumnsSchema,
  },
  indices: [{ columns: ['stage', 'siteId'] }, { columns: ['personId'] }],
});

export interface LegalStepRow extends RecordColumns {
  id: string;
  procedureId: string;
  personId: string;
  /** The stage the procedure moved to. */
  stage: ProcedureStage;
  on: string;
  note: string | null;
  createdBy: string | null;
}

export const LegalStepEntity = new EntitySchema<LegalStepRow>({
  name: 'LegalStep',
  tableName: 'legal_step',
  columns: {
    id: { ...ID, primary: true },
    procedureId: procedure,
    personId: person,
    stage: { type: 'varchar', length: 24 },
    on: { ...DATE },
    note: { type: 'varchar', length: 2000, nullable: true },
    createdBy,
    ...recordColumnsSchema,
  },
  indices: [{ columns: ['procedureId', 'on'] }, { columns: ['personId'] }],
});

export interface HearingRow extends RecordColumns {
  id: string;
  procedureId: string;
  personId: string;
  /** The procedure's site (the calendar lists hearings per site). */
  siteId: string;
  startsAt: string;
  place: string;
  kind: HearingKind;
  status: HearingStatus;
  outcomeNote: string | null;
  createdBy: string | null;
}

export const HearingEntity = new EntitySchema<HearingRow>({
  name: 'Hearing',
  tableName: 'hearing',
  columns: {
    id: { ...ID, primary: true },
    procedureId: procedure,
    personId: person,
    siteId: { ...ID, name: 'site_id' },
    startsAt: { ...TIME, name: 'starts_at' },
    place: { type: 'varchar', length: 200 },
    kind: { type: 'varchar', length: 16 },
    status: { type: 'varchar', length: 16 },
    outcomeNote: { type: 'varchar', length: 2000, name: 'outcome_note', nullable: true },
    createdBy,
    ...recordColumnsSchema,
  },
  indices: [
    // The calendar and "due this week": status first, then the site, then the time.
    { columns: ['status', 'siteId', 'startsAt'] },
    { columns: ['procedureId', 'startsAt'] },
    { columns: ['personId'] },
  ],
});
