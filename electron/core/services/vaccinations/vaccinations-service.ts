/**
 * Vaccinations: a course per vaccine and person, each dose with its date, lot and who gave it.
 * The dose number, the next dose due and the course's state are computed from the centre's vaccine
 * catalogue (`currentCatalogue(em, 'vaccines')`) and the pure rules of shared/domain/schedules.ts,
 * in the transaction of the dose, so the worklist's index always holds the current due date.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ParsedInput as In } from '../../../../shared/contract';
import type { VaccineCourse, VaccineDose } from '../../../../shared/contract/vaccinations';
import type { VaccineCode, VaccineSchedule } from '../../../../shared/domain/clinical-catalogues';
import {
  daysBetween,
  dosesNeeded,
  earliestNextDose,
  nextVaccineDose,
  siteToday,
  vaccineDoseRefusal,
  type VaccinationOptions,
  type VaccineDoseRefusal,
} from '../../../../shared/domain/schedules';
import type { Lookup } from '../../api/access';
import type { DossierCall } from '../../api/routes';
import { conflict, invalid, type DomainError } from '../../errors';
import { findSite } from '../centre/repository';
import { currentCatalogue } from '../clinical-catalogues/repository';
import { loadPerson } from '../persons/repository';
import { findUser } from '../users/repository';
import { staffNames } from '../users/staff-names';
import { findVisit, openVisitIdOf } from '../visits/repository';
import {
  coursesOfVaccine,
  dosesOfCourse,
  findCourse,
  insertCourseRow,
  insertDoseRow,
  saveCourseRow,
  type VaccineCourseRow,
  type VaccineDoseRow,
} from './repository';

const DEFAULT_TIME_ZONE = 'Europe/Paris';

export function optionsOf(course: Pick<VaccineCourseRow, 'variant'>): VaccinationOptions {
  return { smallpoxVaccinated: course.variant === 'smallpox_vaccinated' };
}

/** The centre's schedule of a vaccine, or a refusal naming the field. */
export async function scheduleOf(em: EntityManager, code: VaccineCode): Promise<VaccineSchedule> {
  const catalogue = await currentCatalogue(em, 'vaccines');
  const schedule = catalogue[code] as (VaccineSchedule & { active?: boolean }) | undefined;
  if (!schedule) throw invalid('vaccineCode', 'unknown_vaccine');
  return schedule;
}

export function toDose(d: VaccineDoseRow, names: ReadonlyMap<string, string>): VaccineDose {
  return {
    id: d.id,
    courseId: d.courseId,
    personId: d.personId,
    siteId: d.siteId,
    doseNumber: d.doseNumber,
    givenOn: d.givenOn,
    lot: d.lot,
    givenBy: d.givenBy,
    givenByName: names.get(d.givenBy) ?? null,
    authorId: d.createdBy,
    version: d.version,
  };
}

export function toCourse(
  row: VaccineCourseRow,
  doses: readonly VaccineDoseRow[],
  schedule: VaccineSchedule,
  names: ReadonlyMap<string, string>,
): VaccineCourse {
  const given = [...doses].sort((a, b) => a.givenOn.localeCompare(b.givenOn));
  return {
    id: row.id,
    personId: row.personId,
    siteId: row.siteId,
    vaccineCode: row.vaccineCode,
    startedOn: row.startedOn,
    variant: row.variant,
    status: row.status,
    dosesNeeded: dosesNeeded(schedule, optionsOf(row)),
    nextDueOn: row.nextDueOn,
    nextDose: row.nextDose,
    // Said to the carer only where the catalogue sets a minimum gap (mpox); otherwise the next
    // dose may be recorded any day after the last one, and "not before tomorrow" says nothing.
    earliestNextOn:
      row.status === 'in_progress' && schedule.minIntervalDays !== undefined
        ? earliestNextDose(
            schedule,
            given.map((d) => d.givenOn),
          )
        : null,
    stoppedOn: row.stoppedOn,
    stopReason: row.stopReason,
    doses: given.map((d) => toDose(d, names)),
    authorId: row.createdBy,
    version: row.version,
  };
}

/** Courses as the tab and the certificate show them: each with its schedule and the carers' names. */
export async function toCourses(
  em: EntityManager,
  rows: ReadonlyArray<VaccineCourseRow & { doses: readonly VaccineDoseRow[] }>,
): Promise<VaccineCourse[]> {
  const catalogue = await currentCatalogue(em, 'vaccines');
  const names = await staffNames(
    em,
    rows.flatMap((r) => r.doses.map((d) => d.givenBy)),
  );
  return rows.map((r) => toCourse(r, r.doses, catalogue[r.vaccineCode], names));
}

/** The state a course is in after its doses: the next dose due, or complete. */
export function progressOf(
  schedule: VaccineSchedule,
  givenOn: readonly string[],
  options: VaccinationOptions,
): Pick<VaccineCourseRow, 'status' | 'nextDueOn' | 'nextDose'> {
  const next = nextVaccineDose(schedule, givenOn, options);
  if (next.status === 'due') return { status: 'in_progress', nextDueOn: next.dueOn, nextDose: next.dose };
  // Complete; with a booster rule, the booster is the next dose due (the worklists and alert show it).
  if (next.status === 'complete' && next.boosterDueOn)
    return { status: 'complete', nextDueOn: next.boosterDueOn, nextDose: givenOn.length + 1 };
  return { status: 'complete', nextDueOn: null, nextDose: null };
}

/** The schedule's refusal as the error naming the date field (each reason literal: its texts are checked). */
function doseRefused(refusal: VaccineDoseRefusal): DomainError {
  switch (refusal) {
    case 'invalid_date':
      return invalid('givenOn', 'invalid_date');
    case 'vaccine_dose_same_day':
      return invalid('givenOn', 'vaccine_dose_same_day');
    case 'vaccine_schedule_complete':
      return invalid('givenOn', 'vaccine_schedule_complete');
    case 'vaccine_dose_too_early':
      return invalid('givenOn', 'vaccine_dose_too_early');
  }
}

/** The site a dose is recorded at: the one asked for, else today's visit's, else the person's. */
async function siteOfDose(
  em: EntityManager,
  input: In<'vaccinations.giveDose'>,
  personSiteId: string,
): Promise<{ id: string; timeZone: string }> {
  let siteId = input.siteId;
  if (!siteId) {
    const open = await openVisitIdOf(em, input.personId);
    siteId = (open ? (await findVisit(em, open))?.siteId : undefined) ?? personSiteId;
  }
  const site = await findSite(em, siteId);
  if (!site) throw invalid('siteId', 'unknown_site');
  return { id: site.id, timeZone: site.timezone ?? DEFAULT_TIME_ZONE };
}

/**
 * The course a dose of this vaccine goes into: the one in progress (at most one: a new course starts
 * only without one), else — where the schedule has a booster rule — the latest course if complete
 * (the dose is its booster).
 */
async function courseInProgress(
  em: EntityManager,
  personId: string,
  code: VaccineCode,
  schedule?: VaccineSchedule,
): Promise<{ open: VaccineCourseRow | null; all: VaccineCourseRow[] }> {
  const all = await coursesOfVaccine(em, personId, code);
  const inProgress = all.find((c) => c.status === 'in_progress') ?? null;
  const boosted = schedule?.boosterAfterMonths && all[0]?.status === 'complete' ? all[0] : null;
  return { open: inProgress ?? boosted, all };
}

/**
 * Who wrote the course a dose goes into: the carer who started the course in progress, or the
 * caller for a new course (consent governs sharing, not collecting).
 */
export async function authorOfDose(
  input: In<'vaccinations.giveDose'>,
  { em, actor }: Lookup,
): Promise<string | null> {
  const schedule = await scheduleOf(em, input.vaccineCode);
  const { open } = await courseInProgress(em, input.personId, input.vaccineCode, schedule);
  return open ? open.createdBy : actor.userId;
}

export async function authorOfCourse(
  input: In<'vaccinations.stopCourse'>,
  { em }: Lookup,
): Promise<string | null> {
  const course = await findCourse(em, input.courseId);
  return course && course.personId === input.personId ? course.createdBy : null;
}

export async function giveDose(
  input: In<'vaccinations.giveDose'>,
  { actor, dossier }: DossierCall,
): Promise<VaccineCourse> {
  const { em, now } = dossier;
  const person = await loadPerson(em, input.personId);
  if (person.mergedInto) throw invalid('personId', 'person_merged');
  const schedule = await scheduleOf(em, input.vaccineCode);
  const site = await siteOfDose(em, input, person.siteId);
  if (daysBetween(siteToday(now, site.timeZone), input.givenOn) > 0)
    throw invalid('givenOn', 'date_in_future');
  const givenBy = input.givenBy ?? actor.userId;
  const carer = await findUser(em, givenBy);
  if (!carer || !carer.active) throw invalid('givenBy', 'unknown_user');

  const { open, all } = await courseInProgress(em, person.id, input.vaccineCode, schedule);
  // "Vaccinated against smallpox" shortens only an mpox course, and only the one it starts: said of
  // another vaccine, or of a course already under way with another schedule, it is refused, not dropped.
  if (
    input.smallpoxVaccinated &&
    (schedule.dosesIfSmallpoxVaccinated === undefined || (open && open.variant !== 'smallpox_vaccinated'))
  )
    throw invalid('smallpoxVaccinated', 'smallpox_not_applicable');
  const at = now.toISOString();
  let course: VaccineCourseRow;
  let doses: VaccineDoseRow[];
  if (open) {
    course = open;
    doses = await dosesOfCourse(em, open.id);
    const refusal = vaccineDoseRefusal(
      schedule,
      doses.map((d) => d.givenOn),
      input.givenOn,
      optionsOf(open),
    );
    if (refusal) throw doseRefused(refusal);
  } else {
    // The latest course is complete: a further dose would be past the schedule.
    if (all[0]?.status === 'complete') throw invalid('givenOn', 'vaccine_schedule_complete');
    // A course stopped the day it started: a new one cannot start the same day.
    if (all.some((c) => c.startedOn === input.givenOn)) throw invalid('givenOn', 'vaccine_dose_same_day');
    const smallpox = input.smallpoxVaccinated;
    course = {
      id: randomUUID(),
      personId: person.id,
      siteId: site.id,
      vaccineCode: input.vaccineCode,
      startedOn: input.givenOn,
      variant: smallpox ? 'smallpox_vaccinated' : null,
      status: 'in_progress',
      nextDueOn: null,
      nextDose: null,
      stoppedOn: null,
      stopReason: null,
      createdBy: actor.userId,
      createdAt: at,
      updatedAt: at,
      version: 0,
    };
    doses = [];
  }
  const dose: VaccineDoseRow = {
    id: randomUUID(),
    courseId: course.id,
    personId: person.id,
    siteId: site.id,
    doseNumber: doses.length + 1,
    givenOn: input.givenOn,
    lot: input.lot,
    givenBy,
    createdBy: actor.userId,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  doses = [...doses, dose];
  const updated: VaccineCourseRow = {
    ...course,
    ...progressOf(
      schedule,
      doses.map((d) => d.givenOn),
      optionsOf(course),
    ),
    updatedAt: at,
    version: course.version + 1,
  };
  if (open) await saveCourseRow(em, updated);
  else await insertCourseRow(em, updated);
  await insertDoseRow(em, dose);
  dossier.wrote({ type: 'vaccine_course', id: updated.id, action: open ? 'update' : 'create' });
  dossier.wrote({ type: 'vaccine_dose', id: dose.id, action: 'create' });
  return toCourse(
    updated,
    doses,
    schedule,
    await staffNames(
      em,
      doses.map((d) => d.givenBy),
    ),
  );
}

export async function stopCourse(
  input: In<'vaccinations.stopCourse'>,
  { dossier }: DossierCall,
): Promise<VaccineCourse> {
  const { em, now } = dossier;
  const course = await findCourse(em, input.courseId);
  if (!course || course.personId !== input.personId) throw invalid('courseId', 'unknown_course');
  if (course.version !== input.version) throw conflict('vaccine_course');
  if (course.status !== 'in_progress') throw invalid('courseId', 'vaccine_course_not_in_progress');
  const site = await findSite(em, course.siteId);
  const today = siteToday(now, site?.timezone ?? DEFAULT_TIME_ZONE);
  if (daysBetween(today, input.stoppedOn) > 0) throw invalid('stoppedOn', 'date_in_future');
  if (daysBetween(course.startedOn, input.stoppedOn) < 0) throw invalid('stoppedOn', 'before_start');
  const updated: VaccineCourseRow = {
    ...course,
    status: 'stopped',
    nextDueOn: null,
    nextDose: null,
    stoppedOn: input.stoppedOn,
    stopReason: input.reason,
    updatedAt: now.toISOString(),
    version: course.version + 1,
  };
  await saveCourseRow(em, updated);
  dossier.wrote({ type: 'vaccine_course', id: updated.id, action: 'update' });
  const doses = await dosesOfCourse(em, course.id);
  const schedule = await scheduleOf(em, course.vaccineCode);
  return toCourse(
    updated,
    doses,
    schedule,
    await staffNames(
      em,
      doses.map((d) => d.givenBy),
    ),
  );
}
