/**
 * Test and Treat: one `to_treat` item per treatable infection of a positive result (opened in the
 * result's transaction), the `treatment` given for it, and the `partner`s listed pseudonymously
 * for notification. Enumerated columns are typed with the unions of shared/domain/treatments.ts.
 */
import { EntitySchema } from 'typeorm';
import type { AdministrationRoute, Infection } from '../../../../shared/domain/clinical-catalogues';
import type { PartnerNotifier, PartnerStatus, ToTreatStatus } from '../../../../shared/domain/treatments';
import { ID, TIME, recordColumnsSchema, type RecordColumns } from '../../db/record';

/** A calendar date `YYYY-MM-DD` (the site's local date). */
const DATE = { type: 'varchar', length: 10 } as const;

export interface ToTreatRow extends RecordColumns {
  id: string;
  personId: string;
  siteId: string;
  resultId: string;
  infection: Infection;
  /** The result's date at the site: the delay is counted from it. */
  openedOn: string;
  status: ToTreatStatus;
  treatmentId: string | null;
  /** The hospital referral (directory) of an HIV / hepatitis item. */
  referralId: string | null;
  /** The referral's first appointment, as a site date (the "not attended" list and alert). */
  appointmentOn: string | null;
  treatedOn: string | null;
  /** Days from the result to the treatment, in the site's calendar; kept for ever. */
  delayDays: number | null;
  /** Set while a test of cure is awaited; cleared when its result is saved (cureResultId). */
  cureTestDueOn: string | null;
  cureResultId: string | null;
  closedReason: string | null;
  createdBy: string | null;
}

export const ToTreatEntity = new EntitySchema<ToTreatRow>({
  name: 'ToTreat',
  tableName: 'to_treat',
  columns: {
    id: { ...ID, primary: true },
    personId: { ...ID, name: 'person_id', foreignKey: { target: 'person' } },
    siteId: { ...ID, name: 'site_id' },
    resultId: { ...ID, name: 'result_id', foreignKey: { target: 'result' } },
    infection: { type: 'varchar', length: 16 },
    openedOn: { ...DATE, name: 'opened_on' },
    status: { type: 'varchar', length: 16 },
    treatmentId: { ...ID, name: 'treatment_id', nullable: true },
    referralId: { ...ID, name: 'referral_id', nullable: true },
    appointmentOn: { ...DATE, name: 'appointment_on', nullable: true },
    treatedOn: { ...DATE, name: 'treated_on', nullable: true },
    delayDays: { type: 'integer', name: 'delay_days', nullable: true },
    cureTestDueOn: { ...DATE, name: 'cure_test_due_on', nullable: true },
    cureResultId: { ...ID, name: 'cure_result_id', nullable: true },
    closedReason: { type: 'text', name: 'closed_reason', nullable: true },
    createdBy: { ...ID, name: 'created_by', nullable: true },
    ...recordColumnsSchema,
  },
  indices: [
    // The worklists' open range first (docs/clinical-pathway.md, "Why the worklist indexes").
    { columns: ['status', 'siteId', 'openedOn'] },
    { columns: ['cureTestDueOn'] },
    { columns: ['personId', 'openedOn'] },
  ],
});

export interface TreatmentRow extends RecordColumns {
  id: string;
  personId: string;
  siteId: string;
  toTreatId: string | null;
  drug: string;
  dose: string;
  route: AdministrationRoute;
  givenAt: string;
  givenBy: string;
  createdBy: string | null;
}

export const TreatmentEntity = new EntitySchema<TreatmentRow>({
  name: 'Treatment',
  tableName: 'treatment',
  columns: {
    id: { ...ID, primary: true },
    personId: { ...ID, name: 'person_id', foreignKey: { target: 'person' } },
    siteId: { ...ID, name: 'site_id' },
    toTreatId: { ...ID, name: 'to_treat_id', nullable: true },
    drug: { type: 'varchar', length: 100 },
    dose: { type: 'varchar', length: 60 },
    route: { type: 'varchar', length: 16 },
    givenAt: { ...TIME, name: 'given_at' },
    givenBy: { ...ID, name: 'given_by' },
    createdBy: { ...ID, name: 'created_by', nullable: true },
    ...recordColumnsSchema,
  },
  indices: [{ columns: ['personId', 'givenAt'] }],
});

export interface PartnerRow extends RecordColumns {
  id: string;
  personId: string;
  toTreatId: string;
  siteId: string;
  pseudonym: string;
  notifier: PartnerNotifier;
  status: PartnerStatus;
  statusOn: string;
  createdBy: string | null;
}

export const PartnerEntity = new EntitySchema<PartnerRow>({
  name: 'Partner',
  tableName: 'partner',
  columns: {
    id: { ...ID, primary: true },
    personId: { ...ID, name: 'person_id', foreignKey: { target: 'person' } },
    toTreatId: { ...ID, name: 'to_treat_id', foreignKey: { target: 'to_treat' } },
    siteId: { ...ID, name: 'site_id' },
    pseudonym: { type: 'varchar', length: 40 },
    notifier: { type: 'varchar', length: 20 },
    status: { type: 'varchar', length: 16 },
    statusOn: { ...DATE, name: 'status_on' },
    createdBy: { ...ID, name: 'created_by', nullable: true },
    ...recordColumnsSchema,
  },
  indices: [{ columns: ['status', 'siteId', 'statusOn'] }, { columns: ['personId', 'toTreatId'] }],
});
