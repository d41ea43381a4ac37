/**
 * The demo centre's PrEP users, replayed through the same channels as the app (`callAs`), each
 * action at the date it happened: users on time (with their follow-ups), due this week, overdue
 * (seen, then not since the due date), lost to follow-up (no visit 3 months after the due date),
 * one with a low eGFR at the last follow-up, one stopped and restarted, one stopped — so the PrEP
 * tab, the dossier's alerts and the worklists all have something to show.
 */
import type { Core } from '../../core';
import type { PrepEpisode } from '../../../shared/contract/prep';
import { callAs } from '../../core/api/dispatch';
import type { PrepRegimen } from '../../../shared/domain/clinical-catalogues';
import type { PrepStopReason } from '../../../shared/domain/prep';
import { addCalendar } from '../../../shared/domain/schedules';
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
  // On time: started 4 months ago, seen at 1 month and two days ago.
  {
    person: 2,
    regimen: 'daily',
    start: { months: -4 },
    followUps: [
      { at: { months: -3 }, egfr: 96, creatinine: 78, note: 'Bonne tolérance, aucun oubli.' },
      { at: { days: -2 }, egfr: 92, creatinine: 81, note: 'Un oubli le mois dernier.' },
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
  // Lost to follow-up: due 5 months ago, no visit since.
  {
    person: 8,
    regimen: 'on_demand',
    start: { months: -9 },
    followUps: [{ at: { months: -8 }, egfr: 99, creatinine: 72, note: 'Schéma à la demande bien compris.' }],
  },
  // Stopped (side effects), restarted three weeks ago.
  {
    person: 12,
    regimen: 'daily',
    start: { months: -8 },
    stop: { at: { months: -6 }, reason: 'side_effects', note: 'Troubles digestifs persistants.' },
    restart: { days: -21 },
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

/** Records the demo PrEP users; returns how many episodes were started. */
export async function populatePrep(
  core: Core,
  a: DemoActors,
  persons: ReadonlyArray<{ id: string }>,
): Promise<number> {
  const { ctx } = core;
  const realClock = ctx.clock;
  const today = localDate(realClock(), a.timezone);
  const on = (offset: CalendarOffset) => addCalendar(today, offset);
  // Each action at the time it was done, late morning at the site.
  const at = (date: string) => {
    const instant = zonedToUtc(date, '11:00', a.timezone);
    ctx.clock = () => instant;
  };
  let started = 0;
  try {
    for (const [k, plan] of PREP_USERS.entries()) {
      const person = persons[plan.person % persons.length];
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
