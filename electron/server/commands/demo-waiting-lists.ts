/**
 * The demo centre's specialist waiting lists, replayed through the same channels as the app
 * (`callAs`), each referral on the day it was made: people waiting on every specialty of the
 * catalogue (some for months), a few booked into the agenda, one seen (arrived for its appointment),
 * one cancelled with its reason, and one hormone self-injection workshop with seats taken — so the
 * Referrals tab, the waiting-list screen and the workshops screen all have something to show.
 */
import type { Core } from '../../core';
import type { WaitingListEntry } from '../../../shared/contract/waiting-lists';
import { callAs } from '../../core/api/dispatch';
import { DomainError } from '../../core/errors';
import { activeSpecialties } from '../../core/services/waiting-lists/specialties';
import { saveWorkshop } from '../../core/services/waiting-lists/workshops';
import { addCalendar, daysBetween } from '../../../shared/domain/schedules';
import { localDate, zonedToUtc } from '../../../shared/domain/zoned-time';
import type { DemoActors } from './demo-data';

const NOTES = [
  'Souhaite un rendez-vous en fin de journée.',
  'Adressée après l’entretien : demande ancienne.',
  null,
  'Préfère une professionnelle.',
  null,
];

/** Records the demo waiting lists; returns how many entries were made. */
export async function populateWaitingLists(
  core: Core,
  a: DemoActors,
  persons: ReadonlyArray<{ id: string; createdAt: string }>,
): Promise<number> {
  const { ctx } = core;
  const realClock = ctx.clock;
  const today = localDate(realClock(), a.timezone);
  const on = (days: number) => addCalendar(today, { days });
  // Each action at the time it was done, early afternoon at the site.
  const at = (date: string, time = '14:30') => {
    const instant = zonedToUtc(date, time, a.timezone);
    ctx.clock = () => instant;
  };
  const store = ctx.vault.requireStore();
  const specialties = await store.exclusive(() => activeSpecialties(store.manager));
  const entries: WaitingListEntry[] = [];
  try {
    // Three to five people on each specialty's list, some waiting for months.
    let k = 0;
    for (const [s, specialty] of specialties.entries()) {
      for (let n = 0; n < 3 + (s % 3); n++, k++) {
        const person = persons[(k * 5 + s) % persons.length];
        if (!person) continue;
        // Referred between 2 days and about 6 months ago, never before the person's first visit.
        const known = daysBetween(localDate(new Date(person.createdAt), a.timezone), today);
        const requestedOn = on(-Math.min(2 + ((k * 37) % 180), known));
        at(requestedOn);
        entries.push(
          await callAs(ctx, k % 3 ? a.worker : a.doctor, 'waitingLists.refer', {
            personId: person.id,
            siteId: k % 7 === 6 ? a.outreachSiteId : a.siteId,
            specialty: specialty.code,
            requestedOn,
            origin: k % 3 ? 'interview' : 'consultation',
            note: NOTES[k % NOTES.length],
          }),
        );
      }
    }

    // A hormone self-injection workshop next week, with seats taken by people on that list.
    at(on(-1), '10:00');
    const workshopDay = on(8);
    const workshop = await saveWorkshop(ctx, a.coordinator, {
      siteId: a.siteId,
      specialty: 'hormone_therapy',
      title: 'Atelier d’auto-injection hormonale',
      startsAt: zonedToUtc(workshopDay, '18:00', a.timezone).toISOString(),
      endsAt: zonedToUtc(workshopDay, '20:00', a.timezone).toISOString(),
      capacity: 6,
      facilitatorId: a.nurse.userId,
    });
    ctx.clock = realClock;
    const hormone = entries.filter((e) => e.specialty === 'hormone_therapy').slice(0, 2);
    for (const entry of hormone)
      await callAs(ctx, a.worker, 'waitingLists.book', {
        personId: entry.personId,
        id: entry.id,
        version: entry.version,
        mode: 'workshop',
        workshopId: workshop.id,
      });

    // A few others booked with the doctor in the coming weeks, in the evening (inside the
    // opening hours, clear of the demo's other appointments); one that cannot fit is left waiting.
    const others = entries.filter((e) => e.specialty !== 'hormone_therapy');
    let day = 8;
    for (const entry of others.slice(0, 4)) {
      for (; day < 40; day++) {
        const date = on(day);
        const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
        if (weekday < 2 || weekday > 5) continue;
        const start = zonedToUtc(date, '18:30', a.timezone);
        try {
          await callAs(ctx, a.worker, 'waitingLists.book', {
            personId: entry.personId,
            id: entry.id,
            version: entry.version,
            mode: 'appointment',
            siteId: a.siteId,
            professionalId: a.doctor.userId,
            startsAt: start.toISOString(),
            endsAt: new Date(start.getTime() + 45 * 60_000).toISOString(),
          });
          day++;
          break;
        } catch (err) {
          if (!(err instanceof DomainError) || err.code !== 'validation') throw err;
        }
      }
    }

    // One seen: referred weeks ago, booked with the nurse for an evening last week, and the person
    // arrived for it.
    const seen = others.slice(4).find((e) => e.requestedOn <= on(-14));
    const seenDay = [-3, -4, -5, -6, -7, -8]
      .map(on)
      .find((date) => [2, 3, 4, 5].includes(new Date(`${date}T12:00:00Z`).getUTCDay()));
    if (seen && seenDay) {
      at(on(-12));
      const booked = await callAs(ctx, a.worker, 'waitingLists.book', {
        personId: seen.personId,
        id: seen.id,
        version: seen.version,
        mode: 'appointment',
        siteId: a.siteId,
        professionalId: a.nurse.userId,
        startsAt: zonedToUtc(seenDay, '19:15', a.timezone).toISOString(),
        endsAt: zonedToUtc(seenDay, '19:45', a.timezone).toISOString(),
      });
      at(seenDay, '19:10');
      const appointment = (
        await callAs(ctx, a.worker, 'appointments.forPerson', { personId: seen.personId })
      ).items.find((x) => x.id === booked.appointmentId);
      if (appointment)
        await callAs(ctx, a.worker, 'appointments.setStatus', {
          id: appointment.id,
          version: appointment.version,
          status: 'arrived',
        });
    }

    // One cancelled with its reason.
    const cancelled = others.slice(4).find((e) => e.id !== seen?.id);
    if (cancelled) {
      at(on(-1));
      await callAs(ctx, a.worker, 'waitingLists.cancel', {
        personId: cancelled.personId,
        id: cancelled.id,
        version: cancelled.version,
        reason: 'Suivie par un·e spécialiste en ville.',
      });
    }
    return entries.length;
  } finally {
    ctx.clock = realClock;
  }
}
