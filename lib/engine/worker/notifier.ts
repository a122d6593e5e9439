/**
 * Wakes the local worker (and activity long-polls) after a commit, instead of waiting for the
 * next poll; on PostgreSQL also the workers of other processes (the store's NOTIFY, which
 * their LISTEN turns into wakeLocally). Kept on globalThis: Next.js may load this module more
 * than once per process.
 */
import { EventEmitter } from 'node:events';
import { isPostgres } from '../../db/database-url';
import { engineStore } from '../store/store';

const holder = globalThis as unknown as { signoffEngineNotifier?: EventEmitter; signoffEngineWakes?: number };
export const notifier: EventEmitter = (holder.signoffEngineNotifier ??= new EventEmitter().setMaxListeners(
  0,
));

/** Wakes the local worker now, and on PostgreSQL every other process's. */
export function notifyEngine(): void {
  wakeLocally();
  if (isPostgres())
    engineStore()
      .announce()
      .catch(() => {}); // their poll finds the work anyway
}

/** Wakes this process's worker only (what another process's announcement does). */
export function wakeLocally(): void {
  holder.signoffEngineWakes = wakeCount() + 1;
  notifier.emit('wake');
}

/**
 * How many wakes there have been. A worker notes it before a pass and sleeps after an idle pass
 * only if it has not moved: a commit made during the pass, after the pass looked for work,
 * would otherwise wait a whole poll interval.
 */
export function wakeCount(): number {
  return holder.signoffEngineWakes ?? 0;
}

/**
 * Resolves after `ms`, or sooner when notifyEngine() is called. A wake resolves on the next
 * turn of the event loop, never in the same microtask run: with SQLite's synchronous driver a
 * query resolves as a microtask, so a loop woken from microtasks alone would starve timers and I/O.
 */
export function sleepUntilWoken(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      notifier.off('wake', done);
      setImmediate(resolve);
    };
    const timer = setTimeout(done, ms);
    notifier.on('wake', done);
  });
}
