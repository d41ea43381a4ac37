import { useCoreMutation } from '../../api/mutation';
import { personChanged } from '../persons/query-keys';
import { visitsKeys } from '../visits/query-keys';

export function useSaveConsultation() {
  return useCoreMutation('consultations.save', {
    // The dossier, its tabs and the Tests tab (ordered samples) change.
    invalidates: (input) => personChanged(input.personId),
  });
}

/** Saves and moves the visit: the person's file and the boards change. */
export function useEndConsultation() {
  return useCoreMutation('consultations.end', {
    invalidates: (input) => personChanged(input.personId),
    invalidatesAlways: () => [visitsKeys.boards],
  });
}

export function useSaveSpecialistConsultation() {
  return useCoreMutation('consultations.saveSpecialist', {
    invalidates: (input) => personChanged(input.personId),
  });
}
