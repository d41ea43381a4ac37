/**
 * Idle auto-lock. Activity is remembered as a timestamp and compared with `Date.now()` on a short
 * interval, rather than re-arming one long timer on every event: it costs nothing per mouse move,
 * survives a sleeping machine (the clock jumps, the check sees it) and lets tests fast-forward time.
 */
import { useEffect, useRef } from 'react';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'mousemove', 'wheel', 'touchstart'] as const;
export const IDLE_CHECK_INTERVAL_MS = 5_000;

/** Calls `onIdle` once after `minutes` without activity; `null` turns it off. */
export function useIdleLock(minutes: number | null, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  });

  useEffect(() => {
    if (minutes === null || minutes <= 0) return;
    const limitMs = minutes * 60_000;
    let lastActivity = Date.now();
    let fired = false;
    const markActive = () => {
      lastActivity = Date.now();
    };
    for (const event of ACTIVITY_EVENTS)
      window.addEventListener(event, markActive, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      if (fired || Date.now() - lastActivity < limitMs) return;
      fired = true;
      onIdleRef.current();
    }, IDLE_CHECK_INTERVAL_MS);
    return () => {
      window.clearInterval(timer);
      for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, markActive, { capture: true });
    };
  }, [minutes]);
}
