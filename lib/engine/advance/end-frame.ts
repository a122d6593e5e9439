/**
 * A frame ended: the root ends the execution (ExecutionSucceeded / ExecutionFailed); a child
 * reports to its Parallel/Map parent. A failed frame keeps its state, input and continuation so
 * a redrive can start it again from there.
 */
import { executionEndedEvent, type BranchOutcome } from '../../asl';
import { childEnded } from './branches';
import type { LiveFrame } from './live-frame';
import type { Session } from './session';

export async function endFrame(session: Session, frame: LiveFrame, outcome: BranchOutcome): Promise<void> {
  frame.status = outcome.status;
  frame.dirty = true;
  if (outcome.status === 'SUCCEEDED') {
    frame.output = outcome.output;
    frame.continuation = undefined;
    frame.join = undefined;
  } else {
    frame.error = outcome.error;
    frame.cause = outcome.cause ?? null;
  }
  if (frame.parentFrameId) return childEnded(session, frame);
  session.record(undefined, executionEndedEvent(outcome, session.cursor(frame), session.env));
  await endExecution(session, outcome.status === 'SUCCEEDED'
    ? { status: 'SUCCEEDED', output: outcome.output }
    : { status: 'FAILED', error: outcome.error, cause: outcome.cause ?? null });
}

/** Marks the execution ended and cancels whatever still waits (timers, tokens). */
export async function endExecution(session: Session, ended: NonNullable<Session['ended']>): Promise<void> {
  session.ended = ended;
  const { tx, execution, now } = session;
  await tx.timer.updateMany({ where: { executionId: execution.id, status: 'PENDING' }, data: { status: 'CANCELLED' } });
  await tx.taskToken.updateMany({ where: { executionId: execution.id, status: 'PENDING' }, data: { status: 'CANCELLED', completedAt: now } });
}
