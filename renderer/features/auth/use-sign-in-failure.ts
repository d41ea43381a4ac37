/**
 * A refused sign-in or unlock: the failure `AuthFailure` shows, and the countdown before the next
 * try (a refusal and a throttle both say when that is). The password typed is cleared each time.
 */
import { useState } from 'react';
import type { ApiError } from '../../../shared/contract';
import { useRetryCountdown } from '../../app/use-retry-countdown';
import { retryAfterSeconds } from '../../i18n/error-text';

export function useSignInFailure(clearPassword: () => void) {
  const [failure, setFailure] = useState<ApiError | null>(null);
  const { secondsLeft, waitFor } = useRetryCountdown();
  /** `shown` is what the person reads, when it must say less than the core did. */
  function refuse(error: ApiError, shown: ApiError = error) {
    setFailure(shown);
    waitFor(retryAfterSeconds(error) ?? 0);
    clearPassword();
  }
  return { failure, setFailure, secondsLeft, refuse };
}
