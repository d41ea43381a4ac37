/**
 * The community interview form, under the person it belongs to:
 * `#/persons/<id>/interview[/<interviewId>][?visit=<visitId>]`.
 */
import { createRoute } from '@tanstack/react-router';
import { z } from 'zod';
import { rootRoute } from '../../app/root-route';
import { InterviewFormPage } from './InterviewFormPage';

const interviewSearch = z.object({ visit: z.string().min(1).optional().catch(undefined) });

const interviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'persons/$id/interview/{-$interviewId}',
  staticData: { access: { permission: null, section: 'interview' } },
  validateSearch: interviewSearch,
  component: InterviewScreen,
});

function InterviewScreen() {
  const { id, interviewId } = interviewRoute.useParams();
  const { visit } = interviewRoute.useSearch();
  return (
    <InterviewFormPage
      key={`${id}/${interviewId ?? 'new'}/${visit ?? ''}`}
      personId={id}
      interviewId={interviewId ?? null}
      visitId={visit ?? null}
    />
  );
}

export const interviewsRoutes = [interviewRoute] as const;
