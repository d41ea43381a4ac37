/** The social-support feature's reads and writes: a save changes the tab. */
import { useQuery } from '@tanstack/react-query';
import type { DIRECTORY_CATEGORIES } from '../../../shared/domain/catalogues';
import { callOrThrow } from '../../api/client';
import { useCoreMutation } from '../../api/mutation';
import { personChanged } from '../persons/query-keys';

const onPerson = {
  invalidates: (input: { personId: string }) => personChanged(input.personId),
  invalidatesAlways: (input: { personId: string }) => personChanged(input.personId),
};

export const useSaveSupport = () => useCoreMutation('socialSupport.save', onPerson);

/** The shelters or addiction centres of the directory (read only when a referral is being recorded). */
export function useEntries(category: (typeof DIRECTORY_CATEGORIES)[number] | null) {
  return useQuery({
    queryKey: ['directory', 'list', category],
    queryFn: () => callOrThrow('directory.list', { category: category ?? undefined, pageSize: 200 }),
    enabled: category !== null,
  });
}
