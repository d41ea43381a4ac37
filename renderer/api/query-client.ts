import { QueryClient } from '@tanstack/react-query';
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

/** Drops every cached answer that may hold personal data (on lock and logout). */
export function clearPersonalData(): void {
  queryClient.removeQueries({
    predicate: (query) => !KEYS_KEPT_ACROSS_SESSIONS.has(String(query.queryKey[0])),
  });
}
