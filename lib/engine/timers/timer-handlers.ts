/**
 * Timers whose purpose belongs to a layer above the engine (approval reminders, escalation,
 * expiry): that layer registers what a fired timer of its purpose does. The handler runs in
 * the transaction that claimed the timer (compare-and-set), so it runs once.
 */
import type { Tx } from '../../db/client';

export interface FiredTimer {
  id: string;
  key: string;
  executionId: string;
  frameId: string | null;
  purpose: string;
  dueAt: Date;
  taskTokenId: string | null;
  approvalTaskId: string | null;
}

export type TimerHandler = (tx: Tx, timer: FiredTimer) => Promise<void>;

const holder = globalThis as unknown as { signoffTimerHandlers?: Map<string, TimerHandler> };
const handlers = (holder.signoffTimerHandlers ??= new Map<string, TimerHandler>());

/** Makes a fired timer of `purpose` run `handler`. */
export function registerTimerHandler(purpose: string, handler: TimerHandler): void {
  handlers.set(purpose, handler);
}

export function timerHandlerFor(purpose: string): TimerHandler | undefined {
  return handlers.get(purpose);
}
