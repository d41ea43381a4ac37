import { useCoreMutation } from '../../api/mutation';
import { personChanged } from '../persons/query-keys';

export function useSaveInterview() {
  return useCoreMutation('interviews.save', {
    // The dossier, its alerts and the board (a PEP alert puts the visit first) all change.
    invalidates: (_input, interview) => personChanged(interview.personId),
  });
}
