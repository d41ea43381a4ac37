/** The centre's settings and sites. */
import { createRoute } from '@tanstack/react-router';
import { CentreIcon } from '../../app/icons';
import { rootRoute } from '../../app/root-route';
import { CentrePage } from './CentrePage';

const centreRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'centre',
  staticData: {
    access: { permission: 'centre.manage' },
    nav: { labelKey: 'nav.centre', icon: CentreIcon, order: 80 },
  },
  component: CentrePage,
});

export const centreRoutes = [centreRoute] as const;
