/**
 * What other capabilities do when a person arrives for an appointment (check-in, or "arrived" in
 * the agenda). Each hook runs in the transaction of the change and names what it changes with
 * `dossier.wrote` (its own section), so the appointments never know the capabilities that react:
 * one line here per capability that does.
 */
import type { DossierScope } from '../../api/access';
import { seenOnArrival } from '../waiting-lists/on-arrival';

export interface ArrivedAppointment {
  id: string;
  personId: string;
  siteId: string;
  startsAt: string;
}

export type AppointmentArrivedHook = (
  appointment: ArrivedAppointment,
  dossier: DossierScope,
) => Promise<void>;

export const APPOINTMENT_ARRIVED_HOOKS: readonly AppointmentArrivedHook[] = [
  // A waiting-list entry booked on this appointment is now seen.
  seenOnArrival,
];

export async function appointmentArrived(
  appointment: ArrivedAppointment,
  dossier: DossierScope,
): Promise<void> {
  for (const hook of APPOINTMENT_ARRIVED_HOOKS) await hook(appointment, dossier);
}
