/**
 * The demo centre's routine screenings, replayed through the same channels as the app (`callAs`):
 * from each person's first visit, a screening about every month — HIV rapid test, CT/NG PCR on the
 * person's usual site, and every other time a syphilis serology (and once a hepatitis A immunity
 * check) — read on site the same morning or by the lab three days later. Results older than two
 * weeks were given to the person; the recent ones are still to give, and the last lab serologies
 * are still awaited, so the Tests tab and its alerts have something to show. The positives that
 * open a "to treat" item, and the reactive HIV rapid test with its confirmation, are replayed by
 * demo-treatments.ts (one story for both tabs). The nurse who took the samples enters and gives
 * every result: as their author she needs no consent, and some demo persons have not given it.
 */
import type { Core } from '../../core';
import type { ChannelInput } from '../../../shared/contract';
import { callAs } from '../../core/api/dispatch';
import { addCalendar, daysBetween } from '../../../shared/domain/schedules';
import { localDate, zonedToUtc } from '../../../shared/domain/zoned-time';
import type { DemoActors } from './demo-data';

type Order = NonNullable<ChannelInput<'screenings.saveSamples'>['add']>[number];
type Value = ChannelInput<'screenings.saveResult'>['value'];

const CT_NG_SITES = ['urine', 'throat', 'anus'] as const;
/** Results not given after this many days are still to give (the person has not come back yet). */
const GIVEN_AFTER_DAYS = 14;

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

/** Records the demo screenings; returns how many samples were taken. */
export async function populateScreenings(
  core: Core,
  a: DemoActors,
  persons: ReadonlyArray<{ id: string; createdAt: string }>,
): Promise<number> {
  const { ctx } = core;
  const realClock = ctx.clock;
  const today = localDate(realClock(), a.timezone);
  const at = (day: string, time: string) => zonedToUtc(day, time, a.timezone);
  let taken = 0;
  try {
    for (const [i, person] of persons.entries()) {
      // One person in three comes for other reasons only.
      if (i % 3 === 2) continue;
      const first = localDate(new Date(person.createdAt), a.timezone);
      for (
        let n = 0, day = first;
        daysBetween(day, today) >= 1;
        n += 1, day = addCalendar(day, { days: 28 + (i % 8) })
      ) {
        const orders: Order[] = [
          { testCode: 'hiv_trod' },
          { testCode: 'ct_ng_pcr_poc', anatomicalSite: CT_NG_SITES[i % CT_NG_SITES.length] },
        ];
        if (n % 2 === 0) orders.push({ testCode: 'syphilis_serology_lab' });
        if (n === 0 && i % 4 === 0) orders.push({ testCode: 'hav_serology_lab' });
        const takenAt = at(day, '10:10');
        ctx.clock = () => takenAt;
        const { samples } = await callAs(ctx, a.nurse, 'screenings.saveSamples', {
          personId: person.id,
          siteId: a.siteId,
          takenAt: takenAt.toISOString(),
          add: orders,
        });
        taken += samples.length;
        for (const [k, sample] of samples.entries()) {
          const lab = sample.testCode.endsWith('_lab');
          const resultDay = lab ? addCalendar(day, { days: 3 }) : day;
          // A lab result not back yet: awaited.
          if (daysBetween(resultDay, today) < 0) continue;
          const resultedAt = at(resultDay, lab ? '16:30' : '10:50');
          ctx.clock = () => resultedAt;
          const { sample: resulted } = await callAs(ctx, a.nurse, 'screenings.saveResult', {
            personId: person.id,
            sampleId: sample.id,
            value: negative(orders[k], i % 8 === 0),
            resultedAt: resultedAt.toISOString(),
            source: lab ? 'lab' : 'on_site',
          });
          const result = resulted.result;
          if (!result?.toGive || daysBetween(resultDay, today) < GIVEN_AFTER_DAYS) continue;
          // On-site results are told at once; lab results at the next call or visit.
          const givenAt = lab ? at(addCalendar(resultDay, { days: 4 }), '11:30') : at(day, '11:00');
          ctx.clock = () => givenAt;
          await callAs(ctx, a.nurse, 'screenings.give', {
            personId: person.id,
            resultId: result.id,
            version: result.version,
            givenAt: givenAt.toISOString(),
          });
        }
      }
    }
    return taken;
  } finally {
    ctx.clock = realClock;
  }
}
