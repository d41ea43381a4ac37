/** Cache keys of the audit log. */
import type { ChannelInput } from '../../../shared/contract';

export const auditKeys = {
  list: (params: ChannelInput<'audit.list'>) => ['audit', 'list', params] as const,
  unusual: ['audit', 'unusual'] as const,
  /** Everything about break-the-glass review: the list and the navigation's count. */
  breakGlass: ['audit', 'breakGlass'] as const,
  breakGlassList: (params: ChannelInput<'audit.breakGlass'>) =>
    ['audit', 'breakGlass', 'list', params] as const,
  breakGlassCount: ['audit', 'breakGlass', 'count'] as const,
};
