/** The waiting lists' reads and writes. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput } from '../../../shared/contract';
import { callOrThrow } from '../../api/client';
import { useCoreMutation } from '../../api/mutation';
import { useCurrentCatalogues } from '../clinical-catalogues/api';
import { specialtyLabel } from '../clinical-catalogues/labels';
import { personChanged } from '../persons/query-keys';
import { waitingListsKeys } from './query-keys';

/** A write on a person's entry: their dossier, the lists and their counts, the agenda's seats. */
const changed = (personId: string) => [...personChanged(personId), waitingListsKeys.all];

export function useRefer() {
  return useCoreMutation('waitingLists.refer', { invalidates: (input) => changed(input.personId) });
}

export function useBook() {
  // A refused booking (someone took the last seat) means the lists shown are old: read them again.
  return useCoreMutation('waitingLists.book', { invalidatesAlways: (input) => changed(input.personId) });
}

export function useCancelEntry() {
  return useCoreMutation('waitingLists.cancel', { invalidatesAlways: (input) => changed(input.personId) });
}

export function useWorklist(params: ChannelInput<'waitingLists.worklist'> | null) {
  return useQuery({
    queryKey: waitingListsKeys.worklist(params ?? { specialty: '' }),
    queryFn: () => callOrThrow('waitingLists.worklist', params ?? { specialty: '' }),
    enabled: params !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useWorklistCounts(siteIds: readonly string[] | null) {
  return useQuery({
    queryKey: waitingListsKeys.counts(siteIds),
    queryFn: () => callOrThrow('waitingLists.worklistCounts', siteIds ? { siteIds: [...siteIds] } : {}),
    staleTime: 0,
  });
}

export function useWorkshops(params: ChannelInput<'waitingLists.workshops'>, enabled = true) {
  return useQuery({
    queryKey: waitingListsKeys.workshops(params),
    queryFn: () => callOrThrow('waitingLists.workshops', params),
    enabled,
    staleTime: 0,
  });
}

export function useSaveWorkshop() {
  return useCoreMutation('waitingLists.saveWorkshop', { invalidatesAlways: () => [waitingListsKeys.all] });
}

export interface SpecialtyChoice {
  value: string;
  label: string;
}

/**
 * The specialties of the centre's current catalogue, labelled: `active` for a new referral or
 * workshop, and a label for any code (a retired one still names old entries).
 */
export function useSpecialties(): {
  active: SpecialtyChoice[];
  labelOf: (code: string) => string;
  isPending: boolean;
} {
  const { t } = useTranslation();
  const catalogues = useCurrentCatalogues();
  return useMemo(() => {
    const all = catalogues.data?.specialties.content ?? [];
    const byCode = new Map(all.map((s) => [s.code, s]));
    return {
      active: all.filter((s) => s.active).map((s) => ({ value: s.code, label: specialtyLabel(t, s) })),
      labelOf: (code: string) => specialtyLabel(t, byCode.get(code) ?? { code }),
      isPending: catalogues.isPending,
    };
  }, [catalogues.data, catalogues.isPending, t]);
}
