/**
 * The demo centre's Test and Treat stories. The scripted positives of the past year (most treated
 * the same day, three treated late: 3, 9 and 21 days after the result; partners at every status)
 * are replayed by demo-screenings.ts among each person's screenings, in the order they happened.
 * Here, through the same channels as the app (`callAs`): a reactive HIV rapid test three months
 * ago, confirmed by the lab, referred to the hospital service and closed when the appointment was
 * attended; a reactive HCV rapid test last week, its viral load detected, referred with an
 * appointment still to come; and one gonorrhoea positive still open today while the person is on
 * the board (so the board's priority, the red banner and the "to treat" worklist show it).
 */
import type { Core } from '../../core';
import type { ChannelInput } from '../../../shared/contract';
import { callAs } from '../../core/api/dispatch';
import { listDirectory } from '../../core/services/directory/directory-service';
import { addCalendar } from '../../../shared/domain/schedules';
import type { PartnerStatus } from '../../../shared/domain/treatments';
import type { AnatomicalSite } from '../../../shared/domain/clinical-catalogues';
import { localDate, zonedToUtc } from '../../../shared/domain/zoned-time';
import type { DemoActors } from './demo-data';

type Value = ChannelInput<'screenings.saveResult'>['value'];
type Order = NonNullable<ChannelInput<'screenings.saveSamples'>['add']>[number];

export interface DemoPositive {
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
  site: AnatomicalSite,
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

/** The scripted positives, by person index (demo-people.ts), replayed by demo-screenings.ts. */
export const SCRIPTED_POSITIVES: readonly DemoPositive[] = [
  // Treated the same day (the usual case), partners listed on some.
  { person: 0, daysAgo: 300, ...ctng('throat', 'gonorrhoea'), delay: 0, partners: ['treated', 'tested'] },
  { person: 4, daysAgo: 160, ...ctng('anus', 'chlamydia'), delay: 0 },
  { person: 6, daysAgo: 45, ...ctng('vagina', 'chlamydia'), delay: 0, partners: ['notified'] },
  { person: 9, daysAgo: 200, ...syphilis, delay: 0, partners: ['notified', 'tested'] },
  { person: 12, daysAgo: 120, ...ctng('vagina', 'chlamydia'), delay: 0 },
  { person: 14, daysAgo: 90, ...ctng('urine', 'gonorrhoea'), delay: 0, partners: ['tested'] },
  { person: 15, daysAgo: 250, ...ctng('throat', 'chlamydia'), delay: 0 },
  { person: 18, daysAgo: 12, ...ctng('throat', 'gonorrhoea'), delay: 0, partners: ['to_notify'] },
  // Treated late: the person came back 3, 9 and 21 days after the result.
  { person: 5, daysAgo: 230, ...ctng('urine', 'chlamydia'), delay: 3 },
  { person: 11, daysAgo: 140, ...syphilis, delay: 9, partners: ['treated'] },
  { person: 20, daysAgo: 65, ...ctng('anus', 'gonorrhoea'), delay: 21 },
];

/** The person checked in today (demo-data.ts: the first four are on the board) whose positive is still open. */
const OPEN_TODAY = 2;
export interface HospitalStory {
  person: number;
  rapidTest: 'hiv_trod' | 'hcv_trod';
  /** Days before today of the rapid test; the lab confirms three days later. */
  daysAgo: number;
  confirmed: Value;
  reason: string;
  /** Days from the referral (the day after the confirmation) to the first appointment. */
  appointmentAfterDays: number;
  feedback: string;
}

/** The reactive rapid tests sent to the hospital service: one attended, one still to come. */
export const HOSPITAL_STORIES: readonly HospitalStory[] = [
  {
    person: 8,
    rapidTest: 'hiv_trod',
    daysAgo: 95,
    confirmed: { type: 'positivity', positivity: 'positive' },
    reason: 'Découverte VIH confirmée : prise en charge en maladies infectieuses',
    appointmentAfterDays: 7,
    feedback: 'Vu en consultation, traitement antirétroviral débuté',
  },
  {
    person: 13,
    rapidTest: 'hcv_trod',
    daysAgo: 8,
    confirmed: { type: 'detection', detection: 'detected', viralLoad: 250000 },
    reason: 'Hépatite C active (charge virale détectable) : traitement antiviral à débuter',
    appointmentAfterDays: 9,
    feedback: '',
  },
];

/** Records the HIV and HCV referrals and today's open positive; returns the items opened. */
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

  /**
   * A reactive rapid test, its confirmation drawn at once and resulted by the lab, then the
   * hospital service of the directory with the first appointment, attended if it is past.
   */
  async function toHospital(personId: string, story: HospitalStory) {
    const trodAt = at(story.daysAgo, '10:30');
    ctx.clock = () => trodAt;
    const { samples } = await callAs(ctx, a.nurse, 'screenings.saveSamples', {
      personId,
      siteId: a.siteId,
      takenAt: trodAt.toISOString(),
      add: [{ testCode: story.rapidTest }],
    });
    const { confirmation } = await callAs(ctx, a.nurse, 'screenings.saveResult', {
      personId,
      sampleId: samples[0].id,
      value: { type: 'reactivity', reactivity: 'reactive' },
      resultedAt: trodAt.toISOString(),
    });
    opened += 1;
    if (confirmation) {
      const drawn = at(story.daysAgo, '10:45');
      ctx.clock = () => drawn;
      await callAs(ctx, a.nurse, 'screenings.saveSamples', {
        personId,
        siteId: a.siteId,
        takenAt: drawn.toISOString(),
        take: [{ id: confirmation.id, version: confirmation.version }],
      });
      const labAt = at(story.daysAgo - 3, '16:00');
      ctx.clock = () => labAt;
      await callAs(ctx, a.nurse, 'screenings.saveResult', {
        personId,
        sampleId: confirmation.id,
        value: story.confirmed,
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
    if (!hospital) return;
    const referredAt = at(story.daysAgo - 4, '10:00');
    ctx.clock = () => referredAt;
    const appointmentDaysAgo = story.daysAgo - 4 - story.appointmentAfterDays;
    const referral = await callAs(ctx, a.doctor, 'directory.refer', {
      personId,
      entryId: hospital.id,
      reason: story.reason,
      status: 'appointment',
      appointmentAt: at(appointmentDaysAgo, '09:30').toISOString(),
      overrideReason: 'Accord oral de la personne pour l’orientation hospitalière',
    });
    if (appointmentDaysAgo <= 0) return;
    ctx.clock = () => at(appointmentDaysAgo - 1, '12:00');
    await callAs(ctx, a.doctor, 'directory.updateReferral', {
      id: referral.id,
      version: referral.version,
      status: 'attended',
      feedback: story.feedback,
    });
  }

  try {
    for (const story of HOSPITAL_STORIES) {
      const person = persons[story.person];
      if (person) await toHospital(person.id, story);
    }

    // Still open today: the person is on the board; the result came a few minutes ago.
    const waiting = persons[OPEN_TODAY];
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
