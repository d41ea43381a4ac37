/**
 * Internal referrals to a specialty of the centre: a referral lands on the specialty's waiting
 * list (from the interview or a consultation) and waits, in the site's calendar, until it is
 * booked — an appointment of the agenda, or a seat in a collective workshop — then seen when the
 * person arrives for it (`on-arrival.ts`), or cancelled with a reason.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ParsedInput as In } from '../../../../shared/contract';
import type { WaitingListEntry } from '../../../../shared/contract/waiting-lists';
import { sectionAccess } from '../../../../shared/domain/access-policy';
import { siteToday } from '../../../../shared/domain/schedules';
import { waitingDays, workshopHasSeat } from '../../../../shared/domain/waiting-lists';
import type { DossierCall } from '../../api/routes';
import type { DossierScope, Lookup } from '../../api/access';
import type { Actor } from '../../access/gate';
import { DomainError, conflict, invalid, notFound } from '../../errors';
import { checkAppointment } from '../appointments/appointments-service';
import {
  findAppointment,
  insertAppointment,
  saveAppointment,
  type AppointmentRow,
} from '../appointments/repository';
import { findSite, sitesByIds } from '../centre/repository';
import { loadPerson } from '../persons/repository';
import { staffNames } from '../users/staff-names';
import {
  findEntry,
  findWorkshop,
  holdsSeat,
  insertEntry,
  saveEntry,
  seatsTaken,
  workshopsByIds,
  type WaitingListEntryRow,
} from './repository';
import { requireSpecialty } from './specialties';

/** The site's local date of an instant, per site (the waiting time counts in the site's calendar). */
async function siteCalendars(em: EntityManager, siteIds: readonly string[]): Promise<Map<string, string>> {
  const sites = await sitesByIds(em, [...new Set(siteIds)]);
  return new Map(sites.map((s) => [s.id, s.timezone]));
}

function localDay(at: Date, timeZone: string | undefined): string {
  return siteToday(at, timeZone ?? 'UTC');
}

/** The contract view of entries: who referred, when the booking is for, the days waited. */
export async function toEntries(
  em: EntityManager,
  rows: readonly WaitingListEntryRow[],
  now: Date,
): Promise<WaitingListEntry[]> {
  const names = await staffNames(
    em,
    rows.map((r) => r.requestedBy),
  );
  const zones = await siteCalendars(
    em,
    rows.map((r) => r.siteId),
  );
  const workshops = new Map(
    (
      await workshopsByIds(
        em,
        rows.flatMap((r) => (r.workshopId ? [r.workshopId] : [])),
      )
    ).map((w) => [w.id, w]),
  );
  const views: WaitingListEntry[] = [];
  for (const r of rows) {
    const zone = zones.get(r.siteId);
    const workshop = r.workshopId ? workshops.get(r.workshopId) : undefined;
    const appointment = !workshop && r.appointmentId ? await findAppointment(em, r.appointmentId) : null;
    const bookedFor = workshop?.startsAt ?? appointment?.startsAt ?? null;
    const until =
      r.status === 'waiting'
        ? localDay(now, zone)
        : (r.status === 'booked' || r.status === 'seen') && bookedFor
          ? localDay(new Date(bookedFor), zone)
          : null;
    views.push({
      id: r.id,
      personId: r.personId,
      siteId: r.siteId,
      specialty: r.specialty,
      requestedOn: r.requestedOn,
      requestedBy: r.requestedBy,
      requestedByName: names.get(r.requestedBy) ?? null,
      origin: r.origin,
      note: r.note,
      status: r.status,
      waitingDays: until ? waitingDays(r.requestedOn, until) : null,
      appointmentId: r.appointmentId,
      bookedFor,
      workshopId: r.workshopId,
      cancelledReason: r.cancelledReason,
      version: r.version,
    });
  }
  return views;
}

async function viewOf(em: EntityManager, row: WaitingListEntryRow, now: Date): Promise<WaitingListEntry> {
  return (await toEntries(em, [row], now))[0];
}

/** The entry a change names, of this person, at the version the form read. */
async function entryForChange(
  em: EntityManager,
  input: { personId: string; id: string; version: number },
): Promise<WaitingListEntryRow> {
  const row = await findEntry(em, input.id);
  if (!row || row.personId !== input.personId) throw notFound('waiting_list_entry');
  if (row.version !== input.version) throw conflict('waiting_list_entry');
  return row;
}

/**
 * Booking or cancelling also writes the person's appointment (pathway): a role that may refer but
 * not change the pathway (legal counsel) cannot do it.
 */
function requirePathwayWrite(actor: Actor): void {
  if (sectionAccess(actor.roles, 'pathway') !== 'write')
    throw new DomainError('forbidden', 'booking writes the pathway', undefined, { section: 'pathway' });
}

export async function refer(
  input: In<'waitingLists.refer'>,
  { actor, dossier }: DossierCall,
): Promise<WaitingListEntry> {
  const { em, now } = dossier;
  const person = await loadPerson(em, input.personId);
  if (person.mergedInto) throw invalid('personId', 'person_merged');
  const site = await findSite(em, input.siteId);
  if (!site) throw invalid('siteId', 'unknown_site');
  await requireSpecialty(em, input.specialty);
  if (input.requestedOn > siteToday(now, site.timezone)) throw invalid('requestedOn', 'date_in_future');
  if (person.birthDate && input.requestedOn < person.birthDate) throw invalid('requestedOn', 'before_birth');
  const at = now.toISOString();
  const row: WaitingListEntryRow = {
    id: randomUUID(),
    personId: person.id,
    siteId: site.id,
    specialty: input.specialty,
    requestedOn: input.requestedOn,
    requestedBy: actor.userId,
    origin: input.origin,
    note: input.note ?? null,
    status: 'waiting',
    appointmentId: null,
    workshopId: null,
    cancelledReason: null,
    createdBy: actor.userId,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  await insertEntry(em, row);
  dossier.wrote({ type: 'waiting_list_entry', id: row.id, action: 'create' });
  return viewOf(em, row, now);
}

/**
 * May this entry be booked? A waiting one, or a booked one whose appointment was cancelled or
 * missed (it is booked again).
 */
async function bookable(em: EntityManager, row: WaitingListEntryRow): Promise<boolean> {
  if (row.status === 'waiting') return true;
  if (row.status !== 'booked' || !row.appointmentId) return false;
  const appointment = await findAppointment(em, row.appointmentId);
  return !appointment || appointment.status === 'cancelled' || appointment.status === 'no_show';
}

function newAppointment(
  fields: Pick<AppointmentRow, 'personId' | 'siteId' | 'professionalId' | 'room' | 'startsAt' | 'endsAt'>,
  actor: Actor,
  now: Date,
): AppointmentRow {
  const at = now.toISOString();
  return {
    id: randomUUID(),
    ...fields,
    type: 'specialist',
    walkInSlot: false,
    status: 'booked',
    notes: null,
    createdBy: actor.userId,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

/** A seat in a workshop of the entry's specialty, not started, with a seat free: its appointment. */
async function workshopSeat(
  em: EntityManager,
  row: WaitingListEntryRow,
  workshopId: string,
  actor: Actor,
  now: Date,
): Promise<AppointmentRow> {
  const workshop = await findWorkshop(em, workshopId);
  if (!workshop) throw invalid('workshopId', 'unknown_workshop');
  if (workshop.specialty !== row.specialty) throw invalid('workshopId', 'workshop_other_specialty');
  if (Date.parse(workshop.startsAt) <= now.getTime()) throw invalid('workshopId', 'workshop_past');
  if (await holdsSeat(em, workshop.id, row.personId)) throw invalid('workshopId', 'already_in_workshop');
  const taken = (await seatsTaken(em, [workshop.id])).get(workshop.id) ?? 0;
  if (!workshopHasSeat(workshop.capacity, taken)) throw invalid('workshopId', 'workshop_full');
  // One appointment per person, with the facilitator: the workshop is a collective slot, so the
  // seats do not overlap each other in the agenda's sense.
  return newAppointment(
    {
      personId: row.personId,
      siteId: workshop.siteId,
      professionalId: workshop.facilitatorId,
      room: null,
      startsAt: workshop.startsAt,
      endsAt: workshop.endsAt,
    },
    actor,
    now,
  );
}

export async function book(
  input: In<'waitingLists.book'>,
  { actor, dossier }: DossierCall,
): Promise<WaitingListEntry> {
  const { em, now } = dossier;
  const row = await entryForChange(em, input);
  if (!(await bookable(em, row))) throw invalid('id', 'entry_not_waiting');
  requirePathwayWrite(actor);
  let appointment: AppointmentRow;
  if (input.mode === 'workshop') {
    appointment = await workshopSeat(em, row, input.workshopId ?? '', actor, now);
  } else {
    // The contract requires these in this mode.
    const fields = {
      personId: row.personId,
      siteId: input.siteId ?? '',
      professionalId: input.professionalId ?? '',
      room: input.room ?? null,
      startsAt: new Date(input.startsAt ?? '').toISOString(),
      endsAt: new Date(input.endsAt ?? '').toISOString(),
    };
    await checkAppointment(em, { ...fields, type: 'specialist', walkInSlot: false, notes: null }, null);
    appointment = newAppointment(fields, actor, now);
  }
  await insertAppointment(em, appointment);
  dossier.wrote({ type: 'appointment', id: appointment.id, section: 'pathway', action: 'create' });
  const next: WaitingListEntryRow = {
    ...row,
    status: 'booked',
    appointmentId: appointment.id,
    workshopId: input.mode === 'workshop' ? (input.workshopId ?? null) : null,
    updatedAt: now.toISOString(),
    version: row.version + 1,
  };
  await saveEntry(em, next);
  dossier.wrote({ type: 'waiting_list_entry', id: next.id, action: 'update' });
  return viewOf(em, next, now);
}

/** The booked appointment of a cancelled entry is cancelled with it (the agenda frees the slot). */
async function cancelAppointmentOf(row: WaitingListEntryRow, dossier: DossierScope): Promise<void> {
  if (!row.appointmentId) return;
  const appointment = await findAppointment(dossier.em, row.appointmentId);
  if (!appointment || appointment.status !== 'booked') return;
  await saveAppointment(dossier.em, {
    ...appointment,
    status: 'cancelled',
    updatedAt: dossier.now.toISOString(),
    version: appointment.version + 1,
  });
  dossier.wrote({ type: 'appointment', id: appointment.id, section: 'pathway', action: 'update' });
}

export async function cancel(
  input: In<'waitingLists.cancel'>,
  { actor, dossier }: DossierCall,
): Promise<WaitingListEntry> {
  const { em, now } = dossier;
  const row = await entryForChange(em, input);
  if (row.status !== 'waiting' && row.status !== 'booked') throw invalid('id', 'entry_not_open');
  if (row.status === 'booked') {
    requirePathwayWrite(actor);
    await cancelAppointmentOf(row, dossier);
  }
  const next: WaitingListEntryRow = {
    ...row,
    status: 'cancelled',
    cancelledReason: input.reason,
    updatedAt: now.toISOString(),
    version: row.version + 1,
  };
  await saveEntry(em, next);
  dossier.wrote({ type: 'waiting_list_entry', id: next.id, action: 'update' });
  return viewOf(em, next, now);
}

/** Who referred: the referrer may book or cancel their own referral (consent governs sharing). */
export async function authorOfEntry(input: { id: string }, { em }: Lookup): Promise<string | null> {
  return (await findEntry(em, input.id))?.requestedBy ?? null;
}
