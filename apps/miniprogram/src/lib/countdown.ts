// The SMS resend timer: after a code is sent the button waits 60 s, counting down on screen.
import { useEffect, useState } from 'react';

export const RESEND_SECONDS = 60;

/** Seconds left until `until` (epoch ms), never negative. */
export function secondsLeft(until: number, now: number = Date.now()): number {
  return Math.max(0, Math.ceil((until - now) / 1000));
}

export function useCountdown(): { left: number; start: (seconds?: number) => void } {
  const [until, setUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until <= Date.now()) return;
    const t = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(t);
  }, [until]);
  return {
    left: secondsLeft(until, now),
    start: (seconds = RESEND_SECONDS) => {
      setNow(Date.now());
      setUntil(Date.now() + seconds * 1000);
    },
  };
}
