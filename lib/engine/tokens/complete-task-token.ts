/**
 * SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat, the one door for callbacks, approvals
 * and activities. Errors follow AWS's API reference: a token that cannot be one of ours is
 * InvalidToken; a token whose task already ended (succeeded, failed, timed out, cancelled) is
 * TaskTimedOut; a task whose execution is gone is TaskDoesNotExist.
 */
import type { Tx } from '../../db/client';
import { AppError } from '../../errors';
import { engineNow } from '../clock';
import { outcomeEvent } from '../integrations/start-task';
import type { TaskTokenOutcome } from '../types';
import { deliverEvent } from './deliver-event';
import { hashToken } from './hash-token';

const MAX_TOKEN_LENGTH = 2048;
const COMPLETABLE = ['callback', 'activity', 'invoke-callback'];

const fail = (code: 'INVALID_INPUT' | 'LINK_EXPIRED' | 'NOT_FOUND', awsErrorType: string, message: string) =>
  new AppError(code, message, { details: { awsErrorType } });

export async function completeTaskToken(
  tx: Tx,
  args: { token: string; outcome: TaskTokenOutcome },
): Promise<{ executionId: string; stateName: string }> {
  if (typeof args.token !== 'string' || args.token.length === 0 || args.token.length > MAX_TOKEN_LENGTH) {
    throw fail('INVALID_INPUT', 'InvalidToken', 'Invalid Token: the task token is malformed.');
  }
  const token = await tx.taskToken.findUnique({
    where: { tokenHash: hashToken(args.token) },
    include: { execution: { select: { status: true } } },
  });
  if (!token || !COMPLETABLE.includes(token.kind))
    throw fail('INVALID_INPUT', 'InvalidToken', 'Invalid Token: no task has this token.');
  if (token.status !== 'PENDING')
    throw fail(
      'LINK_EXPIRED',
      'TaskTimedOut',
      `Task Timed Out: the task of state '${token.stateName}' already ended (${token.status}).`,
    );
  if (token.execution.status !== 'RUNNING')
    throw fail('NOT_FOUND', 'TaskDoesNotExist', 'Task Does Not Exist: its execution is no longer running.');
  const now = engineNow();
  const result = { executionId: token.executionId, stateName: token.stateName };
  if (args.outcome.type === 'heartbeat') {
    await tx.taskToken.update({ where: { id: token.id }, data: { heartbeatAt: now } });
    if (token.heartbeatSeconds) {
      const dueAt = new Date(now.getTime() + token.heartbeatSeconds * 1000);
      await tx.timer.updateMany({
        where: { taskTokenId: token.id, purpose: 'Heartbeat', status: 'PENDING' },
        data: { dueAt },
      });
    }
    return result;
  }
  const outcome =
    args.outcome.type === 'success'
      ? { output: args.outcome.output }
      : {
          error: args.outcome.error ?? '',
          ...(args.outcome.cause !== undefined ? { cause: args.outcome.cause } : {}),
        };
  await finishToken(tx, token, outcome, now);
  return result;
}

/** Closes a PENDING token with an outcome and resumes its frame; false when it was closed already. */
export async function finishToken(
  tx: Tx,
  token: { id: string; executionId: string; frameId: string },
  outcome: { output: import('../../asl').JsonValue } | { error: string; cause?: string },
  now: Date,
): Promise<boolean> {
  const ok = 'output' in outcome;
  const { count } = await tx.taskToken.updateMany({
    where: { id: token.id, status: 'PENDING' },
    data: ok
      ? { status: 'SUCCEEDED', completedAt: now, output: JSON.stringify(outcome.output) }
      : { status: 'FAILED', completedAt: now, error: outcome.error, cause: outcome.cause ?? null },
  });
  if (count === 0) throw fail('LINK_EXPIRED', 'TaskTimedOut', 'Task Timed Out: the task already ended.');
  // Its timeout and heartbeat, and those other layers hang on it (approval reminders).
  await tx.timer.updateMany({
    where: { taskTokenId: token.id, status: 'PENDING' },
    data: { status: 'CANCELLED' },
  });
  return deliverEvent(tx, {
    executionId: token.executionId,
    frameId: token.frameId,
    event: outcomeEvent(outcome),
  });
}
