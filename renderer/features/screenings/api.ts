import { useQuery } from '@tanstack/react-query';
import type { CatalogueContent } from '../../../shared/domain/clinical-catalogues';
import { callOrThrow } from '../../api/client';
import { useCoreMutation } from '../../api/mutation';
import { personChanged } from '../persons/query-keys';

/**
 * Every screening write changes the tab, the dossier's alerts and the timeline of that person; a
 * refusal (a sample resulted meanwhile elsewhere) means the tab shows an old state: read it again.
 */
export function useSaveSamples() {
  return useCoreMutation('screenings.saveSamples', {
    invalidates: (input) => personChanged(input.personId),
    invalidatesAlways: (input) => personChanged(input.personId),
  });
}

export function useSaveResult() {
  return useCoreMutation('screenings.saveResult', {
    invalidates: (input) => personChanged(input.personId),
    invalidatesAlways: (input) => personChanged(input.personId),
  });
}

export function useGiveResult() {
  return useCoreMutation('screenings.give', {
    invalidates: (input) => personChanged(input.personId),
    invalidatesAlways: (input) => personChanged(input.personId),
  });
}

export interface ScreeningCatalogue {
  tests: CatalogueContent['tests'];
  egfr: CatalogueContent['egfr'];
}

/** The centre's test catalogue and eGFR range (what the forms offer and check). */
export function useScreeningCatalogue() {
  return useQuery({
    queryKey: ['screenings', 'catalogue'] as const,
    queryFn: async (): Promise<ScreeningCatalogue> => {
      const { catalogues } = await callOrThrow('catalogues.current', {});
      const content = <K extends 'tests' | 'egfr'>(key: K) =>
        catalogues.find((c) => c.catalogue === key)?.content as CatalogueContent[K];
      return { tests: content('tests'), egfr: content('egfr') };
    },
  });
}
