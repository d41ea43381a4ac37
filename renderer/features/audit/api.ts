import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/contract';
import { callOrThrow } from '../../api/client';

export type AuditListParams = ChannelInput<'audit.list'>;

export function useAuditList(params: AuditListParams) {
  return useQuery({
    queryKey: ['audit.list', params],
    queryFn: () => callOrThrow('audit.list', params),
    placeholderData: keepPreviousData,
    // The log grows with every action, including reading it: always ask again.
    staleTime: 0,
  });
}

export function useVerifyAudit() {
  return useMutation({ mutationFn: () => callOrThrow('audit.verify', {}) });
}

/** Everyone who may appear in the log, for the user filter (deactivated accounts included). */
export function useAuditActors() {
  return useQuery({
    queryKey: ['users.list', 'audit-actors'],
    queryFn: () => callOrThrow('users.list', { page: 1, pageSize: 200, includeInactive: true }),
  });
}
