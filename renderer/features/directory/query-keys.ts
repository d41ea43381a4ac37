/** Cache keys of the partner directory. */
import type { ChannelInput } from '../../../shared/contract';

export const directoryKeys = {
  lists: ['directory', 'list'] as const,
  list: (params: ChannelInput<'directory.list'>) => ['directory', 'list', params] as const,
};
