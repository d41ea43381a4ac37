/** The partner directory: every signed-in user may look a partner up. */
import { createRoute } from '@tanstack/react-router';
import { DirectoryIcon } from '../../app/icons';
import { rootRoute } from '../../app/root-route';
import { DirectoryPage } from './DirectoryPage';

const directoryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'directory',
  staticData: {
    access: { permission: null },
    nav: { labelKey: 'nav.directory', icon: DirectoryIcon, order: 50 },
  },
  component: DirectoryPage,
});

export const directoryRoutes = [directoryRoute] as const;
