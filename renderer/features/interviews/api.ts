import { useMutation } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/contract';
import { callOrThrow } from '../../api/client';
import { refreshPerson } from '../persons/api';

export function useSaveInterview() {
  return useMutation({
    mutationFn: (input: ChannelInput<'interviews.save'>) => callOrThrow('interviews.save', input),
    // The dossier, its alerts and the board (a PEP alert puts the visit first) all change.
    onSuccess: (interview) => refreshPerson(interview.personId),
  });
}
