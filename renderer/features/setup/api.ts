import { useQuery } from '@tanstack/react-query';
import { callOrThrow } from '../../api/client';
import { useCoreMutation } from '../../api/mutation';
import { setupKeys } from './query-keys';

export function useSetupStatus() {
  return useQuery({
    queryKey: setupKeys.status,
    queryFn: () => callOrThrow('setup.status', {}),
    staleTime: Infinity,
  });
}

/** The entrance reads the status again itself once the recovery code is acknowledged (Root.tsx). */
export function useInitializeCentre() {
  return useCoreMutation('setup.initialize');
}
