/** Where the consultation screen is: `navigate(consultationLink(personId, visitId))`. */
import { linkOptions } from '@tanstack/react-router';

export function consultationLink(personId: string, visitId?: string | null, prepEpisodeId?: string) {
  return linkOptions({
    to: '/persons/$id/consultation',
    params: { id: personId },
    search: { visitId: visitId ?? undefined, prepEpisodeId },
  });
}
