import { useQuery } from '@tanstack/react-query';
import type { CatalogueView } from '../../../shared/contract/clinical-catalogues';
import type { CatalogueKey } from '../../../shared/domain/clinical-catalogues';
import { callOrThrow } from '../../api/client';
import { useCoreMutation } from '../../api/mutation';
import { catalogueKeys } from './query-keys';

/** Every catalogue as the centre uses it now, by key (the core parsed each with its schema). */
export function useCurrentCatalogues() {
  return useQuery({
    queryKey: catalogueKeys.current,
    queryFn: async () => {
      const { catalogues } = await callOrThrow('catalogues.current', {});
      return Object.fromEntries(catalogues.map((c) => [c.catalogue, c])) as unknown as {
        [K in CatalogueKey]: CatalogueView<K>;
      };
    },
  });
}

export function useCatalogueHistory(
  catalogue: CatalogueKey,
  page: number,
  pageSize: number,
  enabled: boolean,
) {
  return useQuery({
    queryKey: [...catalogueKeys.history(catalogue), page, pageSize],
    queryFn: () => callOrThrow('catalogues.history', { catalogue, page, pageSize }),
    enabled,
  });
}

export function useSaveCatalogue() {
  // Only a save makes the catalogues stale: after a conflict the editor keeps what was typed until
  // the person chooses to reload.
  return useCoreMutation('catalogues.save', { invalidates: () => [catalogueKeys.all] });
}
