/**
 * The one way the renderer writes: `useCoreMutation(channel, { invalidates })`. A mutation names
 * the cached answers it makes stale with the owning features' query-key factories
 * (`renderer/features/<feature>/query-keys.ts`); no feature writes another feature's predicates.
 */
import { useMutation, type QueryKey } from '@tanstack/react-query';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import { callOrThrow } from './client';
import { queryClient } from './query-client';

/** Marks every cached answer under these keys stale (prefix match) and refetches those on screen. */
export async function invalidateKeys(keys: readonly QueryKey[]): Promise<void> {
  await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
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
 * A TanStack mutation over one channel. The returned promises of the invalidations are awaited,
 * so a caller's own `onSuccess` (a navigation, a notification) runs once the screens behind are
 * fresh.
 */
export function useCoreMutation<C extends ChannelName>(channel: C, options: CoreMutationOptions<C> = {}) {
  const { invalidates, invalidatesAlways, onSuccess } = options;
  return useMutation({
    mutationFn: (input: ChannelInput<C>) => callOrThrow(channel, input),
    onSuccess: async (output, input) => {
      onSuccess?.(output, input);
      if (invalidates) await invalidateKeys(invalidates(input, output));
    },
    onSettled: async (_output, _error, input) => {
      if (invalidatesAlways) await invalidateKeys(invalidatesAlways(input));
    },
  });
}
