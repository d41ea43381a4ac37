import { onlineManager, QueryClient } from '@tanstack/react-query';
import { ApiFailure } from './client';

/** Query keys of data that holds nothing personal and may survive a lock or a logout. */
const KEYS_KEPT_ACROSS_SESSIONS = new Set<string>(['setup.status']);

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refetch on focus could replace a screen someone is reading (the recovery code, a form):
      // data refreshes after writes and on explicit reloads instead.
      refetchOnWindowFocus: false,
      staleTime: 30_000,
      // Only an unreachable core is worth a retry; a refusal from the core will not change.
      retry: (failures, err) =>
        failures < 2 && err instanceof ApiFailure && err.error.details?.reason === 'network',
    },
    mutations: { retry: false },
  },
});

const isPersonal = (query: { queryKey: readonly unknown[] }) =>
  !KEYS_KEPT_ACROSS_SESSIONS.has(String(query.queryKey[0]));

/** Drops every cached answer that may hold personal data (on sign-out). */
export function clearPersonalData(): void {
  queryClient.removeQueries({ predicate: isPersonal });
}

/**
 * On lock: drops the answers no screen shows. The screen kept behind the lock (hidden, inert)
 * keeps its own, so the same user finds it as they left it; a sign-out drops them all.
 */
export function keepOnlyShownData(): void {
  queryClient.removeQueries({ type: 'inactive', predicate: isPersonal });
}

// While the session is locked nothing is fetched: a poll or a refetch would only meet the core's
// refusal and turn the screen kept behind the lock into an error. TanStack Query's own pause is
// its online state (queries wait, then resume and refetch what is stale): the network's state
// and the lock both drive it.
let networkOnline = true;
let fetchingPaused = false;
let reportOnline: ((online: boolean) => void) | null = null;
const applyOnline = () => reportOnline?.(networkOnline && !fetchingPaused);
onlineManager.setEventListener((setOnline) => {
  reportOnline = setOnline;
  if (typeof window === 'undefined') return undefined;
  const online = () => {
    networkOnline = true;
    applyOnline();
  };
  const offline = () => {
    networkOnline = false;
    applyOnline();
  };
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);
  return () => {
    window.removeEventListener('online', online);
    window.removeEventListener('offline', offline);
  };
});

/** Holds every query (and mutation not marked `networkMode: 'always'`) while the session is locked. */
export function pauseFetching(paused: boolean): void {
  fetchingPaused = paused;
  onlineManager.setOnline(networkOnline && !paused);
}
