/**
 * The vaccinations of a person: the vaccines tab (courses with their doses), the timeline's doses,
 * and the alert of a dose due within the week or overdue — raised only from courses the reader may
 * see, so a reader without the vaccines section never learns that a vaccination is going on.
 */
import { addCalendar, daysBetween, siteToday } from '../../../../shared/domain/schedules';
import { defineSection, ownParts, type SectionDefinition } from '../../dossier/section';
import { sectionReader } from '../../dossier/reader';
import { sitesByIds } from '../centre/repository';
import { coursesOfPerson, vaccineCoursesTable, vaccineDosesTable, type CourseWithDoses } from './repository';
import { toCourses } from './vaccinations-service';

/** A dose due within this many days (today included) is "due" (the worklist's "due" list too). */
export const DUE_SOON_DAYS = 7;

/** A course, with the time zone of the site it is followed at (which date "today" is there). */
export interface LoadedCourse extends CourseWithDoses {
  timeZone: string;
}

async function loadCourses(...[em, personId]: Parameters<typeof coursesOfPerson>): Promise<LoadedCourse[]> {
  const courses = await coursesOfPerson(em, personId);
  if (courses.length === 0) return [];
  const sites = await sitesByIds(em, [...new Set(courses.map((c) => c.siteId))]);
  const zones = new Map(sites.map((s) => [s.id, s.timezone]));
  return courses.map((c) => ({ ...c, timeZone: zones.get(c.siteId) ?? 'Europe/Paris' }));
}

/** The timeline shows a dose on its calendar date: noon UTC is that date in every European zone. */
function instantOf(date: string): string {
  return `${date}T12:00:00.000Z`;
}

const vaccinations: SectionDefinition<LoadedCourse> = {
  capability: 'vaccinations',
  section: 'vaccines',
  linked: [vaccineCoursesTable, vaccineDosesTable],
  timelineKinds: ['vaccine_dose'],
  load: loadCourses,
  timeline: (rows, ctx) =>
    rows.flatMap((course) =>
      ownParts(ctx, 'vaccines', course.doses).map((dose) => ({
        at: instantOf(dose.givenOn),
        kind: 'vaccine_dose',
        section: 'vaccines' as const,
        refId: dose.id,
        label: course.vaccineCode,
        detail: String(dose.doseNumber),
      })),
    ),
  alerts: (rows, { now }) => {
    const due = rows
      // A booster due on a complete course is a dose due too.
      .filter((c) => (c.status === 'in_progress' || c.status === 'complete') && c.nextDueOn)
      .filter((c) => daysBetween(siteToday(now, c.timeZone), c.nextDueOn!) < DUE_SOON_DAYS)
      .map((c) => c.nextDueOn!)
      .sort();
    const first = due[0];
    return first ? [{ kind: 'vaccine_dose_due', at: null, hoursLeft: null, dueOn: first }] : [];
  },
};

export const vaccinationsSection = defineSection(vaccinations);

export const vaccinationsForPerson = sectionReader(vaccinations, (rows, { dossier, actor }) =>
  toCourses(
    dossier.em,
    // A carer refused the section sees the courses they started, with their own doses only.
    dossier.ownOnly
      ? rows.map((c) => ({ ...c, doses: c.doses.filter((d) => d.createdBy === actor.userId) }))
      : rows,
  ),
);

/** The last day of the "due" range from a site's today (for the worklist). */
export function dueSoonUntil(today: string): string {
  return addCalendar(today, { days: DUE_SOON_DAYS - 1 });
}
