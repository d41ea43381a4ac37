/**
 * What a route declares about itself, as data on the route (`staticData`): who may open it and,
 * for the screens of the main navigation, its entry. The root route enforces `access` before any
 * screen loads and the shell draws the navigation from the routes that carry `nav`, so a feature
 * adds a screen without editing a central table. The renderer only hides what the core would
 * refuse; the core still checks every call.
 */
import type { ComponentType } from 'react';
import type { TextKey } from '../../shared/i18n/catalogues';
import { sectionAccess } from '../../shared/domain/access-policy';
import type { Permission, Role, Section } from '../../shared/domain/roles';

export interface RouteAccess {
  /** The centre permission the screen needs; `null`: any signed-in user. */
  permission: Permission | null;
  /** A dossier section the user's roles must be able to read (screens of the pathway). */
  section?: Section;
  /**
   * Another way in: the screen opens to whoever meets this instead (the board and the agenda open
   * to coordination as counts, through `reports.read`, without the pathway).
   */
  otherwise?: RouteAccess;
}

export interface NavEntry {
  /** i18next key of the label (checked by the compiler against the catalogues). */
  labelKey: TextKey;
  icon: ComponentType;
  /** Position in the navigation, smallest first. */
  order: number;
  /**
   * Drawn at the end of the entry (a count of things waiting): the component asks the core itself,
   * so it is mounted only for a user who may open the screen.
   */
  badge?: ComponentType;
}

declare module '@tanstack/react-router' {
  interface StaticDataRouteOption {
    /** Required on every route: a new screen cannot forget to say who may open it. */
    access: RouteAccess;
    nav?: NavEntry;
  }
}

/** Any signed-in user. */
export const SIGNED_IN: RouteAccess = { permission: null };

export function mayOpen(
  access: RouteAccess | undefined,
  user: { permissions: readonly Permission[]; roles: readonly Role[] },
): boolean {
  // A route without a declaration (only possible for the router's own internal routes) is closed.
  if (!access) return false;
  const sectionOk = !access.section || sectionAccess(user.roles, access.section) !== 'none';
  const permissionOk = access.permission === null || user.permissions.includes(access.permission);
  if (sectionOk && permissionOk) return true;
  return access.otherwise !== undefined && mayOpen(access.otherwise, user);
}
