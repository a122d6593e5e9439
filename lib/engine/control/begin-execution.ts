/**
 * Starts an execution whose row the service just wrote (RUNNING, input, pinned version):
 * ExecutionStarted, the root frame at StartAt, the execution's TimeoutSeconds as a timer.
 */
import { executionStartedEvent, type JsonValue } from '../../asl';
import type { Tx } from '../../db/client';
import { AppError } from '../../errors';
import { flushSession } from '../advance/flush-session';
import { openSession } from '../advance/open-session';
import { Session, type ExecutionRow } from '../advance/session';
import { ROLE_ARN } from '../constants';
import { definitionAt, loadWorkflowVersion, type DefinitionPath } from '../definitions';

export async function beginExecution(
  tx: Tx,
  /** the row just written (EXECUTION_SELECT's columns), or its id to read it by */
  written: ExecutionRow | { executionId: string },
  /** a Distributed Map child: its item processor */
  path: DefinitionPath = [],
): Promise<void> {
  const session =
    'executionId' in written
      ? await openSession(tx, written.executionId)
      : new Session(tx, written, await loadWorkflowVersion(tx, written.workflowVersionId));
  const { execution, pinned } = session;
  if (execution.status !== 'RUNNING' || execution.nextEventId !== 1) {
    throw new AppError('CONFLICT', `Execution ${execution.id} has already begun.`, {
      details: { awsErrorType: 'ExecutionAlreadyExists' },
    });
  }
  const input = JSON.parse(execution.input) as JsonValue;
  session.record(undefined, executionStartedEvent(input, ROLE_ARN, session.cursor(undefined), session.env));
  const root = session.adopt({
    id: session.newId(),
    parentFrameId: null,
    parentState: null,
    index: 0,
    status: 'RUNNING',
    stateName: definitionAt(pinned, path).StartAt,
    input,
    variables: {},
    lastEventId: session.nextEventId - 1,
    path,
    isNew: true,
    dirty: false,
  });
  if (path.length === 0) armExecutionTimeout(session, root.id, execution.redriveCount);
  await flushSession(session, { runnable: true });
}

/**
 * The definition's TimeoutSeconds as a timer on the root frame, counted from now: at the start,
 * and again at each redrive (a timed-out execution redriven with its old deadline would time
 * out at once). One key per attempt, so a redrive never collides with the timer it replaces.
 */
export function armExecutionTimeout(session: Session, rootFrameId: string, attempt: number): void {
  const seconds = session.pinned.definition.TimeoutSeconds;
  if (typeof seconds !== 'number' || seconds <= 0) return;
  const dueAt = new Date(session.now.getTime() + seconds * 1000);
  session.timers.push({
    key: `${session.execution.id}:ExecutionTimeout:${attempt}`,
    frameId: rootFrameId,
    purpose: 'ExecutionTimeout',
    dueAt,
  });
}
