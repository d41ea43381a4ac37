import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/contract';
import { callOrThrow } from '../../api/client';
import { useCoreMutation } from '../../api/mutation';
import { usersKeys } from '../users/query-keys';
import { appointmentsKeys } from './query-keys';

export type AppointmentsParams = ChannelInput<'appointments.list'>;

/** How often the agenda re-reads its period: bookings made on another workstation show up. */
const AGENDA_POLL_MS = 15_000;

/**
 * A period of the agenda, kept fresh by polling; `appointments.list` is a passive call in the
 * core, so an unattended agenda still lets the workstation lock.
 */
export function useAppointments(params: AppointmentsParams | null) {
  return useQuery({
    queryKey: appointmentsKeys.list(params),
    queryFn: () => callOrThrow('appointments.list', params ?? { siteId: '', from: '', to: '' }),
    enabled: params !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
    refetchInterval: AGENDA_POLL_MS,
  });
}

/** Who can be booked on a site (names and roles only; any signed-in user may ask). */
export function useProfessionals(siteId: string | null) {
  return useQuery({
    queryKey: usersKeys.professionals(siteId),
    queryFn: () => callOrThrow('users.professionals', { siteId: siteId ?? undefined }),
    enabled: siteId !== null,
  });
}

export function useReminders(siteId: string | null, date: string) {
  return useQuery({
    queryKey: appointmentsKeys.reminders(siteId, date),
    queryFn: () => callOrThrow('appointments.reminders', { siteId: siteId ?? '', date }),
    enabled: siteId !== null,
    staleTime: 0,
  });
}

const agenda = () => [appointmentsKeys.all];

export function useBookAppointment() {
  return useCoreMutation('appointments.book', { invalidates: agenda });
}

export function useUpdateAppointment() {
  return useCoreMutation('appointments.update', { invalidatesAlways: agenda });
}

export function useSetAppointmentStatus() {
  return useCoreMutation('appointments.setStatus', { invalidatesAlways: agenda });
}
