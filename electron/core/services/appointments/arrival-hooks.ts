/**
 * What other capabilities do when a person arrives for an appointment (check-in, or "arrived" in
 * the agenda), and when a booked appointment is released (cancelled or marked absent in the
 * agenda). Each hook runs in the transaction of the change and names what it changes with
 * `dossier.wrote` (its own section), so the appointments never know the capabilities that react:
 * one line here per capability that does.
 */
import type { DossierScope } from '../../api/access';
import { seenOnArrival, waitingAgainOnRelease } from '../waiting-lists/on-arrival';

export interface ArrivedAppointment {
  id: string;
  personId: string;
  siteId: string;
  startsAt: string;
}

/**
 * What a hook gets of the call: the transaction, the clock, and `wrote` to name each record it
 * changes (audited by the caller: the dispatcher for a dossier call, the agenda for its no-show
 * rule).
 */
export type HookScope = Pick<DossierScope, 'em' | 'now' | 'wrote'>;

export type AppointmentArrivedHook = (appointment: ArrivedAppointment, scope: HookScope) => Promise<void>;

/** A released appointment, with what it became: the hooks' audit entries say why they changed. */
export interface ReleasedAppointment extends ArrivedAppointment {
  status: 'cancelled' | 'no_show';
}

export type AppointmentReleasedHook = (appointment: ReleasedAppointment, scope: HookScope) => Promise<void>;

export const APPOINTMENT_ARRIVED_HOOKS: readonly AppointmentArrivedHook[] = [
  // A waiting-list entry booked on this appointment is now seen.
  seenOnArrival,
];

/** A booked appointment cancelled or marked absent: what was booked on it is free again. */
export const APPOINTMENT_RELEASED_HOOKS: readonly AppointmentReleasedHook[] = [
  // A waiting-list entry booked on this appointment waits again (its workshop seat is freed).
  waitingAgainOnRelease,
];

export async function appointmentArrived(appointment: ArrivedAppointment, scope: HookScope): Promise<void> {
  for (const hook of APPOINTMENT_ARRIVED_HOOKS) await hook(appointment, scope);
}

export async function appointmentReleased(appointment: ReleasedAppointment, scope: HookScope): Promise<void> {
  for (const hook of APPOINTMENT_RELEASED_HOOKS) await hook(appointment, scope);
}
