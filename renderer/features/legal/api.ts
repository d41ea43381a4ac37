/** The legal feature's reads and writes: each write changes the tab, the dossier's header (alert) and the timeline. */
import { useQuery } from '@tanstack/react-query';
import { callOrThrow } from '../../api/client';
import { useCoreMutation } from '../../api/mutation';
import { personChanged } from '../persons/query-keys';

const onPerson = {
  invalidates: (input: { personId: string }) => personChanged(input.personId),
  invalidatesAlways: (input: { personId: string }) => personChanged(input.personId),
};

export const useSaveProcedure = () => useCoreMutation('legal.saveProcedure', onPerson);
export const useAddLegalStep = () => useCoreMutation('legal.addStep', onPerson);
export const useSaveHearing = () => useCoreMutation('legal.saveHearing', onPerson);

/** Lawyers are partners from the directory (category `lawyer`), often without an account. */
export function useLawyers() {
  return useQuery({
    queryKey: ['directory', 'list', 'lawyer'],
    queryFn: () => callOrThrow('directory.list', { category: 'lawyer', pageSize: 200 }),
  });
}

/** The person's incidents a complaint may name (read only when a complaint is being recorded). */
export function useIncidents(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['legal', 'incidents', personId],
    queryFn: () => callOrThrow('violence.forPerson', { personId }),
    enabled,
  });
}
