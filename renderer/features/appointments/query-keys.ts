/** Cache keys of the agenda. */
import type { ChannelInput } from '../../../shared/contract';

export const appointmentsKeys = {
  all: ['appointments'] as const,
  lists: ['appointments', 'list'] as const,
  list: (params: ChannelInput<'appointments.list'> | null) => ['appointments', 'list', params] as const,
  reminders: (siteId: string | null, date: string) => ['appointments', 'reminders', siteId, date] as const,
};
