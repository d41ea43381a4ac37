import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/contract';
import { callOrThrow } from '../../api/client';
import { useCoreMutation } from '../../api/mutation';
import { personsKeys } from '../persons/query-keys';
import { directoryKeys } from './query-keys';

export type DirectoryParams = ChannelInput<'directory.list'>;

export function useDirectory(params: DirectoryParams, enabled = true) {
  return useQuery({
    queryKey: directoryKeys.list(params),
    queryFn: () => callOrThrow('directory.list', params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

const directory = () => [directoryKeys.lists];

export function useSaveEntry() {
  return useCoreMutation('directory.save', { invalidatesAlways: directory });
}

export function useMarkVerified() {
  return useCoreMutation('directory.markVerified', { invalidatesAlways: directory });
}

/** A referral changes the person's dossier: read it again. */
export function useRefer() {
  return useCoreMutation('directory.refer', {
    invalidates: (_input, referral) => [personsKeys.person(referral.personId)],
  });
}

export function useUpdateReferral() {
  return useCoreMutation('directory.updateReferral', {
    invalidates: (_input, referral) => [personsKeys.person(referral.personId)],
  });
}
