/**
 * "À faire" (`/work`): for the carers whose roles have worklists — the readers of the tests
 * section (community worker, nurse, doctor, specialist) and of the legal section (legal, social
 * worker), with the sum of their lists as the badge.
 */
import { createRoute } from '@tanstack/react-router';
import { Icon } from '../../app/icons';
import { rootRoute } from '../../app/root-route';
import { WorklistNavBadge, WorkPage } from './WorkPage';

function WorkIcon() {
  return (
    <Icon>
      <path d="M9 11l3 3 8-8" />
      <path d="M20 12v6a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2h9" />
    </Icon>
  );
}

const workRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'work',
  staticData: {
    // The social and legal team reads no tests: its panels (hearings this week) open it too.
    access: { permission: null, section: 'tests', otherwise: { permission: null, section: 'legal' } },
    nav: { labelKey: 'worklists.nav', icon: WorkIcon, order: 12, badge: WorklistNavBadge },
  },
  component: WorkPage,
});

export const worklistsRoutes = [workRoute] as const;
