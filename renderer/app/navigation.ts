import { sectionAccess } from '../../shared/domain/access-policy';
import type { Permission, Role, Section } from '../../shared/domain/roles';
import type { Route } from './router';

/** Which centre-level permission opens a screen; `null`: every signed-in user. */
export const ROUTE_PERMISSION: Record<Route, Permission | null> = {
  home: null,
  users: 'users.manage',
  audit: 'audit.read',
  centre: 'centre.manage',
  board: null,
  agenda: null,
  directory: null,
  persons: null,
};

/** Screens of the pathway open to the roles that may read a dossier section, not to a permission. */
export const ROUTE_SECTION: Partial<Record<Route, Section>> = {
  board: 'pathway',
  agenda: 'pathway',
};

/** The renderer only hides what the core would refuse; the core still checks every call. */
export function canOpen(
  route: Route,
  permissions: readonly Permission[],
  roles: readonly Role[] = [],
): boolean {
  const section = ROUTE_SECTION[route];
  if (section && sectionAccess(roles, section) === 'none') return false;
  const needed = ROUTE_PERMISSION[route];
  return needed === null || permissions.includes(needed);
}
