import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/contract';
import { callOrThrow } from '../../api/client';
import { useCoreMutation } from '../../api/mutation';
import { usersKeys } from './query-keys';

export type UsersListParams = ChannelInput<'users.list'>;

export function useUsersList(params: UsersListParams) {
  return useQuery({
    queryKey: usersKeys.list(params),
    queryFn: () => callOrThrow('users.list', params),
    // Keep the current page on screen while the next one loads: the table does not jump.
    placeholderData: keepPreviousData,
  });
}

const accounts = () => [usersKeys.lists];

export function useCreateUser() {
  return useCoreMutation('users.create', { invalidates: accounts });
}

export function useUpdateUser() {
  return useCoreMutation('users.update', { invalidates: accounts });
}

export function useResetPassword() {
  return useCoreMutation('users.resetPassword', { invalidates: accounts });
}

export function useDeactivateUser() {
  return useCoreMutation('users.deactivate', { invalidates: accounts });
}
