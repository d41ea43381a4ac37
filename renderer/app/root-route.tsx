/**
 * The root of the route tree: the shell around every screen, the access check that runs before any
 * screen loads, and the "page not found" screen. Feature routes hang from it (`getParentRoute`).
 */
import { createRootRouteWithContext, redirect } from '@tanstack/react-router';
import { NotFoundPage } from './NotFoundPage';
import { SIGNED_IN, mayOpen } from './route-access';
import type { RendererSession } from './session';
import { Shell } from './Shell';

export interface RouterContext {
  /** The router is only mounted inside a signed-in, unlocked session. */
  session: RendererSession;
}

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  staticData: { access: SIGNED_IN },
  // One gate for every screen, from what each matched route declares: a route cannot be reached
  // by typing its address when the navigation would not offer it. Refused screens go home, as
  // the navigation would have.
  beforeLoad: ({ context, matches }) => {
    const { user } = context.session.state;
    if (matches.some((match) => !mayOpen(match.staticData.access, user))) throw redirect({ to: '/' });
  },
  component: Shell,
  notFoundComponent: NotFoundPage,
});
