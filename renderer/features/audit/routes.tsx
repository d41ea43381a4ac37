/** The audit log and its integrity check. */
import { createRoute } from '@tanstack/react-router';
import { AuditIcon } from '../../app/icons';
import { rootRoute } from '../../app/root-route';
import { AuditPage } from './AuditPage';
import { BreakGlassNavBadge, BreakGlassReviewPage } from './BreakGlassReview';

const auditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'audit',
  staticData: {
    access: { permission: 'audit.read' },
    nav: { labelKey: 'nav.audit', icon: AuditIcon, order: 70 },
  },
  component: AuditPage,
});

/** Break-the-glass review, with the count of grants waiting in the navigation. */
const breakGlassRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'break-glass',
  staticData: {
    access: { permission: 'audit.read' },
    nav: { labelKey: 'audit.breakGlass.nav', icon: AuditIcon, order: 71, badge: BreakGlassNavBadge },
  },
  component: BreakGlassReviewPage,
});

export const auditRoutes = [auditRoute, breakGlassRoute] as const;
