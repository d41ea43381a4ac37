import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/contract';
import { callOrThrow } from '../../api/client';
import { queryClient } from '../../api/query-client';

export type UsersListParams = ChannelInput<'users.list'>;

export const usersKey = ['users.list'] as const;

export function useUsersList(params: UsersListParams) {
  return useQuery({
    queryKey: [...usersKey, params],
    queryFn: () => callOrThrow('users.list', params),
    // Keep the current page on screen while the next one loads: the table does not jump.
    placeholderData: keepPreviousData,
  });
}

function refreshUsers() {
  return queryClient.invalidateQueries({ queryKey: usersKey });
}

export function useCreateUser() {
  return useMutation({
    mutationFn: (input: ChannelInput<'users.create'>) => callOrThrow('users.create', input),
    onSuccess: refreshUsers,
  });
}

export function useUpdateUser() {
  return useMutation({
    mutationFn: (input: ChannelInput<'users.update'>) => callOrThrow('users.update', input),
    onSuccess: refreshUsers,
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (input: ChannelInput<'users.resetPassword'>) => callOrThrow('users.resetPassword', input),
    onSuccess: refreshUsers,
  });
}

export function useDeactivateUser() {
  return useMutation({
    mutationFn: (input: ChannelInput<'users.deactivate'>) => callOrThrow('users.deactivate', input),
    onSuccess: refreshUsers,
  });
}
