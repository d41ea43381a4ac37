/**
 * Home: where a signed-in user lands. Not a capability, so its route module lives with the shell.
 * Each role lands on the screen of its work: the roles of the pathway on the board (carers see
 * their own queue first, see BoardPage), coordination on the day's overview. The bare welcome page
 * remains only for an account that has neither.
 */
import { createRoute, redirect } from '@tanstack/react-router';
import { sectionAccess } from '../../shared/domain/access-policy';
import type { Permission, Role } from '../../shared/domain/roles';
import { DayOverviewPage } from '../features/visits/CoordinationSummary';
import { HomePage } from './HomePage';
import { HomeIcon } from './icons';
import { rootRoute } from './root-route';
import { SIGNED_IN } from './route-access';
import { useSession } from './session';

/** The screen a user starts on, or null for the welcome page. */
export function landingOf(user: {
  roles: readonly Role[];
  permissions: readonly Permission[];
}): string | null {
  if (sectionAccess(user.roles, 'pathway') !== 'none') return '/board';
  if (user.permissions.includes('reports.read')) return '/overview';
  return null;
}

function HomeScreen() {
  const session = useSession();
  return session ? <HomePage session={session} /> : null;
}

const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  staticData: { access: SIGNED_IN },
  beforeLoad: ({ context }) => {
    const landing = landingOf(context.session.state.user);
    if (landing) throw redirect({ to: landing, replace: true });
  },
  component: HomeScreen,
});

/** Coordination's landing: the board and today's agenda as counts (no person). */
const overviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'overview',
  staticData: {
    access: { permission: 'reports.read' },
    nav: { labelKey: 'nav.overview', icon: HomeIcon, order: 5 },
  },
  component: DayOverviewPage,
});

/** The hand-made router's address of home: kept so an old link still lands somewhere sensible. */
const legacyHomeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'home',
  staticData: { access: SIGNED_IN },
  beforeLoad: () => {
    throw redirect({ to: '/', replace: true });
  },
});

export const homeRoutes = [homeRoute, overviewRoute, legacyHomeRoute] as const;
