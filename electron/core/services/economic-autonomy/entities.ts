/**
 * Economic autonomy (docs/violence-care.md, section 3): a person's vocational trainings and
 * micro-credit applications with their steps. Enumerated columns are typed with the unions of
 * shared/domain/economic-autonomy.ts; amounts are integer minor units with their currency.
 */
import { EntitySchema } from 'typeorm';
import type {
  MicroCreditStatus,
  TrainingField,
  TrainingStatus,
} from '../../../../shared/domain/economic-autonomy';
import { ID, recordColumnsSchema, type RecordColumns } from '../../db/record';

/** A calendar date `YYYY-MM-DD` (the site's local date). */
const DATE = { type: 'varchar', length: 10 } as const;
const person = { ...ID, name: 'person_id', foreignKey: { target: 'person' } } as const;
const createdBy = { ...ID, name: 'created_by', nullable: true } as const;
const entry = (name: string) =>
  ({ ...ID, name, nullable: true, foreignKey: { target: 'directory_entry' } }) as const;

export interface TrainingRow extends RecordColumns {
  id: string;
  personId: string;
  siteId: string;
  field: TrainingField;
  /** What the training is, as typed (required for `other`, kept for any field). */
  fieldLabel: string | null;
  /** The partner that gives the training (directory). */
  providerEntryId: string | null;
  startsOn: string;
  endsOn: string | null;
  status: TrainingStatus;
  /** The day the current status was reached. */
  statusOn: string;
  createdBy: string | null;
}

export const TrainingEntity = new EntitySchema<TrainingRow>({
  name: 'Training',
  tableName: 'training',
  columns: {
    id: { ...ID, primary: true },
    personId: person,
    siteId: { ...ID, name: 'site_id' },
    field: { type: 'varchar', length: 24 },
    fieldLabel: { type: 'varchar', length: 200, name: 'field_label', nullable: true },
    providerEntryId: entry('provider_entry_id'),
    startsOn: { ...DATE, name: 'starts_on' },
    endsOn: { ...DATE, name: 'ends_on', nullable: true },
    status: { type: 'varchar', length: 16 },
    statusOn: { ...DATE, name: 'status_on' },
    createdBy,
    ...recordColumnsSchema,
  },
  indices: [{ columns: ['status', 'siteId'] }, { columns: ['personId'] }],
});

export interface MicroCreditRow extends RecordColumns {
  id: string;
  personId: string;
  siteId: string;
  /** The lender (a micro-finance institution of the directory). */
  lenderEntryId: string | null;
  /** The day the application was started: its steps are on or after it. */
  appliedOn: string;
  amountMinor: number;
  currency: string;
  purpose: string;
  status: MicroCreditStatus;
  createdBy: string | null;
}

export const MicroCreditEntity = new EntitySchema<MicroCreditRow>({
  name: 'MicroCredit',
  tableName: 'micro_credit',
  columns: {
    id: { ...ID, primary: true },
    personId: person,
    siteId: { ...ID, name: 'site_id' },
    lenderEntryId: entry('lender_entry_id'),
    appliedOn: { ...DATE, name: 'applied_on' },
    amountMinor: { type: 'integer', name: 'amount_minor' },
    currency: { type: 'varchar', length: 3 },
    purpose: { type: 'varchar', length: 300 },
    status: { type: 'varchar', length: 16 },
    createdBy,
    ...recordColumnsSchema,
  },
  indices: [{ columns: ['status', 'siteId'] }, { columns: ['personId'] }],
});

export interface MicroCreditStepRow extends RecordColumns {
  id: string;
  applicationId: string;
  personId: string;
  /** The status the application moved to. */
  status: MicroCreditStatus;
  on: string;
  note: string | null;
  createdBy: string | null;
}

export const MicroCreditStepEntity = new EntitySchema<MicroCreditStepRow>({
  name: 'MicroCreditStep',
  tableName: 'micro_credit_step',
  columns: {
    id: { ...ID, primary: true },
    applicationId: {
      ...ID,
      name: 'application_id',
      foreignKey: { target: 'micro_credit' },
    },
    personId: person,
    status: { type: 'varchar', length: 16 },
    on: { ...DATE },
    note: { type: 'varchar', length: 2000, nullable: true },
    createdBy,
    ...recordColumnsSchema,
  },
  indices: [{ columns: ['applicationId', 'on'] }, { columns: ['personId'] }],
});
