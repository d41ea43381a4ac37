/** Home: the screen after sign-in. Not a capability, so its route module lives with the shell. */
import { createRoute, redirect } from '@tanstack/react-router';
import { HomePage } from './HomePage';
import { HomeIcon } from './icons';
import { rootRoute } from './root-route';
import { SIGNED_IN } from './route-access';
import { useSession } from './session';

function HomeScreen() {
  const session = useSession();
  return session ? <HomePage session={session} /> : null;
}

const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  staticData: { access: SIGNED_IN, nav: { labelKey: 'nav.home', icon: HomeIcon, order: 30 } },
  component: HomeScreen,
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

export const homeRoutes = [homeRoute, legacyHomeRoute] as const;
