/**
 * The demo centre's year of screenings and their Test and Treat, replayed through the same
 * channels as the app (`callAs`), each person's events in the order they happened (a result's
 * hooks read what came before it: the test of cure, the item already open).
 *
 * Each screened person is sampled on their visit days (demo-calendar.ts: PrEP users on their PrEP
 * visits, the others every two to four months): HIV rapid test, CT/NG PCR on each anatomical site
 * the person is sampled on, a syphilis serology (every visit on PrEP, every other visit otherwise),
 * once a hepatitis A immunity check. Outcomes are drawn from a seeded generator at a community
 * centre's positivity (a screening finds chlamydia about 9 times in 100, gonorrhoea 5, a syphilis
 * serology is positive 2 times in 100), on one site. A point-of-care positive is told and treated
 * the same morning; a laboratory syphilis positive when the person comes back a few days later.
 * The scripted stories of demo-treatments.ts (late treatments, partners at every status) are
 * replayed here in the same order. Tests of cure are taken four weeks after a CT/NG treatment
 * unless the next screening does it. Results older than two weeks were given; the recent negatives
 * are still to give, and the last lab serologies are still awaited. The nurse who took the samples
 * enters every result: as their author she needs no consent, and some demo persons have not given it.
 */
import type { Core } from '../../core';
import type { ChannelInput, ChannelOutput } from '../../../shared/contract';
import { callAs } from '../../core/api/dispatch';
import type { Actor } from '../../core/access/gate';
import type { AnatomicalSite } from '../../../shared/domain/clinical-catalogues';
import type { PartnerStatus } from '../../../shared/domain/treatments';
import { addCalendar, daysBetween, type IsoDate } from '../../../shared/domain/schedules';
import { localDate, zonedToUtc } from '../../../shared/domain/zoned-time';
import { aroundStory, openDay, storiesOf, storyDays, visitDays, type VisitReason } from './demo-calendar';
import { ctNgSites } from './demo-people';
import { prepVisitDates } from './demo-prep';
import type { DemoPositive } from './demo-treatments';
import type { DemoActors } from './demo-data';

type Order = NonNullable<ChannelInput<'screenings.saveSamples'>['add']>[number];
type Value = ChannelInput<'screenings.saveResult'>['value'];
type ToTreat = ChannelOutput<'treatments.give'>;

/** Results not given after this many days are still to give (the person has not come back yet). */
const GIVEN_AFTER_DAYS = 14;
/**
 * Chance positives per screening (CT, NG: on one of the sites sampled) and per syphilis serology,
 * on top of the scripted stories of demo-treatments.ts: together, about 9 screenings in 100 find
 * chlamydia, 5 gonorrhoea, and 2 to 4 syphilis serologies in 100 are positive, as in a community
 * centre's year.
 */
const POSITIVITY = { chlamydia: 0.025, gonorrhoea: 0.005, syphilis: 0.01 } as const;
/** A test of cure about four weeks after the treatment, unless a screening falls in this window. */
const CURE_AFTER_DAYS = 30;
const CURE_WINDOW: readonly [number, number] = [21, 45];
const PSEUDONYMS = ['Partenaire régulier', 'Rencontre appli, samedi', 'Ex, Lyon', 'Client régulier'];

export interface ScreenedPerson {
  id: string;
  createdAt: string;
  pronouns?: string | null;
  keyPopulations?: readonly string[];
}

/** The visits a screening is taken at (a story's visits have their own samples, demo-treatments.ts). */
const ROUTINE_VISITS: readonly VisitReason[] = ['first', 'routine', 'prep'];

/** What one screening day holds; `scripted` replays a story of demo-treatments.ts. */
interface ScreeningEvent {
  day: IsoDate;
  kind: 'routine' | 'cure' | 'scripted';
  cureSites?: readonly AnatomicalSite[];
  scripted?: DemoPositive & { index: number };
}

function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The negative (or immune) value of each test the demo uses. */
function negative(order: Order, immune: boolean): Value {
  switch (order.testCode) {
    case 'hiv_trod':
      return { type: 'reactivity', reactivity: 'non_reactive' };
    case 'ct_ng_pcr_poc':
      return { type: 'per_target', targets: { chlamydia: 'not_detected', gonorrhoea: 'not_detected' } };
    case 'syphilis_serology_lab':
      return { type: 'titre', positivity: 'negative' };
    default:
      return { type: 'immunity', immunity: immune ? 'immune' : 'not_immune' };
  }
}

/** Who the partners are and where they stand, by how long ago the person was treated. */
function partnersFor(k: number, daysSinceTreatment: number): PartnerStatus[] {
  if (daysSinceTreatment < 10) return k % 3 === 0 ? ['to_notify', 'notified'] : ['to_notify'];
  if (daysSinceTreatment < 40) return k % 3 === 0 ? ['notified', 'tested'] : ['notified'];
  return k % 3 === 0 ? ['treated', 'tested'] : [k % 2 ? 'treated' : 'tested'];
}

/** Records the demo screenings and their treatments; returns how many samples were taken. */
export async function populateScreenings(
  core: Core,
  a: DemoActors,
  persons: ReadonlyArray<ScreenedPerson>,
  visits: ReadonlyMap<string, ReadonlyMap<IsoDate, string>> = new Map(),
): Promise<number> {
  const { ctx } = core;
  const realClock = ctx.clock;
  const now = realClock();
  const today = localDate(now, a.timezone);
  const at = (day: IsoDate, time: string) => zonedToUtc(day, time, a.timezone);
  const random = seeded(2024);
  let taken = 0;

  const sample = async (personId: string, day: IsoDate, time: string, orders: Order[]) => {
    const takenAt = at(day, time);
    ctx.clock = () => takenAt;
    const visitId = visits.get(personId)?.get(day);
    const { samples } = await callAs(ctx, a.nurse, 'screenings.saveSamples', {
      personId,
      siteId: a.siteId,
      ...(visitId ? { visitId } : {}),
      takenAt: takenAt.toISOString(),
      add: orders,
    });
    taken += samples.length;
    return samples;
  };
  const result = async (personId: string, sampleId: string, value: Value, resultedAt: Date, lab: boolean) => {
    ctx.clock = () => resultedAt;
    return (
      await callAs(ctx, a.nurse, 'screenings.saveResult', {
        personId,
        sampleId,
        value,
        resultedAt: resultedAt.toISOString(),
        source: lab ? 'lab' : 'on_site',
      })
    ).sample.result;
  };
  const give = async (
    personId: string,
    r: { id: string; version: number; toGive: boolean },
    givenAt: Date,
  ) => {
    if (!r.toGive) return;
    ctx.clock = () => givenAt;
    await callAs(ctx, a.nurse, 'screenings.give', {
      personId,
      resultId: r.id,
      version: r.version,
      givenAt: givenAt.toISOString(),
    });
  };
  /** Treats every open item of the person at `givenAt`; lists partners when asked. */
  const treatOpen = async (
    personId: string,
    givenAt: Date,
    actor: Actor,
    partners: (item: ToTreat) => PartnerStatus[],
  ): Promise<ToTreat[]> => {
    ctx.clock = () => givenAt;
    const open = (await callAs(ctx, a.nurse, 'treatments.forPerson', { personId })).items.filter(
      (i) => i.status === 'open' && i.kind === 'drug',
    );
    const treated: ToTreat[] = [];
    for (const [n, item] of open.entries()) {
      ctx.clock = () => givenAt;
      const done = await callAs(ctx, actor, 'treatments.give', {
        personId,
        toTreatId: item.id,
        version: item.version,
        drug: item.defaults?.drug ?? 'doxycycline',
        dose: item.defaults?.dose ?? '100 mg',
        route: item.defaults?.route ?? 'oral',
        givenAt: givenAt.toISOString(),
      });
      treated.push(done);
      const statuses = partners(done);
      if (statuses.length)
        await callAs(ctx, a.nurse, 'treatments.savePartners', {
          personId,
          toTreatId: done.id,
          partners: statuses.map((status, p) => ({
            pseudonym: PSEUDONYMS[(n + p) % PSEUDONYMS.length],
            notifier: (['person', 'centre', 'anonymous_message'] as const)[(n + p) % 3],
            status,
          })),
        });
    }
    return treated;
  };

  try {
    for (const [i, person] of persons.entries()) {
      const first = localDate(new Date(person.createdAt), a.timezone);
      const onPrep = prepVisitDates(i, today) !== null;
      // The person's stories, from their first visit on.
      const stories = storiesOf(i, first, today);
      // One person in three comes for other reasons only (unless on PrEP or in a story).
      if (i % 3 === 2 && !onPrep && stories.length === 0) continue;
      const sites = ctNgSites(person);
      const events: ScreeningEvent[] = stories.map((s) => ({
        day: storyDays(s, today).resulted,
        kind: 'scripted' as const,
        scripted: s,
      }));
      // Sampled at each visit, but around a story: its visit replaced the routine screening.
      for (const v of visitDays(i, first, today))
        if (ROUTINE_VISITS.includes(v.reason) && !aroundStory(v.day, stories, today))
          events.push({ day: v.day, kind: 'routine' });
      events.sort((x, y) => (x.day < y.day ? -1 : x.day > y.day ? 1 : 0));

      let routine = 0;
      for (let e = 0; e < events.length; e++) {
        const event = events[e];
        const day = event.day;
        let treatedOn: IsoDate | null = null;
        let positiveSites: AnatomicalSite[] = [];

        if (event.kind === 'scripted' && event.scripted) {
          // A story of demo-treatments.ts: the positive, told, treated after its delay, partners.
          const s = event.scripted;
          const lab = s.test.testCode.endsWith('_lab');
          const [taken1] = await sample(person.id, storyDays(s, today).sampled, lab ? '10:00' : '10:15', [
            s.test,
          ]);
          const r = await result(person.id, taken1.id, s.value, at(day, '11:00'), lab);
          if (r) await give(person.id, r, at(day, '11:10'));
          if (s.delay === null) continue;
          treatedOn = addCalendar(day, { days: s.delay });
          await treatOpen(
            person.id,
            at(treatedOn, s.delay ? '15:40' : '11:20'),
            s.index % 3 ? a.nurse : a.doctor,
            () => [...(s.partners ?? [])],
          );
          if (s.test.anatomicalSite) positiveSites = [s.test.anatomicalSite];
        } else {
          const cure = event.kind === 'cure';
          const orders: Order[] = cure
            ? (event.cureSites ?? []).map((anatomicalSite) => ({ testCode: 'ct_ng_pcr_poc', anatomicalSite }))
            : [
                { testCode: 'hiv_trod' },
                ...sites.map((anatomicalSite) => ({ testCode: 'ct_ng_pcr_poc' as const, anatomicalSite })),
              ];
          const withSyphilis = !cure && (onPrep || routine % 2 === 0);
          if (withSyphilis) orders.push({ testCode: 'syphilis_serology_lab' });
          if (!cure && routine === 0 && i % 4 === 0) orders.push({ testCode: 'hav_serology_lab' });
          if (!cure) routine += 1;
          // The same draws for every screening, so the story does not depend on the calendar.
          const ct = random();
          const ng = random();
          const syphilis = random();
          const ctSite = random();
          const ngSite = random();
          const comeBack = random();
          const chlamydiaAt =
            !cure && ct < POSITIVITY.chlamydia ? sites[Math.floor(ctSite * sites.length)] : null;
          const gonorrhoeaAt =
            !cure && ng < POSITIVITY.gonorrhoea ? sites[Math.floor(ngSite * sites.length)] : null;
          const labDay = addCalendar(day, { days: 3 });
          // A syphilis positive only where the person has had time to come back for it.
          const syphilisPositive =
            withSyphilis && syphilis < POSITIVITY.syphilis && daysBetween(labDay, today) > 7;
          const samples = await sample(person.id, day, '10:10', orders);
          let labPositive = false;
          for (const [k, s] of samples.entries()) {
            const order = orders[k];
            const lab = s.testCode.endsWith('_lab');
            const resultDay = lab ? labDay : day;
            const resultedAt = at(resultDay, lab ? '16:30' : '10:50');
            // A lab result not back yet: awaited.
            if (resultedAt.getTime() > now.getTime()) continue;
            let value = negative(order, i % 8 === 0);
            if (
              order.testCode === 'ct_ng_pcr_poc' &&
              order.anatomicalSite &&
              (order.anatomicalSite === chlamydiaAt || order.anatomicalSite === gonorrhoeaAt)
            ) {
              value = {
                type: 'per_target',
                targets: {
                  chlamydia: order.anatomicalSite === chlamydiaAt ? 'detected' : 'not_detected',
                  gonorrhoea: order.anatomicalSite === gonorrhoeaAt ? 'detected' : 'not_detected',
                },
              };
              positiveSites.push(order.anatomicalSite);
            }
            if (order.testCode === 'syphilis_serology_lab' && syphilisPositive) {
              value = { type: 'titre', positivity: 'positive', titre: ['1:8', '1:16', '1:32'][e % 3] };
              labPositive = true;
            }
            const r = await result(person.id, s.id, value, resultedAt, lab);
            if (!r) continue;
            const positive = r.interpretation === 'positive';
            // Positives are told at once; negatives on site, or at the next call for the lab's.
            if (positive) await give(person.id, r, at(resultDay, lab ? '17:00' : '11:00'));
            else if (daysBetween(resultDay, today) >= GIVEN_AFTER_DAYS)
              await give(
                person.id,
                r,
                lab ? at(addCalendar(resultDay, { days: 4 }), '11:30') : at(day, '11:00'),
              );
          }
          if (positiveSites.length) {
            // Point-of-care positives: treated the same morning, before the person leaves.
            treatedOn = day;
            await treatOpen(person.id, at(day, '11:20'), a.nurse, () =>
              comeBack < 0.6 ? partnersFor(e, daysBetween(day, today)) : [],
            );
          }
          if (labPositive) {
            // The lab's syphilis positive: the person, called, comes back two to six days later.
            const back = addCalendar(labDay, { days: 2 + Math.floor(comeBack * 5) });
            await treatOpen(person.id, at(back, '15:40'), a.nurse, () =>
              partnersFor(e, daysBetween(back, today)),
            );
          }
        }

        // A test of cure four weeks after a CT/NG treatment, unless a screening is due then anyway.
        if (treatedOn && positiveSites.length) {
          const cureDay = openDay(addCalendar(treatedOn, { days: CURE_AFTER_DAYS }));
          const soon = events.some((x) => {
            const d = daysBetween(treatedOn, x.day);
            return x !== event && d >= CURE_WINDOW[0] && d <= CURE_WINDOW[1];
          });
          if (!soon && daysBetween(cureDay, today) >= 1) {
            events.push({ day: cureDay, kind: 'cure', cureSites: [...new Set(positiveSites)] });
            events.sort((x, y) => (x.day < y.day ? -1 : x.day > y.day ? 1 : 0));
          }
        }
      }
    }
    return taken;
  } finally {
    ctx.clock = realClock;
  }
}
