/**
 * The specialists' waiting lists (readers of the referrals section) and the collective workshops
 * (every signed-in user sees them; the coordination edits them).
 */
import { createRoute } from '@tanstack/react-router';
import { Icon } from '../../app/icons';
import { rootRoute } from '../../app/root-route';
import { WaitingListPage } from './WaitingListPage';
import { WorkshopsPage } from './WorkshopsPage';

function WaitingListIcon() {
  return (
    <Icon>
      <path d="M9 6h11M9 12h11M9 18h11" />
      <circle cx="4" cy="6" r="1" />
      <circle cx="4" cy="12" r="1" />
      <circle cx="4" cy="18" r="1" />
    </Icon>
  );
}

const waitingListsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'waiting-lists',
  staticData: {
    access: { permission: null, section: 'referrals' },
    nav: { labelKey: 'waitingLists.title', icon: WaitingListIcon, order: 45 },
  },
  component: WaitingListPage,
});

const workshopsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'workshops',
  staticData: {
    access: { permission: null },
    nav: { labelKey: 'waitingLists.workshops.title', icon: WaitingListIcon, order: 46 },
  },
  component: WorkshopsPage,
});

export const waitingListsRoutes = [waitingListsRoute, workshopsRoute] as const;
