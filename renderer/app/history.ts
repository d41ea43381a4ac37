/**
 * The address lives in the hash: the bundle is loaded from file:// in Electron and from the clinic
 * server in browsers, and the hash works the same in both without any server-side route. One
 * history for the window, so that the session can send the window home before the router is
 * mounted (sign-in) or after it is gone (sign-out).
 */
import { createHashHistory } from '@tanstack/react-router';

export const appHistory = createHashHistory();

/** The path the window's address holds now: `#/persons/42` → `/persons/42`. */
function windowPath(): string {
  const { hash } = window.location;
  return hash.length > 1 ? hash.slice(1) : '/';
}

/**
 * Brings the history in line with the window's address when that changed without a `popstate`
 * (a script setting `location.hash` in some engines, or a change while no router was mounted):
 * the router always draws the address the window shows.
 */
export function syncWithWindow(): void {
  // A navigation of the history itself reaches the window in a microtask: apply it first, it is
  // the newest address, not a stale one.
  appHistory.flush();
  const path = windowPath();
  // Never blocked (dirty-forms.ts): the window already shows this address, and going home at a
  // session's start or end must happen now, while the router still listens, not after a question.
  if (appHistory.location.href !== path) appHistory.replace(path, undefined, { ignoreBlocker: true });
}
/**
 * A change the browser reported with `popstate` (Back, Forward, and in most engines a new hash) is
 * the router's to handle, from its own `popstate` listener: it may be waiting for the unsaved-work
 * question (dirty-forms.ts), and replacing the address meanwhile would leave the page without an
 * answer. Only a change without `popstate` (some engines, for a hash set by a script) is
 * synchronised here.
 */
let poppedTo: string | null = null;
window.addEventListener('popstate', () => {
  poppedTo = window.location.href;
});
window.addEventListener('hashchange', () => {
  // Not reset here: some engines fire `hashchange` more than once for one traversal.
  if (poppedTo !== window.location.href) syncWithWindow();
});

/** Home, for a new session or after one ends: never the previous user's last screen. */
export function goHome(): void {
  // Synchronous on purpose: the address is home before anything else runs (the history's own
  // push would only reach the window in a microtask).
  appHistory.flush();
  if (windowPath() !== '/') window.location.hash = '/';
  syncWithWindow();
}
