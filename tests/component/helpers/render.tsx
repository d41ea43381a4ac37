/**
 * Renders the renderer's own <App /> (Mantine theme, date locales, notifications, i18next,
 * TanStack Query, the router) signed in as a member of the test centre, at an address of the
 * router, e.g. `/persons/new`. Screens are then found by role and label as a person would, so
 * the tests hold whatever component a screen is built from.
 */
import { act, cleanup, render, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach } from 'vitest';
import { call } from '../../../renderer/api/client';
import { queryClient } from '../../../renderer/api/query-client';
import { App } from '../../../renderer/app/App';
import { appHistory } from '../../../renderer/app/history';
import { endSession, startSession } from '../../../renderer/app/session';
import type { Member } from './centre';

afterEach(() => {
  // The renderer's session, cache and address are module state: each test starts signed out.
  // Signed out while still mounted, as the window would be; then unmounted.
  act(() => endSession());
  cleanup();
  queryClient.clear();
});

export interface Rendered extends RenderResult {
  user: ReturnType<typeof userEvent.setup>;
}

/** Signs `member` in through the client (as the login screen does) and shows the app at `at`. */
export async function renderApp(member: Member, at = '/'): Promise<Rendered> {
  const login = await call('auth.login', { username: member.username, password: member.password });
  if (!login.ok) throw new Error(`auth.login refused: ${JSON.stringify(login.error)}`);
  startSession(login.value);
  // No pause between keystrokes: the screens do not debounce on timers the tests would wait for.
  const user = userEvent.setup({ delay: null });
  const view = render(<App />);
  // Through the window's one history once the router listens to it, as a click on a link would
  // go: the router is a module singleton that reads the address itself only on its first mount.
  act(() => appHistory.push(at));
  return { user, ...view };
}
