/**
 * The session as the renderer knows it: who is signed in, whether the session is locked or must
 * change its password. It lives in memory only; the core stays the judge of every call.
 */
import { useSyncExternalStore } from 'react';
import type { SessionState } from '../../shared/contract';
import type { ChannelOutput } from '../../shared/contract';
import { call, currentTransport, onSessionError, setToken } from '../api/client';
import { clearPersonalData, keepOnlyShownData, pauseFetching, queryClient } from '../api/query-client';
import { isLanguage, setLanguage } from '../i18n/setup';
import { discardUnsavedWork } from './dirty-forms';
import { goHome } from './history';
import { rememberWorkstationSite, workstationSite } from './workstation';

export interface RendererSession {
  state: SessionState;
  /** The site this workstation works for now (a user may work on several). */
  currentSiteId: string | null;
  /** Set when the lock came from idleness, to say so on the lock screen. */
  lockedByIdle: boolean;
}

let session: RendererSession | null = null;
const listeners = new Set<() => void>();

function emit(next: RendererSession | null): void {
  session = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getSession(): RendererSession | null {
  return session;
}

export function useSession(): RendererSession | null {
  return useSyncExternalStore(subscribe, getSession, getSession);
}

/**
 * The site this window works for: the one already chosen in this session, else the one this
 * workstation stands in (remembered per browser), else the user's usual site, else their first.
 */
function keepSite(state: SessionState, previous: string | null): string | null {
  const mine = (id: string | null) => id !== null && state.user.sites.some((s) => s.id === id);
  if (mine(previous)) return previous;
  const here = workstationSite();
  if (mine(here)) return here;
  if (mine(state.user.usualSiteId)) return state.user.usualSiteId;
  return state.user.sites[0]?.id ?? null;
}

export function startSession(login: ChannelOutput<'auth.login'>): void {
  const { token, ...state } = login;
  setToken(token);
  if (isLanguage(state.user.locale)) setLanguage(state.user.locale);
  goHome();
  pauseFetching(false);
  emit({ state, currentSiteId: keepSite(state, null), lockedByIdle: false });
}

/** A fresh state from the core (after unlock, password change, settings change). */
export function updateSessionState(state: SessionState): void {
  if (!session) return;
  pauseFetching(state.locked);
  emit({
    ...session,
    state,
    currentSiteId: keepSite(state, session.currentSiteId),
    lockedByIdle: state.locked && session.lockedByIdle,
  });
}

export function chooseSite(siteId: string): void {
  if (!session) return;
  // The workstation remembers where it stands for the next person who signs in here.
  rememberWorkstationSite(siteId);
  emit({ ...session, currentSiteId: siteId });
}

function forgetData(): void {
  void queryClient.cancelQueries();
  clearPersonalData();
}

/**
 * Shows the lock screen at once; the token stays for `auth.unlock`. The screen behind is hidden
 * and inert but kept (typed work survives for the same user); nothing is fetched until the
 * unlock, and cached answers no screen shows are dropped. A sign-out drops the rest.
 */
export function markLocked(byIdle = false): void {
  if (!session || session.state.locked) return;
  pauseFetching(true);
  emit({ ...session, state: { ...session.state, locked: true }, lockedByIdle: byIdle });
  void queryClient.cancelQueries();
  keepOnlyShownData();
}

let pendingLock: Promise<unknown> = Promise.resolve();

/** Locks now: the screen first (nothing stays visible while the core answers), then the core. */
export async function lockSession(byIdle = false): Promise<void> {
  if (!session || session.state.locked) return;
  markLocked(byIdle);
  pendingLock = call('auth.lock', {});
  await pendingLock;
}

/** An unlock must reach the core after the lock it undoes, or the late lock would win. */
export function lockSettled(): Promise<unknown> {
  return pendingLock;
}

/** Back to the login screen, forgetting the token and every cached answer. */
export function endSession(): void {
  // The forms go with the session: nothing asks about them on the way to the login screen.
  discardUnsavedWork();
  setToken(null);
  emit(null);
  forgetData();
  pauseFetching(false);
  goHome();
}

export async function logout(): Promise<void> {
  // The core ends the session; even if it cannot be reached, this window forgets it.
  await call('auth.logout', {});
  endSession();
}

onSessionError((code) => {
  if (!session) return;
  if (code === 'unauthenticated') endSession();
  else if (code === 'locked') markLocked();
  else if (code === 'password_change_required' && !session.state.mustChangePassword) {
    emit({ ...session, state: { ...session.state, mustChangePassword: true } });
  }
});

// Electron locks every session on screen lock and suspend: show the lock screen at once rather
// than at the next call.
currentTransport().onExternalLock(() => markLocked());
