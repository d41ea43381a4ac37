/**
 * The one way the renderer writes: `useCoreMutation(channel, { invalidates })`. A mutation names
 * the cached answers it makes stale with the owning features' query-key factories
 * (`renderer/features/<feature>/query-keys.ts`); no feature writes another feature's predicates.
 */
import { partialMatchKey, useMutation, type QueryKey } from '@tanstack/react-query';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import { callOrThrow } from './client';
import { queryClient } from './query-client';

/**
 * Marks every cached answer under any of these keys stale (prefix match) and refetches those on
 * screen, in one pass: a query under two of the keys (the board under `visits` and under
 * `visits.board`) is fetched once, not twice in a row.
 */
export function invalidateKeys(keys: readonly QueryKey[]): Promise<void> {
  if (keys.length === 0) return Promise.resolve();
  return queryClient.invalidateQueries({
    predicate: (query) => keys.some((key) => partialMatchKey(query.queryKey, key)),
  });
}

export interface CoreMutationOptions<C extends ChannelName> {
  /** Stale once the core has accepted the write. */
  invalidates?: (input: ChannelInput<C>, output: ChannelOutput<C>) => readonly QueryKey[];
  /**
   * Stale whatever the answer: a refused write (a conflict, a step someone else already took)
   * means the screen shows an old state, so it is read again either way.
   */
  invalidatesAlways?: (input: ChannelInput<C>) => readonly QueryKey[];
  /** Puts the answer in the cache directly (before the invalidation), when it is the new state. */
  onSuccess?: (output: ChannelOutput<C>, input: ChannelInput<C>) => void;
}

/**
 * A TanStack mutation over one channel. The invalidation is awaited, so the mutation stays pending
 * (buttons and keyboard actions disabled) until the screens behind are fresh, and a caller's own
 * `onSuccess` (a navigation, a notification) runs after that.
 */
export function useCoreMutation<C extends ChannelName>(channel: C, options: CoreMutationOptions<C> = {}) {
  const { invalidates, invalidatesAlways, onSuccess } = options;
  return useMutation({
    mutationFn: (input: ChannelInput<C>) => callOrThrow(channel, input),
    onSuccess: (output, input) => onSuccess?.(output, input),
    // One pass over what a success and what any answer make stale.
    onSettled: (output, error, input) =>
      invalidateKeys([
        ...(error === null && invalidates ? invalidates(input, output as ChannelOutput<C>) : []),
        ...(invalidatesAlways ? invalidatesAlways(input) : []),
      ]),
  });
}
