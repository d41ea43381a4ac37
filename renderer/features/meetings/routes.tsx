/** `/meetings`: the coordination meetings, for the staff who work on case plans. */
import { createRoute } from '@tanstack/react-router';
import { Icon } from '../../app/icons';
import { rootRoute } from '../../app/root-route';
import { MeetingsPage } from './MeetingsPage';

function MeetingsIcon() {
  return (
    <Icon>
      <circle cx="8" cy="8" r="3" />
      <circle cx="16" cy="8" r="3" />
      <path d="M2 20c0-3 3-5 6-5s6 2 6 5M10 20c0-3 3-5 6-5s6 2 6 5" />
    </Icon>
  );
}

const meetingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'meetings',
  staticData: {
    access: { permission: null, section: 'case_plan' },
    nav: { labelKey: 'meetings.nav', icon: MeetingsIcon, order: 47 },
  },
  component: MeetingsPage,
});

export const meetingsRoutes = [meetingsRoute] as const;
