/** Break-the-glass review: the coordination's list, the navigation's count and the review mark. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/contract';
import { callOrThrow } from '../../api/client';
import { useCoreMutation } from '../../api/mutation';
import { auditKeys } from './query-keys';

/** The count in the navigation is asked again every few minutes: a grant is rare, and urgent to no one. */
export const BREAK_GLASS_COUNT_POLL_MS = 120_000;

export function useBreakGlassList(params: ChannelInput<'audit.breakGlass'>) {
  return useQuery({
    queryKey: auditKeys.breakGlassList(params),
    queryFn: () => callOrThrow('audit.breakGlass', params),
    placeholderData: keepPreviousData,
  });
}

export function useBreakGlassCount() {
  return useQuery({
    queryKey: auditKeys.breakGlassCount,
    queryFn: () => callOrThrow('audit.breakGlassCount', {}),
    refetchInterval: BREAK_GLASS_COUNT_POLL_MS,
  });
}

/** Whatever the answer (already reviewed by someone else included), the list and count are read again. */
export function useReviewBreakGlass() {
  return useCoreMutation('audit.reviewBreakGlass', { invalidatesAlways: () => [auditKeys.breakGlass] });
}
