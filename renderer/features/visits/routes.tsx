/**
 * The reception board: open to the roles that may read the pathway section, and to coordination
 * as counts (no person).
 */
import { createRoute } from '@tanstack/react-router';
import { BoardIcon } from '../../app/icons';
import { rootRoute } from '../../app/root-route';
import { BoardPage } from './BoardPage';

const boardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'board',
  staticData: {
    access: { permission: null, section: 'pathway', otherwise: { permission: 'reports.read' } },
    // Reception first: for the roles of the pathway it is the screen of the day.
    nav: { labelKey: 'nav.board', icon: BoardIcon, order: 10 },
  },
  component: BoardPage,
});

export const visitsRoutes = [boardRoute] as const;
