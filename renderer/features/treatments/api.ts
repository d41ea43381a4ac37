import { useCoreMutation } from '../../api/mutation';
import { personChanged } from '../persons/query-keys';

/** Every Test and Treat write changes the panel, the dossier's alerts, the timeline and the visit. */
export function useGiveTreatment() {
  return useCoreMutation('treatments.give', {
    invalidates: (input) => personChanged(input.personId),
    invalidatesAlways: (input) => personChanged(input.personId),
  });
}

export function useCloseToTreat() {
  return useCoreMutation('treatments.close', {
    invalidates: (input) => personChanged(input.personId),
    invalidatesAlways: (input) => personChanged(input.personId),
  });
}

export function useSavePartners() {
  return useCoreMutation('treatments.savePartners', {
    invalidates: (input) => personChanged(input.personId),
    invalidatesAlways: (input) => personChanged(input.personId),
  });
}
