import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/contract';
import { callOrThrow } from '../../api/client';
import { queryClient } from '../../api/query-client';

export type DirectoryParams = ChannelInput<'directory.list'>;

export function useDirectory(params: DirectoryParams, enabled = true) {
  return useQuery({
    queryKey: ['directory.list', params],
    queryFn: () => callOrThrow('directory.list', params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

function refreshDirectory(): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: ['directory.list'] });
}

export function useSaveEntry() {
  return useMutation({
    mutationFn: (input: ChannelInput<'directory.save'>) => callOrThrow('directory.save', input),
    onSettled: refreshDirectory,
  });
}

export function useMarkVerified() {
  return useMutation({
    mutationFn: (input: ChannelInput<'directory.markVerified'>) =>
      callOrThrow('directory.markVerified', input),
    onSettled: refreshDirectory,
  });
}

/** A referral changes the person's dossier: read it again. */
function refreshReferrals(personId: string): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (q) => {
      const [key, id] = q.queryKey;
      return typeof key === 'string' && key.startsWith('persons.') && id === personId;
    },
  });
}

export function useRefer() {
  return useMutation({
    mutationFn: (input: ChannelInput<'directory.refer'>) => callOrThrow('directory.refer', input),
    onSuccess: (referral) => refreshReferrals(referral.personId),
  });
}

export function useUpdateReferral() {
  return useMutation({
    mutationFn: (input: ChannelInput<'directory.updateReferral'>) =>
      callOrThrow('directory.updateReferral', input),
    onSuccess: (referral) => refreshReferrals(referral.personId),
  });
}
