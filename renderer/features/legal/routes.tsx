/** The legal calendar: for the readers of the legal section (legal, social worker). */
import { createRoute } from '@tanstack/react-router';
import { Icon } from '../../app/icons';
import { rootRoute } from '../../app/root-route';
import { CalendarPage } from './CalendarPage';

function CalendarIcon() {
  return (
    <Icon>
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M3 10h18M8 3v4M16 3v4" />
    </Icon>
  );
}

const calendarRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'legal/calendar',
  staticData: {
    access: { permission: null, section: 'legal' },
    nav: { labelKey: 'legal.calendar.title', icon: CalendarIcon, order: 47 },
  },
  component: CalendarPage,
});

export const legalRoutes = [calendarRoute] as const;
