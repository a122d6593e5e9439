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
  endExecution(
    session,
    outcome.status === 'SUCCEEDED'
      ? { status: 'SUCCEEDED', output: outcome.output }
      : { status: 'FAILED', error: outcome.error, cause: outcome.cause ?? null },
  );
  if (session.pinned.definition.TimeoutSeconds !== undefined) session.cancelsTimeout = true;
}

/**
 * Marks the execution ended. When the root frame ends by itself nothing can still wait: every
 * child joined, and each timer or token was used or cancelled when its frame resumed. Stop,
 * timeout and the history limit abort the frames first (abortFrames cancels theirs).
 */
export function endExecution(session: Session, ended: NonNullable<Session['ended']>): void {
  session.ended = ended;
}
