/**
 * The agenda: appointments per professional and room, day and week views, walk-in slots, and
 * tomorrow's reminder list that respects each person's contact preferences and consent.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ParsedInput as In } from '../../../../shared/contract';
import type { Appointment } from '../../../../shared/contract/appointments';
import type { CoreContext } from '../../context';
import { APPOINTMENT_STATUSES } from '../../../../shared/domain/catalogues';

type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
import { conflict, invalid, notFound } from '../../errors';
import { localDate, localDayRange, localParts, localTime } from '../../../../shared/domain/zoned-time';
import { findSite, type SiteRow } from '../centre/repository';
import { givenScopes } from '../persons/consents';
import { loadPerson } from '../persons/repository';
import type { DossierCall } from '../../api/routes';
import { appendEvents, type DossierScope, type Lookup, type WriteTarget } from '../../api/access';
import type { Actor } from '../../access/gate';
import { applyNoShows } from './no-show';
import { appointmentArrived, appointmentReleased } from './arrival-hooks';
import { findPerson, personsByIds } from '../persons/repository';
import { staffNames } from '../users/staff-names';
import { findUser } from '../users/repository';
import {
  agenda,
  bookedAfter,
  countOverlapping,
  findAppointment,
  insertAppointment,
  saveAppointment,
  type AppointmentRow,
} from './repository';

/** Contract view of appointments; callers that already hold the persons or staff names pass them. */
export async function toAppointments(
  em: EntityManager,
  rows: AppointmentRow[],
  known: {
    persons?: ReadonlyMap<string, { nameUsed: string; fileNumber: string }>;
    names?: ReadonlyMap<string, string>;
  } = {},
): Promise<Appointment[]> {
  const personIds = [...new Set(rows.map((r) => r.personId).filter((id): id is string => !!id))];
  const persons = known.persons ?? new Map((await personsByIds(em, personIds)).map((p) => [p.id, p]));
  const names =
    known.names ??
    (await staffNames(
      em,
      rows.map((r) => r.professionalId),
    ));
  return rows.map((r) => ({
    id: r.id,
    personId: r.personId,
    personName: r.personId ? (persons.get(r.personId)?.nameUsed ?? null) : null,
    fileNumber: r.personId ? (persons.get(r.personId)?.fileNumber ?? null) : null,
    siteId: r.siteId,
    professionalId: r.professionalId,
    professionalName: names.get(r.professionalId) ?? null,
    room: r.room,
    type: r.type,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    walkInSlot: r.walkInSlot,
    status: r.status,
    notes: r.notes,
    version: r.version,
  }));
}

/** Is [start, end) inside one opening interval of the site, in the site's local time? */
export function withinOpeningHours(
  site: Pick<SiteRow, 'openingHours' | 'timezone'>,
  start: Date,
  end: Date,
): boolean {
  if (!site.openingHours) return true;
  const day = localParts(start, site.timezone);
  if (localDate(start, site.timezone) !== localDate(new Date(end.getTime() - 1), site.timezone)) return false;
  const from = localTime(start, site.timezone);
  const to = localTime(end, site.timezone) === '00:00' ? '24:00' : localTime(end, site.timezone);
  return (site.openingHours[String(day.weekday)] ?? []).some(([open, close]) => open <= from && to <= close);
}

type AppointmentFields = In<'appointments.book'>;

/** The agenda's rules for a booking (also asked by the waiting lists when they book). */
export async function checkAppointment(
  em: EntityManager,
  input: AppointmentFields,
  id: string | null,
): Promise<void> {
  const start = new Date(input.startsAt);
  const end = new Date(input.endsAt);
  if (end <= start) throw invalid('endsAt', 'before_start');
  if (end.getTime() - start.getTime() > 12 * 3600_000) throw invalid('endsAt', 'too_long');
  const site = await findSite(em, input.siteId);
  if (!site) throw invalid('siteId', 'unknown_site');
  const professional = await findUser(em, input.professionalId);
  if (!professional || !professional.active) throw invalid('professionalId', 'unknown_user');
  if (!withinOpeningHours(site, start, end)) throw invalid('startsAt', 'closed_slot');
  if (input.personId) {
    const person = await loadPerson(em, input.personId).catch(() => null);
    if (!person) throw invalid('personId', 'unknown_person');
    if (person.mergedInto) throw invalid('personId', 'person_merged');
    if (person.birthDate && input.startsAt.slice(0, 10) < person.birthDate)
      throw invalid('startsAt', 'before_birth');
  }
  const overlapping = await countOverlapping(
    em,
    input.professionalId,
    start.toISOString(),
    end.toISOString(),
    id,
  );
  if (overlapping > 0) throw invalid('startsAt', 'overlap');
}

/** The appointment a change names. */
async function appointmentOf(em: EntityManager, id: string): Promise<AppointmentRow> {
  const row = await findAppointment(em, id);
  if (!row) throw notFound('appointment');
  return row;
}

/** The persons a change touches: the appointment's, and the one it is moved to. */
export async function personsOfAppointment(
  input: { id: string; personId?: string | null },
  { em }: Lookup,
): Promise<Array<string | null>> {
  const row = await appointmentOf(em, input.id);
  return input.personId === undefined ? [row.personId] : [row.personId, input.personId];
}

/** The fields a booking form sets, as stored (instants normalised to UTC ISO strings). */
function editableFields(input: AppointmentFields) {
  return {
    personId: input.personId ?? null,
    siteId: input.siteId,
    professionalId: input.professionalId,
    room: input.room ?? null,
    type: input.type,
    startsAt: new Date(input.startsAt).toISOString(),
    endsAt: new Date(input.endsAt).toISOString(),
    walkInSlot: input.walkInSlot,
    notes: input.notes ?? null,
  };
}

/** Names the change for the audit (walk-in slots without a person have no dossier) and returns the view. */
async function audited(
  em: EntityManager,
  dossier: DossierScope,
  action: 'create' | 'update',
  row: AppointmentRow,
): Promise<Appointment> {
  if (row.personId) dossier.wrote({ type: 'appointment', id: row.id, personId: row.personId, action });
  return (await toAppointments(em, [row]))[0];
}

export async function book(input: AppointmentFields, { actor, dossier }: DossierCall): Promise<Appointment> {
  const { em } = dossier;
  await checkAppointment(em, input, null);
  const now = dossier.now.toISOString();
  const row: AppointmentRow = {
    id: randomUUID(),
    ...editableFields(input),
    status: 'booked',
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await insertAppointment(em, row);
  return audited(em, dossier, 'create', row);
}

async function loadForChange(em: EntityManager, id: string, version: number): Promise<AppointmentRow> {
  const row = await appointmentOf(em, id);
  if (row.version !== version) throw conflict('appointment');
  return row;
}

export async function updateAppointment(
  input: In<'appointments.update'>,
  { dossier }: DossierCall,
): Promise<Appointment> {
  const row = await loadForChange(dossier.em, input.id, input.version);
  await checkAppointment(dossier.em, input, row.id);
  return saveChange(dossier, row, editableFields(input));
}

export async function setAppointmentStatus(
  input: In<'appointments.setStatus'>,
  { dossier }: DossierCall,
): Promise<Appointment> {
  const row = await loadForChange(dossier.em, input.id, input.version);
  const changed = await saveChange(dossier, row, { status: input.status });
  if (input.status === 'arrived' && row.status !== 'arrived' && row.personId)
    await appointmentArrived({ ...row, personId: row.personId }, dossier);
  else if (
    (input.status === 'cancelled' || input.status === 'no_show') &&
    row.status === 'booked' &&
    row.personId
  )
    await appointmentReleased({ ...row, personId: row.personId, status: input.status }, dossier);
  return changed;
}

/** Applies a change with the next version, audits it on the person's pathway, returns the view. */
async function saveChange(
  dossier: DossierScope,
  row: AppointmentRow,
  changes: Partial<AppointmentRow>,
): Promise<Appointment> {
  const next: AppointmentRow = {
    ...row,
    ...changes,
    updatedAt: dossier.now.toISOString(),
    version: row.version + 1,
  };
  await saveAppointment(dossier.em, next);
  return audited(dossier.em, dossier, 'update', next);
}

export async function listAppointments(
  ctx: CoreContext,
  actor: Actor,
  input: In<'appointments.list'>,
): Promise<Appointment[]> {
  const store = ctx.vault.requireStore();
  // A transaction: reading the agenda may mark the past day's appointments absent (below).
  return store.transaction(async (em) => {
    const listed = await agenda(em, {
      siteId: input.siteId,
      from: new Date(input.from).toISOString(),
      to: new Date(input.to).toISOString(),
      professionalId: input.professionalId,
      room: input.room,
      includeCancelled: input.includeCancelled,
    });
    const now = ctx.clock();
    const absent = new Map((await applyNoShows(em, listed, now)).map((r) => [r.id, r]));
    // What other capabilities do when an appointment is released (a waiting-list entry waits
    // again): the records they change are collected here, to be audited with the rest.
    const released: WriteTarget[] = [];
    for (const r of absent.values())
      if (r.personId)
        await appointmentReleased(
          { ...r, personId: r.personId, status: 'no_show' },
          { em, now, wrote: (w) => released.push(w) },
        );
    // A list channel has no dossier declaration, so the dispatcher audits nothing it changes: each
    // appointment marked absent is written to the log here, as its own change on that person's
    // pathway, by the user whose agenda read applied the rule (same transaction as the change).
    await appendEvents(
      em,
      [
        ...[...absent.values()].map((r) => ({
          actorId: actor.userId,
          action: 'update' as const,
          section: 'pathway' as const,
          personId: r.personId,
          targetType: 'appointment',
          targetId: r.id,
          detail: { status: 'no_show' },
        })),
        ...released.map((w) => ({
          actorId: actor.userId,
          action: w.action ?? ('update' as const),
          section: w.section ?? ('pathway' as const),
          personId: w.personId ?? null,
          targetType: w.type,
          targetId: w.id,
          reason: w.reason ?? null,
        })),
      ],
      now,
    );
    return toAppointments(
      em,
      listed.map((r) => absent.get(r.id) ?? r),
    );
  });
}

/** A discreet default: no word about sexual health, the centre's name only if the person chose it. */
export const DEFAULT_REMINDER = 'Bonjour, petit rappel : rendez-vous le {date} à {heure}. À bientôt !';

export async function reminders(ctx: CoreContext, input: In<'appointments.reminders'>) {
  const store = ctx.vault.requireStore();
  return store.exclusive(async () => {
    const em = store.manager;
    const site = await findSite(em, input.siteId);
    if (!site) throw invalid('siteId', 'unknown_site');
    const [from, to] = localDayRange(input.date, site.timezone);
    const rows = await bookedAfter(em, site.id, from.toISOString());
    const result = [];
    for (const a of rows) {
      if (!a.personId || a.startsAt >= to.toISOString() || a.startsAt < from.toISOString()) continue;
      const p = await findPerson(em, a.personId);
      if (!p || p.mergedInto) continue;
      const consent = (await givenScopes(em, p.id)).has('contact');
      const reason: 'never_contact' | 'no_consent' | 'no_channel' | null = p.neverContact
        ? 'never_contact'
        : !consent
          ? 'no_consent'
          : p.contactChannels.length === 0
            ? 'no_channel'
            : null;
      const when = new Date(a.startsAt);
      const message = reason
        ? null
        : (p.contactWording || DEFAULT_REMINDER)
            .replaceAll('{date}', input.date.split('-').reverse().join('/'))
            .replaceAll('{heure}', localTime(when, site.timezone))
            .replaceAll('{time}', localTime(when, site.timezone));
      result.push({
        appointmentId: a.id,
        personId: p.id,
        nameUsed: p.nameUsed,
        startsAt: a.startsAt,
        type: a.type,
        channels: reason ? [] : p.contactChannels,
        phone: reason ? null : p.phone,
        email: reason ? null : p.email,
        message,
        contactable: reason === null,
        reason,
      });
    }
    return result;
  });
}

/**
 * A span of the agenda as counts (coordination, who does not read the pathway): appointments by
 * status and free walk-in slots. Nothing about a person or a professional leaves the core.
 */
export async function agendaSummary(
  ctx: CoreContext,
  input: In<'appointments.summary'>,
): Promise<{ byStatus: { status: AppointmentStatus; count: number }[]; walkInSlots: number }> {
  const store = ctx.vault.requireStore();
  return store.exclusive(async () => {
    const rows = await agenda(store.manager, {
      siteId: input.siteId,
      from: new Date(input.from).toISOString(),
      to: new Date(input.to).toISOString(),
      includeCancelled: true,
    });
    const booked = rows.filter((r) => r.personId !== null);
    return {
      byStatus: APPOINTMENT_STATUSES.map((status) => ({
        status,
        count: booked.filter((r) => r.status === status).length,
      })),
      walkInSlots: rows.filter((r) => r.personId === null && r.status === 'booked').length,
    };
  });
}
