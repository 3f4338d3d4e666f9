import { useEffect } from 'react';

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Calls onIdle once after `minutes` without keyboard, pointer or wheel input. Any input
 * restarts the clock. The timer checks often rather than waiting once, so that a machine that
 * slept past the deadline locks as soon as it wakes.
 */
export function useIdleLock(minutes: number, onIdle: () => void): void {
  useEffect(() => {
    let last = Date.now();
    let fired = false;
    const touch = (): void => {
      last = Date.now();
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, touch, { passive: true });
    const timer = window.setInterval(() => {
      if (!fired && Date.now() - last >= minutes * 60_000) {
        fired = true;
        onIdle();
      }
    }, 1000);
    return () => {
      window.clearInterval(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, touch);
    };
  }, [minutes, onIdle]);
}
