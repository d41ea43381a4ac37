import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/contract';
import { callOrThrow } from '../../api/client';
import { useLongTask } from '../../app/long-task';
import { usersKeys } from '../users/query-keys';
import { auditKeys } from './query-keys';

export type AuditListParams = ChannelInput<'audit.list'>;

export function useAuditList(params: AuditListParams) {
  return useQuery({
    queryKey: auditKeys.list(params),
    queryFn: () => callOrThrow('audit.list', params),
    placeholderData: keepPreviousData,
    // The log grows with every action, including reading it: always ask again.
    staleTime: 0,
  });
}

/** The hours of the last week in which someone opened more dossiers than the centre allows. */
export function useUnusualReading() {
  return useQuery({
    queryKey: auditKeys.unusual,
    queryFn: () => callOrThrow('audit.unusualReading', { days: 7 }),
    staleTime: 0,
  });
}

/**
 * Reads the whole chain (seconds on a large log, in the core's long-read worker): a long task,
 * cancellable since it writes nothing. Nothing cached changes, so there is nothing to invalidate.
 */
export function useVerifyAudit() {
  return useLongTask(() => callOrThrow('audit.verify', {}));
}

const ACTORS: ChannelInput<'users.list'> = { page: 1, pageSize: 200, includeInactive: true };

/** Everyone who may appear in the log, for the user filter (deactivated accounts included). */
export function useAuditActors() {
  return useQuery({ queryKey: usersKeys.list(ACTORS), queryFn: () => callOrThrow('users.list', ACTORS) });
}
