/**
 * Vaccination records of the interchange format: courses (`vaccine_course`) and doses
 * (`vaccine_dose`), each from its view. The import applies the screens' rules: no date in the
 * future, a stop not before the start, a dose of a course of the same person, one dose of a course
 * per day (also the unique index).
 */
import type { EntityManager } from 'typeorm';
import type { RecordOf } from '../../../../shared/contract/interchange';
import type { FileRecords } from '../../interchange/adapter';
import { entityAdapter, refs } from '../../interchange/entity-adapter';
import {
  AUTHOR_COLUMN,
  dayInFuture as inFuture,
  lineRefusals,
  personMerged,
} from '../../interchange/record-rules';
import { currentCatalogue } from '../clinical-catalogues/repository';
import { VaccineCourseEntity, VaccineDoseEntity } from './entities';
import { dosesOfCourse, findCourse } from './repository';
import { toCourse, toDose } from './vaccinations-service';

async function courseOf(
  em: EntityManager,
  file: FileRecords,
  id: string,
): Promise<{ personId: string; startedOn: string } | null> {
  return file.find('vaccine_course', id) ?? (await findCourse(em, id));
}

export const vaccineCourseAdapter = entityAdapter({
  type: 'vaccine_course',
  entity: VaccineCourseEntity,
  // The record carries the course's own columns: no doses, no names needed.
  view: async (rows, em) => {
    const catalogue = await currentCatalogue(em, 'vaccines');
    return rows.map((r) => toCourse(r, [], catalogue[r.vaccineCode], new Map()));
  },
  rowNames: AUTHOR_COLUMN,
  // Its checks read no other record of its type: new ones are written in batches.
  batched: () => true,
  checkLines: (em, lines, file) =>
    lineRefusals(lines, async (r, refuse) => {
      if (await personMerged(em, file, r.personId)) refuse('personId', 'person_merged');
      else if (inFuture(r.startedOn, file.now)) refuse('startedOn', 'date_in_future');
      else if (r.stoppedOn && inFuture(r.stoppedOn, file.now)) refuse('stoppedOn', 'date_in_future');
      else if (r.stoppedOn && r.stoppedOn < r.startedOn) refuse('stoppedOn', 'before_start');
    }),
  references: (r: RecordOf<'vaccine_course'>) =>
    refs(['personId', 'person', r.personId], ['siteId', 'site', r.siteId], ['authorId', 'user', r.authorId]),
});

export const vaccineDoseAdapter = entityAdapter({
  type: 'vaccine_dose',
  entity: VaccineDoseEntity,
  view: (rows) => rows.map((r) => toDose(r, new Map())),
  rowNames: AUTHOR_COLUMN,
  // Two doses of a course the same day are checked against the store: never batched.
  batched: () => false,
  checkLines(em, lines, file) {
    const daysInFile = new Set<string>();
    return lineRefusals(lines, async (r, refuse) => {
      const course = await courseOf(em, file, r.courseId);
      const day = `${r.courseId} ${r.givenOn}`;
      const stored = (await dosesOfCourse(em, r.courseId)).find((d) => d.givenOn === r.givenOn);
      if (inFuture(r.givenOn, file.now)) refuse('givenOn', 'date_in_future');
      else if (course && course.personId !== r.personId) refuse('courseId', 'unknown_course');
      else if (daysInFile.has(day) || (stored && stored.id !== r.id))
        refuse('givenOn', 'vaccine_dose_same_day');
      daysInFile.add(day);
    });
  },
  references: (r: RecordOf<'vaccine_dose'>) =>
    refs(
      ['courseId', 'vaccine_course', r.courseId],
      ['personId', 'person', r.personId],
      ['siteId', 'site', r.siteId],
      ['givenBy', 'user', r.givenBy],
      ['authorId', 'user', r.authorId],
    ),
});
