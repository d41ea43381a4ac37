import { useMutation } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/contract';
import { callOrThrow } from '../../api/client';
import { lockSettled } from '../../app/session';

export function useLogin() {
  return useMutation({ mutationFn: (input: ChannelInput<'auth.login'>) => callOrThrow('auth.login', input) });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: ChannelInput<'auth.changePassword'>) => callOrThrow('auth.changePassword', input),
  });
}

export function useUnlock() {
  return useMutation({
    mutationFn: async (input: ChannelInput<'auth.unlock'>) => {
      await lockSettled();
      return callOrThrow('auth.unlock', input);
    },
  });
}
