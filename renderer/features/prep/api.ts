import { useCoreMutation } from '../../api/mutation';
import { personChanged } from '../persons/query-keys';

/** Every PrEP write changes the tab, the dossier's alerts and the timeline of that person. */
export function useStartPrep() {
  return useCoreMutation('prep.start', { invalidates: (input) => personChanged(input.personId) });
}

export function useRecordPrepFollowUp() {
  return useCoreMutation('prep.followUp', {
    invalidates: (input) => personChanged(input.personId),
    invalidatesAlways: (input) => personChanged(input.personId),
  });
}

export function useStopPrep() {
  return useCoreMutation('prep.stop', {
    invalidates: (input) => personChanged(input.personId),
    invalidatesAlways: (input) => personChanged(input.personId),
  });
}
