/**
 * After a `throttled` refusal: how many seconds are left before the next try, ticking down, so
 * the screen can say so and keep the button disabled rather than invite a refused attempt.
 */
import { useCallback, useEffect, useState } from 'react';

export function useRetryCountdown(): { secondsLeft: number; waitFor: (seconds: number) => void } {
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (retryAt === null) return;
    const timer = window.setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= retryAt) setRetryAt(null);
    }, 250);
    return () => window.clearInterval(timer);
  }, [retryAt]);

  const waitFor = useCallback((seconds: number) => {
    const current = Date.now();
    setNow(current);
    setRetryAt(seconds > 0 ? current + seconds * 1000 : null);
  }, []);

  const secondsLeft = retryAt === null ? 0 : Math.max(0, Math.ceil((retryAt - now) / 1000));
  return { secondsLeft, waitFor };
}
