/** Cache keys of the team's accounts. */
import type { ChannelInput } from '../../../shared/contract';

export const usersKeys = {
  /** Every list of accounts (the team page and the audit log's user filter). */
  lists: ['users', 'list'] as const,
  list: (params: ChannelInput<'users.list'>) => ['users', 'list', params] as const,
  professionals: (siteId: string | null) => ['users', 'professionals', siteId] as const,
};
