/**
 * The root of the route tree: the shell around every screen, the access check that runs before any
 * screen loads, and the "page not found" screen. Feature routes hang from it (`getParentRoute`).
 */
import { notifications } from '@mantine/notifications';
import { createRootRouteWithContext, redirect } from '@tanstack/react-router';
import i18n from '../i18n/setup';
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
  // the navigation would have, and say why (never a silent fall back).
  beforeLoad: ({ context, matches }) => {
    const { user } = context.session.state;
    if (matches.some((match) => !mayOpen(match.staticData.access, user))) {
      notifications.show({ id: 'route-refused', color: 'orange', message: i18n.t('nav.refused') });
      throw redirect({ to: '/' });
    }
  },
  component: Shell,
  notFoundComponent: NotFoundPage,
});
