import { useMutation, useQuery } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/contract';
import { callOrThrow } from '../../api/client';
import { queryClient } from '../../api/query-client';

export const centreKey = ['centre.get'] as const;

export function useCentre() {
  return useQuery({ queryKey: centreKey, queryFn: () => callOrThrow('centre.get', {}) });
}

export function useUpdateCentre() {
  return useMutation({
    mutationFn: (input: ChannelInput<'centre.update'>) => callOrThrow('centre.update', input),
    onSuccess: (centre) => queryClient.setQueryData(centreKey, centre),
  });
}

export function useSaveSite() {
  return useMutation({
    mutationFn: (input: ChannelInput<'centre.saveSite'>) => callOrThrow('centre.saveSite', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: centreKey }),
  });
}
