/**
 * Vaccinations: a course per vaccine and person (`vaccine_course`: its schedule's state and the
 * next dose due, kept by the service in the transaction of each dose) and each dose given in it
 * (`vaccine_dose`). Enumerated columns are typed with the unions of shared/domain.
 */
import { EntitySchema } from 'typeorm';
import type { VaccineCode } from '../../../../shared/domain/clinical-catalogues';
import type { VaccineCourseStatus, VaccineCourseVariant } from '../../../../shared/domain/vaccinations';
import { ID, recordColumnsSchema, type RecordColumns } from '../../db/record';

/** A calendar date `YYYY-MM-DD` (the site's local date). */
const DATE = { type: 'varchar', length: 10 } as const;

export interface VaccineCourseRow extends RecordColumns {
  id: string;
  personId: string;
  siteId: string;
  vaccineCode: VaccineCode;
  startedOn: string;
  variant: VaccineCourseVariant | null;
  status: VaccineCourseStatus;
  /** Due date of the next dose while in progress; null once complete or stopped. */
  nextDueOn: string | null;
  /** The dose the next due date is for (1-based), kept with it for the worklist's line. */
  nextDose: number | null;
  stoppedOn: string | null;
  stopReason: string | null;
  createdBy: string | null;
}

export const VaccineCourseEntity = new EntitySchema<VaccineCourseRow>({
  name: 'VaccineCourse',
  tableName: 'vaccine_course',
  columns: {
    id: { ...ID, primary: true },
    personId: { ...ID, name: 'person_id', foreignKey: { target: 'person' } },
    siteId: { ...ID, name: 'site_id' },
    vaccineCode: { type: 'varchar', length: 32, name: 'vaccine_code' },
    startedOn: { ...DATE, name: 'started_on' },
    variant: { type: 'varchar', length: 32, nullable: true },
    status: { type: 'varchar', length: 16 },
    nextDueOn: { ...DATE, name: 'next_due_on', nullable: true },
    nextDose: { type: 'integer', name: 'next_dose', nullable: true },
    stoppedOn: { ...DATE, name: 'stopped_on', nullable: true },
    stopReason: { type: 'text', name: 'stop_reason', nullable: true },
    createdBy: { ...ID, name: 'created_by', nullable: true },
    ...recordColumnsSchema,
  },
  indices: [
    // The worklist's open range first (docs/clinical-pathway.md, "Why the worklist indexes").
    { columns: ['status', 'siteId', 'nextDueOn'] },
    // A person's courses (dossier reads), and one course per vaccine and start day.
    { columns: ['personId', 'vaccineCode', 'startedOn'], unique: true },
  ],
});

export interface VaccineDoseRow extends RecordColumns {
  id: string;
  courseId: string;
  personId: string;
  siteId: string;
  doseNumber: number;
  givenOn: string;
  lot: string;
  givenBy: string;
  createdBy: string | null;
}

export const VaccineDoseEntity = new EntitySchema<VaccineDoseRow>({
  name: 'VaccineDose',
  tableName: 'vaccine_dose',
  columns: {
    id: { ...ID, primary: true },
    courseId: { ...ID, name: 'course_id', foreignKey: { target: 'vaccine_course' } },
    personId: { ...ID, name: 'person_id', foreignKey: { target: 'person' } },
    siteId: { ...ID, name: 'site_id' },
    doseNumber: { type: 'integer', name: 'dose_number' },
    givenOn: { ...DATE, name: 'given_on' },
    lot: { type: 'varchar', length: 40 },
    givenBy: { ...ID, name: 'given_by' },
    createdBy: { ...ID, name: 'created_by', nullable: true },
    ...recordColumnsSchema,
  },
  indices: [
    // A person's doses (the unique index leads with person_id). Two doses of one course the same day are refused by the service; the index holds it too.
    { columns: ['personId', 'courseId', 'givenOn'], unique: true },
  ],
});
