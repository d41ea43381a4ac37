/**
 * Cache keys of the set-up state. `setup.status` holds nothing personal and is the one answer kept
 * across sessions (renderer/api/query-client.ts names it by this first element).
 */
export const setupKeys = {
  status: ['setup.status'] as const,
};
