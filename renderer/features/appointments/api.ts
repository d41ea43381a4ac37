import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/contract';
import { callOrThrow } from '../../api/client';
import { queryClient } from '../../api/query-client';

export type AppointmentsParams = ChannelInput<'appointments.list'>;

/** How often the agenda re-reads its period: bookings made on another workstation show up. */
const AGENDA_POLL_MS = 15_000;

/**
 * A period of the agenda, kept fresh by polling; `appointments.list` is a passive call in the
 * core, so an unattended agenda still lets the workstation lock.
 */
export function useAppointments(params: AppointmentsParams | null) {
  return useQuery({
    queryKey: ['appointments.list', params],
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
    queryKey: ['users.professionals', siteId],
    queryFn: () => callOrThrow('users.professionals', { siteId: siteId ?? undefined }),
    enabled: siteId !== null,
  });
}

export function useReminders(siteId: string | null, date: string) {
  return useQuery({
    queryKey: ['appointments.reminders', siteId, date],
    queryFn: () => callOrThrow('appointments.reminders', { siteId: siteId ?? '', date }),
    enabled: siteId !== null,
    staleTime: 0,
  });
}

function refreshAgenda(): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (q) => String(q.queryKey[0]).startsWith('appointments.'),
  });
}

export function useBookAppointment() {
  return useMutation({
    mutationFn: (input: ChannelInput<'appointments.book'>) => callOrThrow('appointments.book', input),
    onSuccess: refreshAgenda,
  });
}

export function useUpdateAppointment() {
  return useMutation({
    mutationFn: (input: ChannelInput<'appointments.update'>) => callOrThrow('appointments.update', input),
    onSettled: refreshAgenda,
  });
}

export function useSetAppointmentStatus() {
  return useMutation({
    mutationFn: (input: ChannelInput<'appointments.setStatus'>) =>
      callOrThrow('appointments.setStatus', input),
    onSettled: refreshAgenda,
  });
}
