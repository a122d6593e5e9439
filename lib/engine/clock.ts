/**
 * The engine's clock. Production reads the system time; tests and the conformance runner swap
 * in a clock they move, so durable timers come due without sleeping. Every wait is still a
 * Timer row with an absolute dueAt: the clock only says which rows are due.
 */
let source: () => number = () => Date.now();

/** Now, as the engine sees it. */
export function engineNow(): Date {
  return new Date(source());
}

/** Replaces the clock (pass undefined to restore the system clock). */
export function setEngineClock(now: (() => number) | undefined): void {
  source = now ?? (() => Date.now());
}
