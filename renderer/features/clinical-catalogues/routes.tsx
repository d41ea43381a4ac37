/** Settings → clinical catalogues (coordinators: `catalogues.edit`). */
import { createRoute } from '@tanstack/react-router';
import { CentreIcon } from '../../app/icons';
import { rootRoute } from '../../app/root-route';
import { CataloguesPage } from './CataloguesPage';

const cataloguesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'centre/catalogues',
  staticData: {
    access: { permission: 'catalogues.edit' },
    nav: { labelKey: 'clinicalCatalogues.nav', icon: CentreIcon, order: 85 },
  },
  component: CataloguesPage,
});

export const clinicalCataloguesRoutes = [cataloguesRoute] as const;
