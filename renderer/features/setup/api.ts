import { useMutation, useQuery } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/contract';
import { callOrThrow } from '../../api/client';

export const setupStatusKey = ['setup.status'] as const;

export function useSetupStatus() {
  return useQuery({
    queryKey: setupStatusKey,
    queryFn: () => callOrThrow('setup.status', {}),
    staleTime: Infinity,
  });
}

export function useInitializeCentre() {
  return useMutation({
    mutationFn: (input: ChannelInput<'setup.initialize'>) => callOrThrow('setup.initialize', input),
  });
}
