/**
 * The board and the agenda as counts, for coordination (who reads no pathway): nothing about a
 * person reaches this screen, only how many.
 */
import { useQuery } from '@tanstack/react-query';
import { callOrThrow } from '../../api/client';
import { BOARD_POLL_MS } from './api';

export function useBoardSummary(siteId: string | null) {
  return useQuery({
    queryKey: ['visits', 'summary', siteId ?? ''],
    queryFn: () => callOrThrow('visits.summary', { siteId: siteId ?? '' }),
    enabled: siteId !== null,
    // Counts move slowly; a calmer poll than the board's.
    refetchInterval: BOARD_POLL_MS * 5,
  });
}

export function useAgendaSummary(params: { siteId: string; from: string; to: string } | null) {
  return useQuery({
    queryKey: ['appointments', 'summary', params],
    queryFn: () => callOrThrow('appointments.summary', params ?? { siteId: '', from: '', to: '' }),
    enabled: params !== null,
  });
}
