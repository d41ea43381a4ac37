/**
 * A tiny hash router: the bundle is loaded from file:// in Electron and from the clinic server
 * in browsers, and the hash works the same in both without any server-side route.
 */
import { useSyncExternalStore } from 'react';

export const ROUTES = [
  'home',
  'users',
  'audit',
  'centre',
  'board',
  'agenda',
  'directory',
  'persons',
] as const;
export type Route = (typeof ROUTES)[number];

function isRoute(value: string): value is Route {
  return (ROUTES as readonly string[]).includes(value);
}

export function routeFromHash(hash: string): Route {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return isRoute(name) ? name : 'home';
}

export function hrefOf(route: Route): string {
  return `#/${route}`;
}

export function navigate(route: Route): void {
  if (routeFromHash(window.location.hash) !== route) window.location.hash = `/${route}`;
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

function currentRoute(): Route {
  return routeFromHash(window.location.hash);
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, currentRoute, currentRoute);
}
