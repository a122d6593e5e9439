/**
 * The durable runtime's public API (lib/engine). Services call these inside their own
 * transaction (`tx` first) and call `notifyEngine()` after the commit; the worker advances
 * executions in transactions of its own.
 */
import type { Tx } from '../db/client';
import type { JsonValue } from '../asl';

export type TaskTokenOutcome =
  | { type: 'success'; output: JsonValue }
  | { type: 'failure'; error?: string; cause?: string }
  | { type: 'heartbeat' };

/** The Execution row exists (RUNNING, input, workflowVersionId): writes ExecutionStarted and the root frame. */
export async function beginExecution(_tx: Tx, _args: { executionId: string }): Promise<void> {
  throw new Error('not implemented yet');
}

/** ABORTED: ExecutionAborted, frames aborted, timers cancelled, tokens CANCELLED. AppError('CONFLICT') unless RUNNING. */
export async function stopExecution(_tx: Tx, _args: { executionId: string; error?: string; cause?: string }): Promise<void> {
  throw new Error('not implemented yet');
}

/** FAILED / TIMED_OUT / ABORTED → RUNNING from the failed state(s). AppError('CONFLICT') otherwise. */
export async function redriveExecution(_tx: Tx, _args: { executionId: string }): Promise<void> {
  throw new Error('not implemented yet');
}

/** SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat. */
export async function completeTaskToken(_tx: Tx, _args: { token: string; outcome: TaskTokenOutcome }): Promise<{ executionId: string; stateName: string }> {
  throw new Error('not implemented yet');
}

/** GetActivityTask: long-polls (default 60 s) and claims one pending task of the activity. */
export async function getActivityTask(_args: { activityName: string; workerName?: string; waitMs?: number }): Promise<{ taskToken: string; input: string } | null> {
  throw new Error('not implemented yet');
}

/** Wakes the local worker now (after a commit that made work). */
export function notifyEngine(): void {}

/** Starts the worker loop of this process (idempotent). */
export function startEngine(_options?: { workerId?: string; pollMs?: number }): { stop(): Promise<void> } {
  return { stop: async () => {} };
}

/** SHA-256 hex of a task token: the only form tokens are stored or looked up in. */
export { hashToken } from './tokens/hash-token';
