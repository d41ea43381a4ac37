/**
 * The demo centre's PrEP users, replayed through the same channels as the app (`callAs`), each
 * action at the date it happened, over the past year: users on time (one for the whole year, with
 * a follow-up every 3 months), due this week, overdue (seen, then not since the due date), lost to
 * follow-up (no visit 3 months after the due date), one with a low eGFR at the last follow-up, one
 * stopped and restarted, one stopped — so the PrEP tab, the dossier's alerts and the worklists all
 * have something to show. demo-screenings.ts samples each user on these PrEP days.
 */
import type { Core } from '../../core';
import type { PrepEpisode } from '../../../shared/contract/prep';
import { callAs } from '../../core/api/dispatch';
import type { PrepRegimen } from '../../../shared/domain/clinical-catalogues';
import type { PrepStopReason } from '../../../shared/domain/prep';
import { getISODay } from 'date-fns';
import { addCalendar, parseCalendarDate, type IsoDate } from '../../../shared/domain/schedules';
import { localDate, zonedToUtc } from '../../../shared/domain/zoned-time';
import type { CalendarOffset } from '../../../shared/domain/clinical-catalogues';
import type { DemoActors } from './demo-data';

interface DemoFollowUp {
  at: CalendarOffset;
  egfr: number;
  creatinine: number;
  note: string;
}

/** One person's PrEP: offsets from today (negative: past). */
interface DemoPrep {
  person: number;
  regimen: PrepRegimen;
  start: CalendarOffset;
  followUps?: readonly DemoFollowUp[];
  stop?: { at: CalendarOffset; reason: PrepStopReason; note?: string };
  restart?: CalendarOffset;
}

const PREP_USERS: readonly DemoPrep[] = [
  // On time for a year: started a year ago, seen at 1 month then every 3 months.
  {
    person: 2,
    regimen: 'daily',
    start: { months: -12 },
    followUps: [
      { at: { months: -11 }, egfr: 98, creatinine: 76, note: 'Bonne tolérance, aucun oubli.' },
      { at: { months: -8 }, egfr: 97, creatinine: 77, note: 'RAS.' },
      { at: { months: -5 }, egfr: 95, creatinine: 79, note: 'Deux oublis pendant les vacances.' },
      { at: { months: -2 }, egfr: 93, creatinine: 80, note: 'Bonne observance.' },
    ],
  },
  // On time: started 4 months ago, seen at 1 month and two days ago.
  {
    person: 7,
    regimen: 'daily',
    start: { months: -4 },
    followUps: [
      { at: { months: -3 }, egfr: 96, creatinine: 78, note: 'Bonne tolérance, aucun oubli.' },
      { at: { days: -2 }, egfr: 92, creatinine: 81, note: 'Un oubli le mois dernier.' },
    ],
  },
  // On time, on demand: started 7 months ago.
  {
    person: 9,
    regimen: 'on_demand',
    start: { months: -7 },
    followUps: [
      { at: { months: -6 }, egfr: 104, creatinine: 68, note: 'Schéma à la demande bien compris.' },
      { at: { months: -3 }, egfr: 102, creatinine: 70, note: 'RAS.' },
      { at: { days: -9 }, egfr: 101, creatinine: 71, note: 'Passage au schéma continu discuté.' },
    ],
  },
  // Due this week: seen every 3 months for 10 months, the next visit in a few days.
  {
    person: 17,
    regimen: 'daily',
    start: { months: -10 },
    followUps: [
      { at: { months: -9 }, egfr: 91, creatinine: 84, note: 'RAS.' },
      { at: { months: -6 }, egfr: 90, creatinine: 85, note: 'Consommation de GHB le week-end.' },
      { at: { months: -3, days: 3 }, egfr: 88, creatinine: 87, note: 'Orienté vers le CSAPA.' },
    ],
  },
  // Due this week: started a month ago less three days.
  { person: 6, regimen: 'on_demand', start: { months: -1, days: 3 } },
  // Due this week with a low eGFR at the last follow-up.
  {
    person: 10,
    regimen: 'daily',
    start: { months: -4, days: -10 },
    followUps: [
      { at: { months: -3, days: -8 }, egfr: 74, creatinine: 98, note: 'RAS.' },
      {
        at: { months: -3, days: 2 },
        egfr: 54,
        creatinine: 126,
        note: 'Hydratation à revoir, contrôle prévu.',
      },
    ],
  },
  // Overdue: seen at 1 month, then due 6 weeks ago and not seen since.
  {
    person: 4,
    regimen: 'daily',
    start: { months: -5, days: -15 },
    followUps: [{ at: { months: -4, days: -15 }, egfr: 101, creatinine: 70, note: 'Prises régulières.' }],
  },
  // Overdue: seen at 1 and 4 months, due a month ago.
  {
    person: 21,
    regimen: 'daily',
    start: { months: -8 },
    followUps: [
      { at: { months: -7 }, egfr: 89, creatinine: 88, note: 'RAS.' },
      { at: { months: -4, days: -5 }, egfr: 87, creatinine: 90, note: 'Déménagement prévu.' },
    ],
  },
  // Lost to follow-up: due 5 months ago, no visit since.
  {
    person: 19,
    regimen: 'on_demand',
    start: { months: -9 },
    followUps: [{ at: { months: -8 }, egfr: 99, creatinine: 72, note: 'Schéma à la demande bien compris.' }],
  },
  // Lost to follow-up: seen for half a year, due 4 months ago.
  {
    person: 15,
    regimen: 'daily',
    start: { months: -11 },
    followUps: [
      { at: { months: -10 }, egfr: 100, creatinine: 74, note: 'RAS.' },
      { at: { months: -7 }, egfr: 99, creatinine: 75, note: 'Voyage prévu, ordonnance pour trois mois.' },
    ],
  },
  // Stopped (side effects), restarted two weeks ago.
  {
    person: 12,
    regimen: 'daily',
    start: { months: -8 },
    stop: { at: { months: -6 }, reason: 'side_effects', note: 'Troubles digestifs persistants.' },
    restart: { days: -14 },
  },
  // Stopped: no longer exposed.
  {
    person: 14,
    regimen: 'daily',
    start: { months: -7 },
    followUps: [{ at: { months: -6 }, egfr: 90, creatinine: 85, note: 'RAS.' }],
    stop: { at: { months: -2 }, reason: 'no_longer_exposed', note: 'Relation stable, dépistages réguliers.' },
  },
];

/**
 * A PrEP action's day: the offset from today moved to a day the demo site opens (the Saturday
 * before, never more than two days earlier, so each user stays in the state their comment names).
 */
function prepDay(today: IsoDate, offset: CalendarOffset): IsoDate {
  const day = addCalendar(today, offset);
  const weekday = getISODay(parseCalendarDate(day)!);
  return weekday === 7 || weekday === 1 ? addCalendar(day, { days: weekday === 7 ? -1 : -2 }) : day;
}

/** The days a demo PrEP user came for PrEP (start, follow-ups, stop, restart), or null. */
export function prepVisitDates(person: number, today: IsoDate): IsoDate[] | null {
  const plan = PREP_USERS.find((p) => p.person === person);
  if (!plan) return null;
  const offsets = [plan.start, ...(plan.followUps ?? []).map((f) => f.at), plan.stop?.at, plan.restart];
  return offsets.flatMap((o) => (o ? [prepDay(today, o)] : [])).sort();
}

/** Records the demo PrEP users; returns how many episodes were started. */
export async function populatePrep(
  core: Core,
  a: DemoActors,
  persons: ReadonlyArray<{ id: string }>,
): Promise<number> {
  const { ctx } = core;
  const realClock = ctx.clock;
  const today = localDate(realClock(), a.timezone);
  const on = (offset: CalendarOffset) => prepDay(today, offset);
  // Each action at the time it was done, late morning at the site.
  const at = (date: string) => {
    const instant = zonedToUtc(date, '11:00', a.timezone);
    ctx.clock = () => instant;
  };
  let started = 0;
  try {
    for (const [k, plan] of PREP_USERS.entries()) {
      const person = persons[plan.person];
      if (!person) continue;
      // One carer follows each person (their records need no consent to be read back by them).
      const actor = k % 2 ? a.doctor : a.nurse;
      const startedOn = on(plan.start);
      at(startedOn);
      let episode: PrepEpisode = await callAs(ctx, actor, 'prep.start', {
        personId: person.id,
        siteId: a.siteId,
        startedOn,
        regimen: plan.regimen,
      });
      started += 1;
      for (const f of plan.followUps ?? []) {
        const heldOn = on(f.at);
        at(heldOn);
        episode = await callAs(ctx, actor, 'prep.followUp', {
          personId: person.id,
          siteId: a.siteId,
          episodeId: episode.id,
          version: episode.version,
          heldOn,
          egfr: f.egfr,
          creatinine: f.creatinine,
          adherenceNote: f.note,
        });
      }
      if (plan.stop) {
        const stoppedOn = on(plan.stop.at);
        at(stoppedOn);
        await callAs(ctx, actor, 'prep.stop', {
          personId: person.id,
          episodeId: episode.id,
          version: episode.version,
          stoppedOn,
          reason: plan.stop.reason,
          note: plan.stop.note ?? null,
        });
      }
      if (plan.restart) {
        const restartedOn = on(plan.restart);
        at(restartedOn);
        await callAs(ctx, actor, 'prep.start', {
          personId: person.id,
          siteId: a.siteId,
          startedOn: restartedOn,
          regimen: plan.regimen,
        });
        started += 1;
      }
    }
    return started;
  } finally {
    ctx.clock = realClock;
  }
}
