/**
 * The typed router (TanStack Router, code-based, hash history). Mounted only inside a signed-in,
 * unlocked session (see Root.tsx): the set-up wizard, login, password change and lock screen come
 * before any route.
 */
import { createRouter, RouterProvider } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { appHistory, syncWithWindow } from './history';
import { routeTree } from './routes';
import type { RendererSession } from './session';

export const router = createRouter({
  routeTree,
  history: appHistory,
  // Filled by <AppRouter> before the first load.
  context: { session: undefined as unknown as RendererSession },
  // Screens read their data through TanStack Query; the router loads nothing itself.
  defaultPreload: false,
  scrollRestoration: false,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}

let mountedBefore = false;

export function AppRouter({ session }: { session: RendererSession }) {
  // Before the router's first render reads it: the address may have changed while it was not
  // mounted (sign-in, unlock, a test setting the address).
  useState(syncWithWindow);
  useEffect(() => {
    // The router outlives a session (it is a module singleton): mounted again for the next
    // session, it still holds the previous one's matches (a screen, or a landing decided for the
    // previous user). Load the address the window shows now, for this user. The first mount is
    // loaded by the router itself.
    if (mountedBefore) void router.load();
    mountedBefore = true;
  }, []);
  const user = session.state.user;
  const previousUser = useRef(user);
  useEffect(() => {
    // Roles or permissions read afresh (unlock, settings): the gate runs again on this screen.
    if (previousUser.current === user) return;
    previousUser.current = user;
    void router.invalidate();
  }, [user]);
  return <RouterProvider router={router} context={{ session }} />;
}
