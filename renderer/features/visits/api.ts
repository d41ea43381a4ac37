import { useQuery } from '@tanstack/react-query';
import type { BoardRow } from '../../../shared/contract';
import { callOrThrow } from '../../api/client';
import { useCoreMutation } from '../../api/mutation';
import { personChanged } from '../persons/query-keys';
import { visitsKeys } from './query-keys';

/** Every poll on every workstation: short enough that a called person moves at once everywhere. */
export const BOARD_POLL_MS = 2_000;

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
    queryKey: visitsKeys.board(siteId ?? ''),
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

/**
 * An arrival at reception, from the board, a search result, the dossier or an appointment: the
 * person's pathway, the boards and the agenda (an appointment becomes "arrived") change.
 */
export function useCheckIn() {
  return useCoreMutation('visits.checkIn', { invalidates: (_input, visit) => personChanged(visit.personId) });
}

/** A visit moves to another step (from the board, the dossier or "start the interview"). */
export function useMoveVisit() {
  return useCoreMutation('visits.move', {
    invalidates: (_input, visit) => personChanged(visit.personId),
    // Refused (someone moved the person first): the boards show it as it is now.
    invalidatesAlways: () => [visitsKeys.boards],
  });
}

/** Undo a call (an interview opened then cancelled): back to the waiting step, with its waiting time. */
export function useCancelStep() {
  return useCoreMutation('visits.cancelStep', {
    invalidates: (_input, visit) => personChanged(visit.personId),
    invalidatesAlways: () => [visitsKeys.boards],
  });
}

export function useRequeueVisit() {
  return useCoreMutation('visits.requeue', { invalidatesAlways: () => [visitsKeys.boards] });
}

export function useSetPriority() {
  return useCoreMutation('visits.setPriority', { invalidatesAlways: () => [visitsKeys.boards] });
}
