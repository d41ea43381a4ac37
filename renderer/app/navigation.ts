import type { Permission } from '../../shared/domain/roles';
import type { Route } from './router';

/** Which centre-level permission opens a screen; `null`: every signed-in user. */
export const ROUTE_PERMISSION: Record<Route, Permission | null> = {
  home: null,
  users: 'users.manage',
  audit: 'audit.read',
  centre: 'centre.manage',
};

/** The renderer only hides what the core would refuse; the core still checks every call. */
export function canOpen(route: Route, permissions: readonly Permission[]): boolean {
  const needed = ROUTE_PERMISSION[route];
  return needed === null || permissions.includes(needed);
}
