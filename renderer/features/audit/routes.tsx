/** The audit log and its integrity check. */
import { createRoute } from '@tanstack/react-router';
import { AuditIcon } from '../../app/icons';
import { rootRoute } from '../../app/root-route';
import { AuditPage } from './AuditPage';

const auditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'audit',
  staticData: {
    access: { permission: 'audit.read' },
    nav: { labelKey: 'nav.audit', icon: AuditIcon, order: 70 },
  },
  component: AuditPage,
});

export const auditRoutes = [auditRoute] as const;
