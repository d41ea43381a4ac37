/**
 * A course's next dose due is stored (the worklists read it on an index), so when the centre edits
 * a vaccine's schedule — a dose moved, a booster added or removed — the courses of that vaccine
 * still under way (in progress, or complete: a booster may now be due, or no longer) are
 * recomputed from their doses, in the catalogue version's transaction. The worklists, the dossier,
 * the certificate and the dose form then all judge by the one schedule in force, as an
 * immunisation forecast does; a stopped course keeps its state. (docs/clinical-pathway.md.)
 */
import { isDeepStrictEqual } from 'node:util';
import type { EntityManager } from 'typeorm';
import type { CatalogueContent, VaccineCode } from '../../../../shared/domain/clinical-catalogues';
import { VACCINE_CODES } from '../../../../shared/domain/clinical-catalogues';
import { coursesUnderWay, updateCourseProgress } from './repository';
import { optionsOf, progressOf } from './vaccinations-service';

/** Recomputes the courses of every vaccine whose schedule changed; returns how many moved. */
export async function rescheduleCourses(
  em: EntityManager,
  before: CatalogueContent['vaccines'],
  after: CatalogueContent['vaccines'],
  now: string,
): Promise<number> {
  const changed: VaccineCode[] = VACCINE_CODES.filter(
    (code) => !isDeepStrictEqual(before[code], after[code]),
  );
  if (changed.length === 0) return 0;
  let moved = 0;
  for (const course of await coursesUnderWay(em, changed)) {
    const progress = progressOf(
      after[course.vaccineCode],
      course.doses.map((d) => d.givenOn),
      optionsOf(course),
    );
    if (
      progress.status === course.status &&
      progress.nextDueOn === course.nextDueOn &&
      progress.nextDose === course.nextDose
    )
      continue;
    await updateCourseProgress(em, course.id, { ...progress, updatedAt: now, version: course.version + 1 });
    moved += 1;
  }
  return moved;
}
