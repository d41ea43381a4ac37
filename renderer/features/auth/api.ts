import { useMutation } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/contract';
import { callOrThrow } from '../../api/client';
import { useCoreMutation } from '../../api/mutation';
import { lockSettled } from '../../app/session';

export function useLogin() {
  return useCoreMutation('auth.login');
}

export function useChangePassword() {
  return useCoreMutation('auth.changePassword');
}

export function useUnlock() {
  return useMutation({
    // Every other call waits while the session is locked (query-client.ts); this one ends the lock.
    networkMode: 'always',
    mutationFn: async (input: ChannelInput<'auth.unlock'>) => {
      await lockSettled();
      return callOrThrow('auth.unlock', input);
    },
  });
}
