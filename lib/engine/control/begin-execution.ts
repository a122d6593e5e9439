/**
 * Starts an execution whose row the service just wrote (RUNNING, input, pinned version):
 * ExecutionStarted, the root frame at StartAt, the execution's TimeoutSeconds as a timer.
 */
import { executionStartedEvent, type JsonValue } from '../../asl';
import type { Tx } from '../../db/client';
import { AppError } from '../../errors';
import { flushSession } from '../advance/flush-session';
import { openSession } from '../advance/open-session';
import { ROLE_ARN } from '../constants';

export async function beginExecution(tx: Tx, { executionId }: { executionId: string }): Promise<void> {
  const session = await openSession(tx, executionId);
  const { execution, pinned } = session;
  if (execution.status !== 'RUNNING' || execution.nextEventId !== 1) {
    throw new AppError('CONFLICT', `Execution ${executionId} has already begun.`, { details: { awsErrorType: 'ExecutionAlreadyExists' } });
  }
  const input = JSON.parse(execution.input) as JsonValue;
  session.record(undefined, executionStartedEvent(input, ROLE_ARN, session.cursor(undefined), session.env));
  const root = session.adopt({
    id: session.newId(), parentFrameId: null, parentState: null, index: 0, status: 'RUNNING',
    stateName: pinned.definition.StartAt, input, variables: {}, lastEventId: session.nextEventId - 1, path: [], isNew: true, dirty: false,
  });
  const seconds = pinned.definition.TimeoutSeconds;
  if (typeof seconds === 'number' && seconds > 0) {
    session.timers.push({ key: `${executionId}:ExecutionTimeout:${execution.redriveCount}`, frameId: root.id, purpose: 'ExecutionTimeout', dueAt: new Date(session.now.getTime() + seconds * 1000) });
  }
  await flushSession(session, { runnable: true });
}
