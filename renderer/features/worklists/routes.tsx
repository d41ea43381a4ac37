/**
 * "À faire" (`/work`): for the carers whose roles have worklists — the readers of the tests
 * section (community worker, nurse, doctor, specialist), with the sum of their lists as the badge.
 */
import { createRoute } from '@tanstack/react-router';
import { rootRoute } from '../../app/root-route';
import { WorklistNavBadge, WorkPage } from './WorkPage';

function WorkIcon() {
  return (
    <svg
      width={18}
      height={18}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d="M9 11l3 3 8-8" />
      <path d="M20 12v6a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2h9" />
    </svg>
  );
}

const workRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'work',
  staticData: {
    access: { permission: null, section: 'tests' },
    nav: { labelKey: 'worklists.nav', icon: WorkIcon, order: 12, badge: WorklistNavBadge },
  },
  component: WorkPage,
});

export const worklistsRoutes = [workRoute] as const;
