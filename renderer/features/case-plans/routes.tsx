/**
 * `/case-plans/team`: the team view of open actions, for the staff who work on case plans; for
 * coordination (`reports.read`, no plan read) the same screen shows counts only.
 */
import { createRoute } from '@tanstack/react-router';
import { Icon } from '../../app/icons';
import { rootRoute } from '../../app/root-route';
import { TeamActionsPage } from './TeamActionsPage';

function TeamIcon() {
  return (
    <Icon>
      <path d="M4 6h16M4 12h10M4 18h7" />
      <path d="M16 16l2 2 4-4" />
    </Icon>
  );
}

const teamActionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'case-plans/team',
  staticData: {
    access: { permission: null, section: 'case_plan', otherwise: { permission: 'reports.read' } },
    nav: { labelKey: 'casePlans.team.nav', icon: TeamIcon, order: 48 },
  },
  component: TeamActionsPage,
});

export const casePlansRoutes = [teamActionsRoute] as const;
