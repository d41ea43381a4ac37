/** Cache keys of the waiting lists (a person's entries live under the person: see api.ts). */
import type { ChannelInput } from '../../../shared/contract';

export const waitingListsKeys = {
  all: ['waitingLists'] as const,
  worklist: (params: ChannelInput<'waitingLists.worklist'>) => ['waitingLists', 'worklist', params] as const,
  counts: (siteIds: readonly string[] | null) => ['waitingLists', 'counts', siteIds] as const,
  workshops: (params: ChannelInput<'waitingLists.workshops'>) =>
    ['waitingLists', 'workshops', params] as const,
};
