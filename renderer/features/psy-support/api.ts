/** The psy-support feature's reads and writes: a save changes the tab. */
import { useQuery } from '@tanstack/react-query';
import { PSYCHIATRIC_CATEGORY } from '../../../shared/domain/psy-support';
import { callOrThrow } from '../../api/client';
import { useCoreMutation } from '../../api/mutation';
import { personChanged } from '../persons/query-keys';

const onPerson = {
  invalidates: (input: { personId: string }) => personChanged(input.personId),
  invalidatesAlways: (input: { personId: string }) => personChanged(input.personId),
};

export const useSaveSession = () => useCoreMutation('psySupport.saveSession', onPerson);
export const useReferToPsychiatry = () => useCoreMutation('psySupport.refer', onPerson);
export const useUpdatePsyReferral = () => useCoreMutation('psySupport.updateReferral', onPerson);

/** The psychiatrists of the directory (read only when a referral is being made). */
export function usePsychiatrists() {
  return useQuery({
    queryKey: ['directory', 'list', PSYCHIATRIC_CATEGORY],
    queryFn: () => callOrThrow('directory.list', { category: PSYCHIATRIC_CATEGORY, pageSize: 200 }),
  });
}
