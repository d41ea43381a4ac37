/**
 * Violence (docs/violence-care.md, section 3): the incidents with their 72-hour protocol's state,
 * each incident's narrative in its own row (never loaded with the tab), and the protocol's steps,
 * one per item. Enumerated columns are typed with the unions of shared/domain/violence.ts.
 */
import { EntitySchema } from 'typeorm';
import type {
  CertificateRequester,
  GbvimsType,
  IdentityCheck,
  Lesion,
  Perpetrator,
  PlaceKind,
  ProtocolItem,
  ProtocolLinkType,
  ProtocolOutcome,
  ProtocolStatus,
  ReportedTo,
  SeedType,
} from '../../../../shared/domain/violence';
import { FALSE, ID, LIST, TIME, TRUE, recordColumnsSchema, type RecordColumns } from '../../db/record';

/** A calendar date `YYYY-MM-DD` (the site's local date). */
const DATE = { type: 'varchar', length: 10 } as const;

export interface IncidentRow extends RecordColumns {
  id: string;
  personId: string;
  siteId: string;
  occurredOn: string;
  /** The instant, when the time is known (it falls on `occurredOn` in the site's zone). */
  occurredAt: string | null;
  dateApproximate: boolean;
  placeKind: PlaceKind;
  perpetrators: Perpetrator[];
  seedTypes: SeedType[];
  gbvimsType: GbvimsType;
  trafficking: boolean;
  reported: ReportedTo;
  reportedOn: string | null;
  protocolStatus: ProtocolStatus;
  /** Stored, not computed in SQL: the board's and the open protocols' look-up is one indexed read. */
  protocolDeadline: string | null;
  createdBy: string | null;
}

export const IncidentEntity = new EntitySchema<IncidentRow>({
  name: 'ViolenceIncident',
  tableName: 'violence_incident',
  columns: {
    id: { ...ID, primary: true },
    personId: { ...ID, name: 'person_id', foreignKey: { target: 'person' } },
    siteId: { ...ID, name: 'site_id' },
    occurredOn: { ...DATE, name: 'occurred_on' },
    occurredAt: { ...TIME, name: 'occurred_at', nullable: true },
    dateApproximate: { type: 'boolean', name: 'date_approximate', default: FALSE },
    placeKind: { type: 'varchar', length: 20, name: 'place_kind' },
    perpetrators: LIST,
    seedTypes: { ...LIST, name: 'seed_types' },
    gbvimsType: { type: 'varchar', length: 24, name: 'gbvims_type' },
    trafficking: { type: 'boolean', default: FALSE },
    reported: { type: 'varchar', length: 16 },
    reportedOn: { ...DATE, name: 'reported_on', nullable: true },
    protocolStatus: { type: 'varchar', length: 16, name: 'protocol_status' },
    protocolDeadline: { ...TIME, name: 'protocol_deadline', nullable: true },
    createdBy: { ...ID, name: 'created_by', nullable: true },
    ...recordColumnsSchema,
  },
  indices: [
    { columns: ['personId', 'occurredOn'] },
    // Open protocols first, then the site, then the deadline (docs/violence-care.md, "Why these indexes").
    { columns: ['protocolStatus', 'siteId', 'protocolDeadline'] },
  ],
});

export interface NarrativeRow extends RecordColumns {
  id: string;
  incidentId: string;
  personId: string;
  text: string;
  createdBy: string | null;
}

export const NarrativeEntity = new EntitySchema<NarrativeRow>({
  name: 'IncidentNarrative',
  tableName: 'incident_narrative',
  columns: {
    id: { ...ID, primary: true },
    incidentId: {
      ...ID,
      name: 'incident_id',
      unique: true,
      foreignKey: { target: 'violence_incident' },
    },
    personId: { ...ID, name: 'person_id', foreignKey: { target: 'person' } },
    text: { type: 'text' },
    createdBy: { ...ID, name: 'created_by', nullable: true },
    ...recordColumnsSchema,
  },
  indices: [{ columns: ['personId'] }],
});

export interface ProtocolStepRow extends RecordColumns {
  id: string;
  incidentId: string;
  personId: string;
  item: ProtocolItem;
  outcome: ProtocolOutcome;
  doneAt: string;
  /** Who did it (the nurse gave it), who may differ from who recorded it (`createdBy`). */
  doneBy: string;
  note: string | null;
  linkedType: ProtocolLinkType | null;
  linkedId: string | null;
  createdBy: string | null;
}

export const ProtocolStepEntity = new EntitySchema<ProtocolStepRow>({
  name: 'ProtocolStep',
  tableName: 'protocol_step',
  columns: {
    id: { ...ID, primary: true },
    incidentId: { ...ID, name: 'incident_id', foreignKey: { target: 'violence_incident' } },
    personId: { ...ID, name: 'person_id', foreignKey: { target: 'person' } },
    item: { type: 'varchar', length: 24 },
    outcome: { type: 'varchar', length: 16 },
    doneAt: { ...TIME, name: 'done_at' },
    doneBy: { ...ID, name: 'done_by' },
    note: { type: 'varchar', length: 500, nullable: true },
    linkedType: { type: 'varchar', length: 20, name: 'linked_type', nullable: true },
    linkedId: { ...ID, name: 'linked_id', nullable: true },
    createdBy: { ...ID, name: 'created_by', nullable: true },
    ...recordColumnsSchema,
  },
  indices: [
    // One outcome per item of an incident: a correction is a new version of the same row.
    { columns: ['incidentId', 'item'], unique: true },
    { columns: ['personId'] },
  ],
});

export interface CertificateRow extends RecordColumns {
  id: string;
  personId: string;
  incidentId: string;
  /** Where the examination took place: its zone gives the local time printed. */
  siteId: string;
  /** The examining doctor, who signs (the author). */
  doctorId: string;
  examinedAt: string;
  requestedBy: CertificateRequester;
  requisitionRef: string | null;
  identityCheck: IdentityCheck;
  identityDocument: string | null;
  statements: string;
  complaints: string;
  lesions: Lesion[];
  otherFindings: string;
  psychologicalFindings: string;
  furtherExams: string;
  ittDays: number | null;
  ittReserved: boolean;
  /** Set once, when the doctor issues it: from then on the row never changes. */
  issuedAt: string | null;
  replacesId: string | null;
  createdBy: string | null;
}

export const CertificateEntity = new EntitySchema<CertificateRow>({
  name: 'InjuryCertificate',
  tableName: 'injury_certificate',
  columns: {
    id: { ...ID, primary: true },
    personId: { ...ID, name: 'person_id', foreignKey: { target: 'person' } },
    incidentId: { ...ID, name: 'incident_id', foreignKey: { target: 'violence_incident' } },
    siteId: { ...ID, name: 'site_id' },
    doctorId: { ...ID, name: 'doctor_id' },
    examinedAt: { ...TIME, name: 'examined_at' },
    requestedBy: { type: 'varchar', length: 16, name: 'requested_by' },
    requisitionRef: { type: 'varchar', length: 200, name: 'requisition_ref', nullable: true },
    identityCheck: { type: 'varchar', length: 16, name: 'identity_check' },
    identityDocument: { type: 'varchar', length: 200, name: 'identity_document', nullable: true },
    statements: { type: 'text' },
    complaints: { type: 'text' },
    lesions: LIST,
    otherFindings: { type: 'text', name: 'other_findings' },
    psychologicalFindings: { type: 'text', name: 'psychological_findings' },
    furtherExams: { type: 'text', name: 'further_exams' },
    ittDays: { type: 'integer', name: 'itt_days', nullable: true },
    ittReserved: { type: 'boolean', name: 'itt_reserved', default: TRUE },
    issuedAt: { ...TIME, name: 'issued_at', nullable: true },
    replacesId: { ...ID, name: 'replaces_id', nullable: true },
    createdBy: { ...ID, name: 'created_by', nullable: true },
    ...recordColumnsSchema,
  },
  indices: [{ columns: ['personId', 'examinedAt'] }],
});
