/** Where the interview form is: `navigate(interviewLink(personId, { visitId }))`. */
import { linkOptions } from '@tanstack/react-router';

export function interviewLink(
  personId: string,
  options: { interviewId?: string | null; visitId?: string | null } = {},
) {
  return linkOptions({
    to: '/persons/$id/interview/{-$interviewId}',
    params: { id: personId, interviewId: options.interviewId ?? undefined },
    search: { visit: options.visitId ?? undefined },
  });
}
