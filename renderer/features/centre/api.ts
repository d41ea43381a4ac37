import { useQuery } from '@tanstack/react-query';
import { callOrThrow } from '../../api/client';
import { useCoreMutation } from '../../api/mutation';
import { queryClient } from '../../api/query-client';
import { centreKeys } from './query-keys';

export function useCentre() {
  return useQuery({ queryKey: centreKeys.centre, queryFn: () => callOrThrow('centre.get', {}) });
}

export function useUpdateCentre() {
  // The answer is the centre as saved: it replaces the cached one, nothing to read again.
  return useCoreMutation('centre.update', {
    onSuccess: (centre) => queryClient.setQueryData(centreKeys.centre, centre),
  });
}

export function useSaveSite() {
  return useCoreMutation('centre.saveSite', { invalidates: () => [centreKeys.centre] });
}
