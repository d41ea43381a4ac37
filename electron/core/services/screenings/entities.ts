/**
 * Screenings: the day's screening of a person (`screening`), each test taken in it (`sample`, one
 * per anatomical site for CT/NG), and the result of a sample (`result`, at most one per sample).
 * Enumerated columns are typed with the catalogue unions of shared/domain/clinical-catalogues.ts.
 */
import { EntitySchema } from 'typeorm';
import type { AnatomicalSite, Infection, TestCode } from '../../../../shared/domain/clinical-catalogues';
import type {
  ResultInterpretation,
  ResultSource,
  ResultValue,
  SampleStatus,
} from '../../../../shared/domain/screenings';
import { FALSE, ID, LIST, TIME, recordColumnsSchema, type RecordColumns } from '../../db/record';

/** A calendar date `YYYY-MM-DD` (the site's local date). */
const DATE = { type: 'varchar', length: 10 } as const;

export interface ScreeningRow extends RecordColumns {
  id: string;
  personId: string;
  visitId: string | null;
  siteId: string;
  takenOn: string;
  createdBy: string | null;
}

export const ScreeningEntity = new EntitySchema<ScreeningRow>({
  name: 'Screening',
  tableName: 'screening',
  columns: {
    id: { ...ID, primary: true },
    personId: { ...ID, name: 'person_id', foreignKey: { target: 'person' } },
    visitId: { ...ID, name: 'visit_id', nullable: true },
    siteId: { ...ID, name: 'site_id' },
    takenOn: { ...DATE, name: 'taken_on' },
    createdBy: { ...ID, name: 'created_by', nullable: true },
    ...recordColumnsSchema,
  },
  indices: [{ columns: ['personId', 'takenOn'] }],
});

export interface SampleRow extends RecordColumns {
  id: string;
  screeningId: string;
  personId: string;
  siteId: string;
  testCode: TestCode;
  anatomicalSite: AnatomicalSite | null;
  status: SampleStatus;
  orderedBy: string | null;
  takenAt: string | null;
  takenBy: string | null;
  /** The reactive rapid test this sample confirms. */
  confirmsResultId: string | null;
  createdBy: string | null;
}

export const SampleEntity = new EntitySchema<SampleRow>({
  name: 'Sample',
  tableName: 'sample',
  columns: {
    id: { ...ID, primary: true },
    screeningId: { ...ID, name: 'screening_id', foreignKey: { target: 'screening' } },
    personId: { ...ID, name: 'person_id', foreignKey: { target: 'person' } },
    siteId: { ...ID, name: 'site_id' },
    testCode: { type: 'varchar', length: 32, name: 'test_code' },
    anatomicalSite: { type: 'varchar', length: 16, name: 'anatomical_site', nullable: true },
    status: { type: 'varchar', length: 16 },
    orderedBy: { ...ID, name: 'ordered_by', nullable: true },
    takenAt: { ...TIME, name: 'taken_at', nullable: true },
    takenBy: { ...ID, name: 'taken_by', nullable: true },
    confirmsResultId: { ...ID, name: 'confirms_result_id', nullable: true },
    createdBy: { ...ID, name: 'created_by', nullable: true },
    ...recordColumnsSchema,
  },
  indices: [
    // The worklists' open range first (docs/clinical-pathway.md, "Why the worklist indexes").
    { columns: ['status', 'siteId', 'takenAt'] },
    // Lab matching: a person's pending samples of one test.
    { columns: ['personId', 'testCode', 'status'] },
  ],
});

export interface ResultRow extends RecordColumns {
  id: string;
  sampleId: string;
  personId: string;
  siteId: string;
  testCode: TestCode;
  value: ResultValue;
  interpretation: ResultInterpretation;
  infections: Infection[];
  resultedAt: string;
  source: ResultSource;
  /** The lab CSV import that brought it (a later slice). */
  importId: string | null;
  /** The laboratory's own sample / report reference (lab CSV `lab_reference`), as the file gave it. */
  labReference: string | null;
  givenAt: string | null;
  givenBy: string | null;
  /** Not yet told to the person (kept by the service with the result, for the worklist). */
  toGive: boolean;
  createdBy: string | null;
}

export const ResultEntity = new EntitySchema<ResultRow>({
  name: 'Result',
  tableName: 'result',
  columns: {
    id: { ...ID, primary: true },
    sampleId: { ...ID, name: 'sample_id', unique: true, foreignKey: { target: 'sample' } },
    personId: { ...ID, name: 'person_id', foreignKey: { target: 'person' } },
    siteId: { ...ID, name: 'site_id' },
    testCode: { type: 'varchar', length: 32, name: 'test_code' },
    value: { type: 'simple-json' },
    interpretation: { type: 'varchar', length: 16 },
    infections: LIST,
    resultedAt: { ...TIME, name: 'resulted_at' },
    source: { type: 'varchar', length: 16 },
    importId: { ...ID, name: 'import_id', nullable: true },
    labReference: { type: 'varchar', length: 64, name: 'lab_reference', nullable: true },
    givenAt: { ...TIME, name: 'given_at', nullable: true },
    givenBy: { ...ID, name: 'given_by', nullable: true },
    toGive: { type: 'boolean', name: 'to_give', default: FALSE },
    createdBy: { ...ID, name: 'created_by', nullable: true },
    ...recordColumnsSchema,
  },
  indices: [
    { columns: ['toGive', 'siteId', 'resultedAt'] },
    { columns: ['interpretation', 'testCode', 'resultedAt'] },
  ],
});
