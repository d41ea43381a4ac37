import { useQuery } from '@tanstack/react-query';
import type { CatalogueContent } from '../../../shared/domain/clinical-catalogues';
import { callOrThrow } from '../../api/client';
import { useCoreMutation } from '../../api/mutation';
import { personChanged } from '../persons/query-keys';
import { usersKeys } from '../users/query-keys';

/** Every vaccination write changes the tab, the dossier's alert and the timeline of that person. */
export function useGiveDose() {
  return useCoreMutation('vaccinations.giveDose', {
    invalidates: (input) => personChanged(input.personId),
    invalidatesAlways: (input) => personChanged(input.personId),
  });
}

export function useStopCourse() {
  return useCoreMutation('vaccinations.stopCourse', {
    invalidates: (input) => personChanged(input.personId),
    invalidatesAlways: (input) => personChanged(input.personId),
  });
}

/** The carers who may have given a dose (names and roles only; any signed-in user may ask). */
export function useCarers() {
  return useQuery({
    queryKey: usersKeys.professionals(null),
    queryFn: () => callOrThrow('users.professionals', {}),
  });
}

/** The centre's vaccine schedules (the form's hint: how many doses a new course needs). */
export function useVaccineCatalogue() {
  return useQuery({
    queryKey: ['vaccinations', 'catalogue'] as const,
    queryFn: async () => {
      const { catalogues } = await callOrThrow('catalogues.current', {});
      const vaccines = catalogues.find((c) => c.catalogue === 'vaccines');
      return (vaccines?.content ?? null) as CatalogueContent['vaccines'] | null;
    },
  });
}
