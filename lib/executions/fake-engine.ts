/**
 * A stand-in for lib/engine in service tests (vi.mock('../engine', () => import('./fake-engine'))):
 * it does what the services rely on, on the same rows, and nothing else.
 */
import { createHash } from 'node:crypto';
import type { Tx } from '../db/client';
import { AppError } from '../errors';

export type { TaskTokenOutcome } from '../engine';

export const notified = { count: 0 };

export function notifyEngine(): void {
  notified.count += 1;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

async function appendEvent(tx: Tx, executionId: string, type: string, details: object) {
  const execution = await tx.execution.update({ where: { id: executionId }, data: { nextEventId: { increment: 1 } }, select: { nextEventId: true } });
  const seq = execution.nextEventId - 1;
  await tx.historyEvent.create({ data: { executionId, seq, previousEventId: seq - 1, type, details: JSON.stringify(details) } });
}

export async function beginExecution(tx: Tx, { executionId }: { executionId: string }) {
  const { input } = await tx.execution.findUniqueOrThrow({ where: { id: executionId }, select: { input: true } });
  await appendEvent(tx, executionId, 'ExecutionStarted', { executionStartedEventDetails: { input, inputDetails: { truncated: false } } });
}

export async function stopExecution(tx: Tx, { executionId, error, cause }: { executionId: string; error?: string; cause?: string }) {
  const { count } = await tx.execution.updateMany({ where: { id: executionId, status: 'RUNNING' }, data: { status: 'ABORTED', stoppedAt: new Date(), error, cause } });
  if (count === 0) throw new AppError('CONFLICT', 'The execution is not running.', { details: { awsErrorType: 'ExecutionNotRunning' } });
  await appendEvent(tx, executionId, 'ExecutionAborted', { executionAbortedEventDetails: { error, cause } });
}

export async function redriveExecution(tx: Tx, { executionId }: { executionId: string }) {
  const where = { id: executionId, status: { in: ['FAILED', 'TIMED_OUT', 'ABORTED'] } };
  const { count } = await tx.execution.updateMany({ where, data: { status: 'RUNNING', stoppedAt: null, redriveCount: { increment: 1 }, redrivenAt: new Date() } });
  if (count === 0) throw new AppError('CONFLICT', 'The execution cannot be redriven.', { details: { awsErrorType: 'ExecutionNotRedrivable' } });
  await appendEvent(tx, executionId, 'ExecutionRedriven', { executionRedrivenEventDetails: { redriveCount: 1 } });
}

export async function completeTaskToken(tx: Tx, { token, outcome }: { token: string; outcome: { type: string } }) {
  const row = await tx.taskToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row) throw new AppError('INVALID_INPUT', 'Invalid task token.', { details: { awsErrorType: 'InvalidToken' } });
  if (row.status !== 'PENDING') throw new AppError('LINK_EXPIRED', 'Task Timed Out: the task already ended.', { details: { awsErrorType: 'TaskTimedOut' } });
  if (outcome.type !== 'heartbeat') await tx.taskToken.update({ where: { id: row.id }, data: { status: outcome.type === 'success' ? 'SUCCEEDED' : 'FAILED' } });
  return { executionId: row.executionId, stateName: row.stateName };
}

export const activityQueue: { taskToken: string; input: string }[] = [];

export async function getActivityTask(_args: { activityName: string; workerName?: string; waitMs?: number }) {
  return activityQueue.shift() ?? null;
}

export function startEngine() {
  return { stop: async () => {} };
}
