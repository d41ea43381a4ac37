/** Cache keys of the audit log. */
import type { ChannelInput } from '../../../shared/contract';

export const auditKeys = {
  list: (params: ChannelInput<'audit.list'>) => ['audit', 'list', params] as const,
  unusual: ['audit', 'unusual'] as const,
};
