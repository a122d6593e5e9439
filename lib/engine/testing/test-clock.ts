/** A clock tests move by hand: durable timers come due without sleeping. */
import { setEngineClock } from '../clock';

export function useTestClock(start = Date.parse('2026-01-01T00:00:00Z')) {
  let now = start;
  setEngineClock(() => now);
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
    restore() {
      setEngineClock(undefined);
    },
  };
}
