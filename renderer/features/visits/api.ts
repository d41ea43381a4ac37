import { useMutation, useQuery } from '@tanstack/react-query';
import type { BoardRow, ChannelInput } from '../../../shared/contract';
import { callOrThrow } from '../../api/client';
import { queryClient } from '../../api/query-client';

/** Every poll on every workstation: short enough that a called person moves at once everywhere. */
export const BOARD_POLL_MS = 2_000;

export const boardKey = (siteId: string) => ['visits.board', siteId] as const;

export interface BoardSnapshot {
  rows: BoardRow[];
  revision: string;
  /** When this revision was read here: waiting times go on counting from it locally. */
  fetchedAt: number;
}

function isSnapshot(value: unknown): value is BoardSnapshot {
  return typeof value === 'object' && value !== null && 'revision' in value && 'fetchedAt' in value;
}

export function boardQueryOptions(siteId: string | null) {
  return {
    queryKey: boardKey(siteId ?? ''),
    queryFn: async (): Promise<BoardSnapshot> => ({
      ...(await callOrThrow('visits.board', { siteId: siteId ?? '' })),
      fetchedAt: Date.now(),
    }),
    enabled: siteId !== null,
    structuralSharing: (previous: unknown, next: unknown) =>
      isSnapshot(previous) && isSnapshot(next) && previous.revision === next.revision ? previous : next,
  };
}

/**
 * The reception board of a site, polled. `visits.board` is a passive call: polling does not keep
 * an idle session from locking. The same revision keeps the previous object, so nothing on the
 * screen re-renders when nothing changed.
 */
export function useBoard(siteId: string | null) {
  return useQuery({ ...boardQueryOptions(siteId), refetchInterval: BOARD_POLL_MS, staleTime: 0 });
}

export function refreshBoards(): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: ['visits.board'] });
}

export function useMoveVisit() {
  return useMutation({
    mutationFn: (input: ChannelInput<'visits.move'>) => callOrThrow('visits.move', input),
    onSettled: refreshBoards,
  });
}

export function useRequeueVisit() {
  return useMutation({
    mutationFn: (input: ChannelInput<'visits.requeue'>) => callOrThrow('visits.requeue', input),
    onSettled: refreshBoards,
  });
}

export function useSetPriority() {
  return useMutation({
    mutationFn: (input: ChannelInput<'visits.setPriority'>) => callOrThrow('visits.setPriority', input),
    onSettled: refreshBoards,
  });
}

export function useCheckIn() {
  return useMutation({
    mutationFn: (input: ChannelInput<'visits.checkIn'>) => callOrThrow('visits.checkIn', input),
    // An arrival from an appointment changes the agenda too.
    onSuccess: () =>
      queryClient.invalidateQueries({
        predicate: (q) => {
          const key = String(q.queryKey[0]);
          return key.startsWith('visits.') || key.startsWith('appointments.') || key === 'persons.search';
        },
      }),
  });
}
