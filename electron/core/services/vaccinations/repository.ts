/** The vaccinations' tables (`vaccine_course`, `vaccine_dose`): every query on them. */
import { type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { duePage, whereDueIn, type DueRange } from '../../db/due-worklist';
import { findRows } from '../../db/fast-read';
import { linkedTable } from '../../dossier/section';
import { hasCurrentConsent } from '../persons/repository';
import {
  VaccineCourseEntity,
  VaccineDoseEntity,
  type VaccineCourseRow,
  type VaccineDoseRow,
} from './entities';

export type { VaccineCourseRow, VaccineDoseRow };

/** A person's courses and doses follow the file on a merge. */
export const vaccineCoursesTable = linkedTable('vaccine_courses', VaccineCourseEntity);
export const vaccineDosesTable = linkedTable('vaccine_doses', VaccineDoseEntity);

/** A course with its doses, oldest dose first: what the dossier section loads. */
export interface CourseWithDoses extends VaccineCourseRow {
  doses: VaccineDoseRow[];
}

/** A person's courses, newest start first, each with its doses (two statements on person_id). */
export async function coursesOfPerson(em: EntityManager, personId: string): Promise<CourseWithDoses[]> {
  const courses = await findRows(
    em,
    VaccineCourseEntity,
    { personId },
    { column: 'startedOn', direction: 'DESC' },
  );
  if (courses.length === 0) return [];
  const doses = await findRows(em, VaccineDoseEntity, { personId }, { column: 'givenOn', direction: 'ASC' });
  const byCourse = new Map<string, VaccineDoseRow[]>();
  for (const dose of doses) byCourse.set(dose.courseId, [...(byCourse.get(dose.courseId) ?? []), dose]);
  return courses.map((course) => ({ ...course, doses: byCourse.get(course.id) ?? [] }));
}

export function findCourse(em: EntityManager, id: string): Promise<VaccineCourseRow | null> {
  return em.getRepository(VaccineCourseEntity).findOneBy({ id });
}

export function dosesOfCourse(em: EntityManager, courseId: string): Promise<VaccineDoseRow[]> {
  return em.getRepository(VaccineDoseEntity).find({ where: { courseId }, order: { givenOn: 'ASC' } });
}

/** The person's courses of one vaccine, newest start first. */
export function coursesOfVaccine(
  em: EntityManager,
  personId: string,
  vaccineCode: VaccineCourseRow['vaccineCode'],
): Promise<VaccineCourseRow[]> {
  return em
    .getRepository(VaccineCourseEntity)
    .find({ where: { personId, vaccineCode }, order: { startedOn: 'DESC', id: 'DESC' } });
}

export async function insertCourseRow(em: EntityManager, row: VaccineCourseRow): Promise<void> {
  await em.getRepository(VaccineCourseEntity).insert(row);
}

export async function saveCourseRow(em: EntityManager, row: VaccineCourseRow): Promise<void> {
  await em.getRepository(VaccineCourseEntity).save(row);
}

export async function insertDoseRow(em: EntityManager, row: VaccineDoseRow): Promise<void> {
  await em.getRepository(VaccineDoseEntity).insert(row);
}

// ---------------------------------------------------------------------------------------------
// The worklist: courses in progress whose next dose falls in a date range, on some sites.

/** Sites on the same calendar date, and the due-date range to list there (inclusive bounds). */
export type { DueRange };

export interface WorklistLine {
  courseId: string;
  personId: string;
  siteId: string;
  vaccineCode: VaccineCourseRow['vaccineCode'];
  nextDose: number | null;
  nextDueOn: string;
  /** 1 when the course is complete and the dose due is its booster (SQLite answers a number). */
  booster: number;
  fileNumber: string;
  nameUsed: string;
}

/**
 * Courses in progress of these sites whose next dose falls in one range per group of sites (sites
 * in different time zones may not be on the same date), of persons who share their vaccines with
 * the care team or whose course the reader started. One statement on the
 * `(status, site_id, next_due_on)` index, joined to the person for the name and file number.
 */
function worklistQuery(
  em: EntityManager,
  ranges: readonly DueRange[],
  readerId: string,
): SelectQueryBuilder<VaccineCourseRow & ObjectLiteral> {
  const qb = em
    .getRepository(VaccineCourseEntity)
    .createQueryBuilder('vc')
    .innerJoin('Person', 'p', 'p.id = vc.personId')
    // A complete course is on the lists only while a booster is due (its next_due_on is set).
    .where('vc.status IN (:...due)', { due: ['in_progress', 'complete'] });
  whereDueIn(qb, 'vc', 'nextDueOn', ranges);
  qb.andWhere(`(${hasCurrentConsent(qb, 'vc.person_id', 'care_team')} OR vc.createdBy = :reader)`, {
    reader: readerId,
  });
  return qb;
}

export function worklistPage(
  em: EntityManager,
  ranges: readonly DueRange[],
  readerId: string,
  page: { limit: number; after?: { nextDueOn: string; id: string } },
): Promise<WorklistLine[]> {
  const qb = worklistQuery(em, ranges, readerId)
    .select('vc.id', 'courseId')
    .addSelect('vc.personId', 'personId')
    .addSelect('vc.siteId', 'siteId')
    .addSelect('vc.vaccineCode', 'vaccineCode')
    .addSelect('vc.nextDose', 'nextDose')
    .addSelect('vc.nextDueOn', 'nextDueOn')
    .addSelect("CASE WHEN vc.status = 'complete' THEN 1 ELSE 0 END", 'booster')
    .addSelect('p.fileNumber', 'fileNumber')
    .addSelect('p.nameUsed', 'nameUsed');
  return duePage(qb, 'vc', 'nextDueOn', {
    limit: page.limit,
    after: page.after && { dueOn: page.after.nextDueOn, id: page.after.id },
  }).getRawMany<WorklistLine>();
}

export function worklistCount(
  em: EntityManager,
  ranges: readonly DueRange[],
  readerId: string,
): Promise<number> {
  return worklistQuery(em, ranges, readerId).getCount();
}

/** The SQL of a worklist page, for the query-plan test (no personal data: parameters only). */
export function worklistSql(
  em: EntityManager,
  ranges: readonly DueRange[],
  readerId: string,
): [string, unknown[]] {
  return worklistQuery(em, ranges, readerId)
    .select('vc.id')
    .orderBy('vc.nextDueOn', 'ASC')
    .addOrderBy('vc.id', 'ASC')
    .limit(51)
    .getQueryAndParameters();
}

// ---------------------------------------------------------------------------------------------
// A schedule edited in the catalogue: the courses of that vaccine still under way.

/** Bound parameters per `IN (…)`: well under SQLite's limit. */
const IDS_PER_STATEMENT = 800;

/** The courses of these vaccines in progress or complete (a booster may be due), with their doses. */
export async function coursesUnderWay(
  em: EntityManager,
  vaccineCodes: ReadonlyArray<VaccineCourseRow['vaccineCode']>,
): Promise<CourseWithDoses[]> {
  const courses = await findRows(
    em,
    VaccineCourseEntity,
    { vaccineCode: vaccineCodes, status: ['in_progress', 'complete'] },
    { column: 'id', direction: 'ASC' },
  );
  const byCourse = new Map<string, VaccineDoseRow[]>();
  for (let at = 0; at < courses.length; at += IDS_PER_STATEMENT) {
    const ids = courses.slice(at, at + IDS_PER_STATEMENT).map((c) => c.id);
    const doses = await findRows(
      em,
      VaccineDoseEntity,
      { courseId: ids },
      { column: 'givenOn', direction: 'ASC' },
    );
    for (const dose of doses) byCourse.set(dose.courseId, [...(byCourse.get(dose.courseId) ?? []), dose]);
  }
  return courses.map((course) => ({ ...course, doses: byCourse.get(course.id) ?? [] }));
}

export async function updateCourseProgress(
  em: EntityManager,
  id: string,
  changes: Pick<VaccineCourseRow, 'status' | 'nextDueOn' | 'nextDose' | 'updatedAt' | 'version'>,
): Promise<void> {
  await em.getRepository(VaccineCourseEntity).update({ id }, changes);
}
