/** The meetings feature's reads and write: a saved meeting changes the plans of every person discussed. */
import { useQuery } from '@tanstack/react-query';
import { callOrThrow } from '../../api/client';
import { useCoreMutation } from '../../api/mutation';
import { personChanged } from '../persons/query-keys';

export const meetingsKeys = {
  all: ['meetings'] as const,
  one: (id: string) => ['meetings', 'one', id] as const,
};

export const useSaveMeeting = () =>
  useCoreMutation('meetings.save', {
    invalidates: (input) => [meetingsKeys.all, ...input.cases.flatMap((c) => personChanged(c.personId))],
  });

export function useMeeting(meetingId: string) {
  return useQuery({
    queryKey: meetingsKeys.one(meetingId),
    queryFn: () => callOrThrow('meetings.get', { meetingId }),
  });
}

/** The person's plan beside the decisions (its open actions), as the plan tab reads it. */
export function usePlanOf(personId: string) {
  return useQuery({
    queryKey: ['meetings', 'plan', personId],
    queryFn: () => callOrThrow('casePlans.forPerson', { personId }),
  });
}
