/**
 * What the waiting lists do on the appointments' hooks (arrival-hooks.ts), in the transaction of
 * the change, each change audited in the referrals section. A person arrived for the appointment
 * their entry was booked on: the entry is seen.
 */
import type { HookScope } from '../appointments/arrival-hooks';
import { bookedEntriesOfAppointment, saveEntry } from './repository';

export async function seenOnArrival(
  appointment: { id: string; personId: string },
  dossier: HookScope,
): Promise<void> {
  for (const entry of await bookedEntriesOfAppointment(dossier.em, appointment.id)) {
    if (entry.personId !== appointment.personId) continue;
    await saveEntry(dossier.em, {
      ...entry,
      status: 'seen',
      updatedAt: dossier.now.toISOString(),
      version: entry.version + 1,
    });
    dossier.wrote({
      type: 'waiting_list_entry',
      id: entry.id,
      section: 'referrals',
      personId: entry.personId,
      action: 'update',
    });
  }
}

/**
 * The appointment an entry was booked on was cancelled or missed in the agenda: the entry waits
 * again (its waiting time still counts from the request), and its workshop seat is freed.
 */
export async function waitingAgainOnRelease(
  appointment: { id: string; personId: string; status: 'cancelled' | 'no_show' },
  dossier: HookScope,
): Promise<void> {
  // The entry's audit entry says why it waits again: the agenda's cancellation or the no-show rule.
  const reason = appointment.status === 'no_show' ? 'appointment_no_show' : 'appointment_cancelled';
  for (const entry of await bookedEntriesOfAppointment(dossier.em, appointment.id)) {
    if (entry.personId !== appointment.personId) continue;
    await saveEntry(dossier.em, {
      ...entry,
      status: 'waiting',
      appointmentId: null,
      workshopId: null,
      updatedAt: dossier.now.toISOString(),
      version: entry.version + 1,
    });
    dossier.wrote({
      type: 'waiting_list_entry',
      id: entry.id,
      section: 'referrals',
      personId: entry.personId,
      action: 'update',
      reason,
    });
  }
}
