/** The team (accounts, roles, sites): coordinators only. */
import { createRoute } from '@tanstack/react-router';
import { TeamIcon } from '../../app/icons';
import { rootRoute } from '../../app/root-route';
import { StaffPage } from './StaffPage';

const usersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'users',
  staticData: {
    access: { permission: 'users.manage' },
    nav: { labelKey: 'nav.users', icon: TeamIcon, order: 60 },
  },
  component: StaffPage,
});

export const usersRoutes = [usersRoute] as const;
