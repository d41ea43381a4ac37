/**
 * The demo centre's Test and Treat history, replayed through the same channels as the app
 * (`callAs`): positives of the past months, most treated the same day, three treated late (3, 9
 * and 21 days after the result), one still open today while the person is on the board (so the
 * board's priority, the red banner and the "to treat" worklist show it), partners at every status,
 * a test of cure, and a reactive HIV rapid test confirmed by the lab, referred to the hospital
 * service and closed when the appointment was attended.
 */
import type { Core } from '../../core';
import type { ChannelInput, ChannelOutput } from '../../../shared/contract';
import { callAs } from '../../core/api/dispatch';
import { listDirectory } from '../../core/services/directory/directory-service';
import { addCalendar } from '../../../shared/domain/schedules';
import type { PartnerStatus } from '../../../shared/domain/treatments';
import { localDate, zonedToUtc } from '../../../shared/domain/zoned-time';
import type { DemoActors } from './demo-data';

type Value = ChannelInput<'screenings.saveResult'>['value'];
type Order = NonNullable<ChannelInput<'screenings.saveSamples'>['add']>[number];

interface DemoPositive {
  person: number;
  /** Days before today the result came. */
  daysAgo: number;
  test: Order;
  value: Value;
  /** Days from the result to the treatment (null: still open). */
  delay: number | null;
  partners?: readonly PartnerStatus[];
}

const ctng = (
  site: 'throat' | 'anus' | 'urine',
  found: 'chlamydia' | 'gonorrhoea',
): Pick<DemoPositive, 'test' | 'value'> => ({
  test: { testCode: 'ct_ng_pcr_poc', anatomicalSite: site },
  value: {
    type: 'per_target',
    targets: {
      chlamydia: found === 'chlamydia' ? 'detected' : 'not_detected',
      gonorrhoea: found === 'gonorrhoea' ? 'detected' : 'not_detected',
    },
  },
});
const syphilis: Pick<DemoPositive, 'test' | 'value'> = {
  test: { testCode: 'syphilis_serology_lab' },
  value: { type: 'titre', positivity: 'positive', titre: '1:16' },
};

const POSITIVES: readonly DemoPositive[] = [
  // Treated the same day (the usual case), partners listed on some.
  { person: 0, daysAgo: 75, ...ctng('anus', 'gonorrhoea'), delay: 0, partners: ['treated', 'tested'] },
  { person: 4, daysAgo: 66, ...ctng('throat', 'gonorrhoea'), delay: 0 },
  { person: 6, daysAgo: 58, ...ctng('urine', 'chlamydia'), delay: 0, partners: ['notified'] },
  { person: 9, daysAgo: 44, ...syphilis, delay: 0, partners: ['to_notify', 'notified'] },
  { person: 12, daysAgo: 37, ...ctng('anus', 'chlamydia'), delay: 0 },
  { person: 14, daysAgo: 30, ...ctng('urine', 'gonorrhoea'), delay: 0, partners: ['tested'] },
  { person: 15, daysAgo: 19, ...ctng('throat', 'chlamydia'), delay: 0 },
  { person: 18, daysAgo: 12, ...ctng('anus', 'gonorrhoea'), delay: 0, partners: ['to_notify'] },
  // Treated late: the person came back 3, 9 and 21 days after the result.
  { person: 5, daysAgo: 50, ...ctng('urine', 'chlamydia'), delay: 3 },
  { person: 11, daysAgo: 40, ...syphilis, delay: 9, partners: ['treated'] },
  { person: 20, daysAgo: 35, ...ctng('anus', 'gonorrhoea'), delay: 21 },
];

/** The person checked in today (demo-data.ts: the first four are on the board) whose positive is still open. */
const OPEN_TODAY = 2;
/** The person whose reactive HIV rapid test goes to the hospital service (external referral consent). */
const HIV_PERSON = 8;

/** Records the demo's positives, treatments, partners and the HIV referral; returns the items opened. */
export async function populateTreatments(
  core: Core,
  a: DemoActors,
  persons: ReadonlyArray<{ id: string }>,
): Promise<number> {
  const { ctx } = core;
  const realClock = ctx.clock;
  const today = localDate(realClock(), a.timezone);
  const at = (daysAgo: number, time: string) =>
    zonedToUtc(addCalendar(today, { days: -daysAgo }), time, a.timezone);
  let opened = 0;

  /** A sample taken at `taken`, resulted at `resulted`: the items it opened. */
  async function positive(personId: string, test: Order, value: Value, taken: Date, resulted: Date) {
    ctx.clock = () => taken;
    const { samples } = await callAs(ctx, a.nurse, 'screenings.saveSamples', {
      personId,
      siteId: a.siteId,
      takenAt: taken.toISOString(),
      add: [test],
    });
    ctx.clock = () => resulted;
    await callAs(ctx, a.nurse, 'screenings.saveResult', {
      personId,
      sampleId: samples[0].id,
      value,
      resultedAt: resulted.toISOString(),
      source: test.testCode.endsWith('_lab') ? 'lab' : 'on_site',
    });
    const items = (await callAs(ctx, a.nurse, 'treatments.forPerson', { personId })).items;
    opened += items.filter((i) => i.status === 'open').length;
    return items.filter((i) => i.status === 'open');
  }

  try {
    for (const [k, p] of POSITIVES.entries()) {
      const person = persons[p.person % persons.length];
      if (!person) continue;
      const resulted = at(p.daysAgo, '11:00');
      // Rapid PCR: taken the same morning; a lab serology: taken three days before.
      const taken = p.test.testCode.endsWith('_lab') ? at(p.daysAgo + 3, '10:00') : at(p.daysAgo, '10:15');
      const [item] = await positive(person.id, p.test, p.value, taken, resulted);
      if (!item || p.delay === null) continue;
      const givenAt = p.delay === 0 ? at(p.daysAgo, '11:20') : at(p.daysAgo - p.delay, '15:40');
      ctx.clock = () => givenAt;
      const treated: ChannelOutput<'treatments.give'> = await callAs(
        ctx,
        k % 3 ? a.nurse : a.doctor,
        'treatments.give',
        {
          personId: person.id,
          toTreatId: item.id,
          version: item.version,
          drug: item.defaults?.drug ?? 'doxycycline',
          dose: item.defaults?.dose ?? '100 mg',
          route: item.defaults?.route ?? 'oral',
          givenAt: givenAt.toISOString(),
        },
      );
      if (p.partners?.length)
        await callAs(ctx, a.nurse, 'treatments.savePartners', {
          personId: person.id,
          toTreatId: treated.id,
          partners: p.partners.map((status, n) => ({
            pseudonym: ['Partenaire régulier', 'Rencontre appli, samedi', 'Ex, Lyon'][n % 3],
            notifier: (['person', 'centre', 'anonymous_message'] as const)[(k + n) % 3],
            status,
          })),
        });
    }

    // The reactive HIV rapid test: its lab confirmation, then the hospital service.
    const hivPerson = persons[HIV_PERSON % persons.length];
    if (hivPerson) {
      const trodAt = at(32, '10:30');
      ctx.clock = () => trodAt;
      const { samples } = await callAs(ctx, a.nurse, 'screenings.saveSamples', {
        personId: hivPerson.id,
        siteId: a.siteId,
        takenAt: trodAt.toISOString(),
        add: [{ testCode: 'hiv_trod' }],
      });
      const { confirmation } = await callAs(ctx, a.nurse, 'screenings.saveResult', {
        personId: hivPerson.id,
        sampleId: samples[0].id,
        value: { type: 'reactivity', reactivity: 'reactive' },
        resultedAt: trodAt.toISOString(),
      });
      opened += 1;
      if (confirmation) {
        const drawn = at(32, '10:45');
        ctx.clock = () => drawn;
        await callAs(ctx, a.nurse, 'screenings.saveSamples', {
          personId: hivPerson.id,
          siteId: a.siteId,
          takenAt: drawn.toISOString(),
          take: [{ id: confirmation.id, version: confirmation.version }],
        });
        const labAt = at(29, '16:00');
        ctx.clock = () => labAt;
        await callAs(ctx, a.nurse, 'screenings.saveResult', {
          personId: hivPerson.id,
          sampleId: confirmation.id,
          value: { type: 'positivity', positivity: 'positive' },
          resultedAt: labAt.toISOString(),
          source: 'lab',
        });
      }
      // The directory is centre data (not a dossier channel): read as demo-data.ts writes it.
      const hospital = (
        await listDirectory(ctx, {
          category: 'hospital_service',
          includeInactive: false,
          page: 1,
          pageSize: 1,
        })
      ).items[0];
      if (hospital) {
        const referredAt = at(28, '10:00');
        ctx.clock = () => referredAt;
        const referral = await callAs(ctx, a.doctor, 'directory.refer', {
          personId: hivPerson.id,
          entryId: hospital.id,
          reason: 'Découverte VIH confirmée : prise en charge en maladies infectieuses',
          status: 'appointment',
          appointmentAt: at(21, '09:30').toISOString(),
          overrideReason: 'Accord oral de la personne pour l’orientation hospitalière',
        });
        ctx.clock = () => at(20, '12:00');
        await callAs(ctx, a.doctor, 'directory.updateReferral', {
          id: referral.id,
          version: referral.version,
          status: 'attended',
          feedback: 'Vu en consultation, traitement antirétroviral débuté',
        });
      }
    }

    // Still open today: the person is on the board; the result came a few minutes ago.
    const waiting = persons[OPEN_TODAY % persons.length];
    if (waiting) {
      const now = realClock();
      await positive(
        waiting.id,
        { testCode: 'ct_ng_pcr_poc', anatomicalSite: 'urine' },
        { type: 'per_target', targets: { chlamydia: 'not_detected', gonorrhoea: 'detected' } },
        new Date(now.getTime() - 25 * 60_000),
        new Date(now.getTime() - 5 * 60_000),
      );
    }
    return opened;
  } finally {
    ctx.clock = realClock;
  }
}
