/** The violence feature's writes: each changes the tab, the dossier's alert, the visit and the timeline of that person. */
import { useCoreMutation } from '../../api/mutation';
import { personChanged } from '../persons/query-keys';

export function useSaveIncident() {
  return useCoreMutation('violence.saveIncident', {
    invalidates: (input) => personChanged(input.personId),
    invalidatesAlways: (input) => personChanged(input.personId),
  });
}

export function useSaveProtocolStep() {
  return useCoreMutation('violence.saveProtocolStep', {
    invalidates: (input) => personChanged(input.personId),
    invalidatesAlways: (input) => personChanged(input.personId),
  });
}

export function useSaveNarrative() {
  return useCoreMutation('violence.saveNarrative', {
    invalidates: (input) => personChanged(input.personId),
  });
}

export function useSaveCertificate() {
  return useCoreMutation('violence.saveCertificate', {
    invalidates: (input) => personChanged(input.personId),
  });
}

/** Issuing may also record the protocol's certificate step (and close the protocol): the whole person changes. */
export function useIssueCertificate() {
  return useCoreMutation('violence.issueCertificate', {
    invalidates: (input) => personChanged(input.personId),
    invalidatesAlways: (input) => personChanged(input.personId),
  });
}
