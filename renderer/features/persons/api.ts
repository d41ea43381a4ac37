import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { ChannelInput } from '../../../shared/contract';
import { callOrThrow } from '../../api/client';
import { invalidateKeys, useCoreMutation } from '../../api/mutation';
import { queryClient } from '../../api/query-client';
import { personLinks } from './links';
import { personChanged, personsKeys } from './query-keys';

/** Search as the user types: the previous answer stays while the next one loads. */
export function useSearchPersons(query: string, limit = 20) {
  return useQuery({
    queryKey: personsKeys.search(query, limit),
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
    queryKey: personsKeys.duplicates(probe),
    queryFn: () => callOrThrow('persons.duplicates', probe ?? {}),
    enabled: probe !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** One person's identity (an audited read). */
export function usePerson(id: string) {
  return useQuery({ queryKey: personsKeys.get(id), queryFn: () => callOrThrow('persons.get', { id }) });
}

/** The dossier as this user may see it (one audited read per section drawn). */
export function useDossier(id: string) {
  return useQuery({
    queryKey: personsKeys.dossier(id),
    queryFn: () => callOrThrow('persons.dossier', { id }),
    // Pathway and PEP hours move with time and with other desks: always fresh on opening.
    staleTime: 0,
  });
}

/** The timeline: every section's items this reader may see (an audited read per section). */
export function usePersonTimeline(personId: string) {
  return useQuery({
    queryKey: personsKeys.timeline(personId),
    queryFn: () => callOrThrow('persons.timeline', { personId }),
    staleTime: 0,
  });
}

export function useConsents(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: personsKeys.consents(personId),
    queryFn: () => callOrThrow('persons.consents', { personId }),
    enabled,
  });
}

export function useAccessLog(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: personsKeys.accessLog(personId),
    queryFn: () => callOrThrow('persons.accessLog', { personId }),
    enabled,
    staleTime: 0,
  });
}

/** After a change to a person: their dossier, the searches and the reception board are stale. */
export function refreshPerson(personId: string): Promise<void> {
  return invalidateKeys(personChanged(personId));
}

export function useCreatePerson() {
  return useCoreMutation('persons.create', { invalidates: (_input, person) => personChanged(person.id) });
}

export function useUpdatePerson() {
  return useCoreMutation('persons.update', { invalidates: (_input, person) => personChanged(person.id) });
}

export function useRecordConsent() {
  return useCoreMutation('persons.recordConsent', {
    onSuccess: (consents, input) => queryClient.setQueryData(personsKeys.consents(input.personId), consents),
    invalidates: (input) => personChanged(input.personId),
  });
}

export function useBreakGlass() {
  return useCoreMutation('persons.breakGlass', { invalidates: (input) => personChanged(input.personId) });
}

export function useMergePersons() {
  return useCoreMutation('persons.merge', {
    invalidates: (input) => [...personChanged(input.survivorId), ...personChanged(input.mergedId)],
  });
}

/**
 * Opens a dossier, read afresh even when it is already on screen (opening is a new read).
 * `discardsForm`: the user chose this over the form they were typing (a duplicate suggested
 * while creating a file is the same person), so leaving it does not ask about unsaved work.
 */
export function useOpenDossier(options: { discardsForm?: boolean } = {}): (id: string) => void {
  const navigate = useNavigate();
  return (id) => {
    void queryClient.invalidateQueries({ queryKey: personsKeys.dossier(id) });
    void navigate({ ...personLinks.dossier(id), ignoreBlocker: options.discardsForm ?? false });
  };
}
