import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/contract';
import { callOrThrow } from '../../api/client';
import { queryClient } from '../../api/query-client';
import { goTo, personsHref } from './routes';

export const dossierKey = (id: string) => ['persons.dossier', id] as const;

/** Search as the user types: the previous answer stays while the next one loads. */
export function useSearchPersons(query: string, limit = 20) {
  return useQuery({
    queryKey: ['persons.search', query, limit],
    queryFn: () => callOrThrow('persons.search', { query, limit }),
    enabled: query.length > 0,
    placeholderData: keepPreviousData,
    // Someone may have arrived or been created at another desk: ask again each time.
    staleTime: 0,
  });
}

export type DuplicateProbe = ChannelInput<'persons.duplicates'>;

export function useDuplicates(probe: DuplicateProbe | null) {
  return useQuery({
    queryKey: ['persons.duplicates', probe],
    queryFn: () => callOrThrow('persons.duplicates', probe ?? {}),
    enabled: probe !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** One person's identity (an audited read). */
export function usePerson(id: string) {
  return useQuery({ queryKey: ['persons.get', id], queryFn: () => callOrThrow('persons.get', { id }) });
}

/** The dossier as this user may see it (one audited read per section drawn). */
export function useDossier(id: string) {
  return useQuery({
    queryKey: dossierKey(id),
    queryFn: () => callOrThrow('persons.dossier', { id }),
    // Pathway and PEP hours move with time and with other desks: always fresh on opening.
    staleTime: 0,
  });
}

export function useConsents(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['persons.consents', personId],
    queryFn: () => callOrThrow('persons.consents', { personId }),
    enabled,
  });
}

export function useAccessLog(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['persons.accessLog', personId],
    queryFn: () => callOrThrow('persons.accessLog', { personId }),
    enabled,
    staleTime: 0,
  });
}

/** After a change to a person: their dossier, the searches and the reception board are stale. */
export function refreshPerson(personId: string): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (query) => {
      const [key, id] = query.queryKey;
      if (typeof key !== 'string') return false;
      if (key === 'persons.search' || key.startsWith('visits.') || key.startsWith('appointments.'))
        return true;
      return key.startsWith('persons.') && id === personId;
    },
  });
}

export function useCreatePerson() {
  return useMutation({
    mutationFn: (input: ChannelInput<'persons.create'>) => callOrThrow('persons.create', input),
    onSuccess: (person) => refreshPerson(person.id),
  });
}

export function useUpdatePerson() {
  return useMutation({
    mutationFn: (input: ChannelInput<'persons.update'>) => callOrThrow('persons.update', input),
    onSuccess: (person) => refreshPerson(person.id),
  });
}

export function useRecordConsent() {
  return useMutation({
    mutationFn: (input: ChannelInput<'persons.recordConsent'>) => callOrThrow('persons.recordConsent', input),
    onSuccess: (consents, input) => {
      queryClient.setQueryData(['persons.consents', input.personId], consents);
      return refreshPerson(input.personId);
    },
  });
}

export function useBreakGlass() {
  return useMutation({
    mutationFn: (input: ChannelInput<'persons.breakGlass'>) => callOrThrow('persons.breakGlass', input),
    onSuccess: (_grant, input) => refreshPerson(input.personId),
  });
}

export function useMergePersons() {
  return useMutation({
    mutationFn: (input: ChannelInput<'persons.merge'>) => callOrThrow('persons.merge', input),
    onSuccess: async (_survivor, input) => {
      await refreshPerson(input.survivorId);
      await refreshPerson(input.mergedId);
    },
  });
}

export function useCheckIn() {
  return useMutation({
    mutationFn: (input: ChannelInput<'visits.checkIn'>) => callOrThrow('visits.checkIn', input),
    onSuccess: (visit) => refreshPerson(visit.personId),
  });
}

export function useMoveVisit() {
  return useMutation({
    mutationFn: (input: ChannelInput<'visits.move'>) => callOrThrow('visits.move', input),
    onSuccess: (visit) => refreshPerson(visit.personId),
  });
}

/** Opens a dossier, read afresh even when it is already on screen (opening is a new read). */
export function openDossier(id: string): void {
  void queryClient.invalidateQueries({ queryKey: dossierKey(id) });
  goTo(personsHref.dossier(id));
}
