/**
 * The route registry: one line per feature route module. A feature declares its screens, who may
 * open them and its navigation entry in its own `routes.tsx` (see docs/renderer.md); nothing else
 * in the shell lists screens.
 */
import { appointmentsRoutes } from '../features/appointments/routes';
import { auditRoutes } from '../features/audit/routes';
import { centreRoutes } from '../features/centre/routes';
import { clinicalCataloguesRoutes } from '../features/clinical-catalogues/routes';
import { directoryRoutes } from '../features/directory/routes';
import { interviewsRoutes } from '../features/interviews/routes';
import { consultationsRoutes } from '../features/consultations/routes';
import { personsRoutes } from '../features/persons/routes';
import { usersRoutes } from '../features/users/routes';
import { visitsRoutes } from '../features/visits/routes';
import { waitingListsRoutes } from '../features/waiting-lists/routes';
import { labImportRoutes } from '../features/screenings/lab-import-routes';
import { worklistsRoutes } from '../features/worklists/routes';
import { legalRoutes } from '../features/legal/routes';
import { meetingsRoutes } from '../features/meetings/routes';
import { casePlansRoutes } from '../features/case-plans/routes';
import { homeRoutes } from './home-routes';
import { rootRoute } from './root-route';

export const routeTree = rootRoute.addChildren([
  ...homeRoutes,
  ...visitsRoutes,
  ...worklistsRoutes,
  ...personsRoutes,
  ...interviewsRoutes,
  ...consultationsRoutes,
  ...appointmentsRoutes,
  ...directoryRoutes,
  ...waitingListsRoutes,
  ...meetingsRoutes,
  ...casePlansRoutes,
  ...labImportRoutes,
  ...usersRoutes,
  ...auditRoutes,
  ...centreRoutes,
  ...clinicalCataloguesRoutes,
  ...legalRoutes,
]);
