/**
 * The consultation screen, under the person it belongs to: `#/persons/<id>/consultation?visitId=`.
 * Open to the readers of the doctor's or the specialists' notes; the form is the one their roles
 * may write.
 */
import { createRoute } from '@tanstack/react-router';
import { z } from 'zod';
import { rootRoute } from '../../app/root-route';
import { ConsultationPage } from './ConsultationPage';

const consultationSearch = z.object({
  visitId: z.string().min(1).optional().catch(undefined),
  /** Opened from the PrEP tab: the episode a new prescription renews. */
  prepEpisodeId: z.string().min(1).optional().catch(undefined),
});

const consultationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'persons/$id/consultation',
  staticData: {
    access: { permission: null, section: 'medical', otherwise: { permission: null, section: 'specialist' } },
  },
  validateSearch: consultationSearch,
  component: ConsultationScreen,
});

function ConsultationScreen() {
  const { id } = consultationRoute.useParams();
  const { visitId, prepEpisodeId } = consultationRoute.useSearch();
  return (
    <ConsultationPage
      key={`${id}/${visitId ?? ''}`}
      personId={id}
      visitId={visitId ?? null}
      prepEpisodeId={prepEpisodeId ?? null}
    />
  );
}

export const consultationsRoutes = [consultationRoute] as const;
