/**
 * The demo centre's vaccinations over the past year, replayed through the same channels as the app
 * (`callAs`): courses complete (mpox, hepatitis B, HPV), in progress and on time (HPV, hepatitis
 * B), doses due this week (mpox), overdue (hepatitis A, mpox, hepatitis B), one mpox course of a
 * single dose after a smallpox vaccination, and one course stopped with its reason — so the Vaccins tab, the dossier's alert and the worklist's
 * "doses due / overdue" all have something to show.
 */
import type { Core } from '../../core';
import type { ChannelOutput } from '../../../shared/contract';
import { callAs } from '../../core/api/dispatch';
import type { VaccineCode } from '../../../shared/domain/clinical-catalogues';
import { addCalendar } from '../../../shared/domain/schedules';
import { localDate, zonedToUtc } from '../../../shared/domain/zoned-time';
import type { DemoActors } from './demo-data';

/** One person's doses: the vaccine and each dose's offset in days from today (negative: past). */
interface DemoCourse {
  person: number;
  vaccine: VaccineCode;
  doses: readonly number[];
  smallpoxVaccinated?: boolean;
  stop?: { afterDays: number; reason: string };
}

const COURSES: readonly DemoCourse[] = [
  // Complete: two mpox doses 28 days apart; three hepatitis B doses (0, 1, 6 months); three HPV
  // doses (0, 2, 6 months) over the year.
  { person: 2, vaccine: 'mpox', doses: [-80, -52] },
  { person: 11, vaccine: 'hepatitis_b', doses: [-210, -175, -20] },
  { person: 15, vaccine: 'hepatitis_b', doses: [-330, -299, -140] },
  { person: 20, vaccine: 'hpv', doses: [-265, -200, -75] },
  { person: 17, vaccine: 'mpox', doses: [-60], smallpoxVaccinated: true },
  // In progress, on time: the next dose in the coming weeks or months.
  { person: 0, vaccine: 'hpv', doses: [-80, -14] },
  { person: 22, vaccine: 'hpv', doses: [-95, -33] },
  { person: 9, vaccine: 'hpv', doses: [-30] },
  { person: 4, vaccine: 'hepatitis_b', doses: [-20] },
  { person: 8, vaccine: 'hepatitis_b', doses: [-60, -29] },
  // Due tomorrow and within the week (mpox dose 2 after 28 days).
  { person: 7, vaccine: 'mpox', doses: [-27] },
  { person: 23, vaccine: 'mpox', doses: [-25] },
  // Overdue: hepatitis A dose 2 after 6 months, mpox dose 2, hepatitis B dose 3 months late.
  { person: 5, vaccine: 'hepatitis_a', doses: [-200] },
  { person: 21, vaccine: 'mpox', doses: [-40] },
  { person: 1, vaccine: 'hepatitis_b', doses: [-290, -258] },
  // Stopped by the person after the first dose.
  {
    person: 13,
    vaccine: 'hpv',
    doses: [-50],
    stop: { afterDays: 20, reason: 'Ne souhaite pas poursuivre le schéma.' },
  },
];

const LOTS: Readonly<Record<VaccineCode, string>> = {
  hpv: 'GARD9-',
  hepatitis_a: 'HAV-',
  hepatitis_b: 'ENGB-',
  mpox: 'JYN-',
};

/** Records the demo courses; returns how many doses were given. */
export async function populateVaccinations(
  core: Core,
  a: DemoActors,
  persons: ReadonlyArray<{ id: string }>,
): Promise<number> {
  const { ctx } = core;
  const realClock = ctx.clock;
  const today = localDate(realClock(), a.timezone);
  let given = 0;
  try {
    for (const [k, course] of COURSES.entries()) {
      const person = persons[course.person];
      if (!person) continue;
      let last: ChannelOutput<'vaccinations.giveDose'> | null = null;
      for (const [n, offset] of course.doses.entries()) {
        const givenOn = addCalendar(today, { days: offset });
        // Each dose recorded at the time it was given, mid-morning at the site.
        const at = zonedToUtc(givenOn, '10:30', a.timezone);
        ctx.clock = () => at;
        last = await callAs(ctx, k % 3 ? a.nurse : a.doctor, 'vaccinations.giveDose', {
          personId: person.id,
          vaccineCode: course.vaccine,
          givenOn,
          lot: `${LOTS[course.vaccine]}${2400 + k * 7 + n}`,
          siteId: a.siteId,
          smallpoxVaccinated: course.smallpoxVaccinated ?? false,
        });
        given += 1;
      }
      if (course.stop && last) {
        const stoppedOn = addCalendar(last.startedOn, { days: course.stop.afterDays });
        ctx.clock = () => zonedToUtc(stoppedOn, '11:00', a.timezone);
        await callAs(ctx, a.nurse, 'vaccinations.stopCourse', {
          personId: person.id,
          courseId: last.id,
          stoppedOn,
          reason: course.stop.reason,
          version: last.version,
        });
      }
    }
    return given;
  } finally {
    ctx.clock = realClock;
  }
}
