/** The agenda: open to the roles that may read the pathway section, and to coordination as counts. */
import { createRoute } from '@tanstack/react-router';
import { AgendaIcon } from '../../app/icons';
import { rootRoute } from '../../app/root-route';
import { AgendaPage } from './AgendaPage';

const agendaRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'agenda',
  staticData: {
    access: { permission: null, section: 'pathway', otherwise: { permission: 'reports.read' } },
    nav: { labelKey: 'nav.agenda', icon: AgendaIcon, order: 40 },
  },
  component: AgendaPage,
});

export const appointmentsRoutes = [agendaRoute] as const;
