/**
 * StopExecution: the execution ends ABORTED. Every frame is aborted, timers cancelled, tokens
 * CANCELLED (a late SendTaskSuccess then gets TaskTimedOut), ExecutionAborted recorded.
 */
import type { Tx } from '../../db/client';
import { AppError } from '../../errors';
import { abortFrames } from '../advance/abort-frames';
import { endExecution } from '../advance/end-frame';
import { errorDetails, recordExecutionEvent } from '../advance/execution-event';
import { flushSession } from '../advance/flush-session';
import { openSession, rootFrameIds } from '../advance/open-session';
import type { Session } from '../advance/session';
import type { TokenEnding } from '../tokens/token-endings';

export async function stopExecution(
  tx: Tx,
  args: { executionId: string; error?: string; cause?: string; /** who stopped it, in words */ by?: string },
): Promise<void> {
  const session = await openSession(tx, args.executionId);
  if (session.execution.status !== 'RUNNING') {
    throw new AppError(
      'CONFLICT',
      `Execution ${args.executionId} is ${session.execution.status}, not RUNNING.`,
      { details: { awsErrorType: 'ExecutionNotRunning' } },
    );
  }
  await endWith(session, {
    status: 'ABORTED',
    type: 'ExecutionAborted',
    key: 'executionAbortedEventDetails',
    error: args.error,
    cause: args.cause,
    ending: { kind: 'stopped', by: args.by, cause: args.cause },
  });
}

interface EndWith {
  status: 'ABORTED' | 'TIMED_OUT';
  /** the history event and its details key */
  type: string;
  key: string;
  error?: string;
  cause?: string;
  /** what the tokens that were waiting hear */
  ending: TokenEnding;
}

/** Aborts every frame and ends the execution with `status` (ABORTED, TIMED_OUT). */
export async function endWith(session: Session, { status, type, key, error, cause, ending }: EndWith) {
  await abortFrames(session, await rootFrameIds(session), ending, true);
  recordExecutionEvent(session, type, key, errorDetails(error, cause));
  endExecution(session, { status, error: error ?? null, cause: cause ?? null });
  await flushSession(session, { runnable: false, leaseOwner: null });
}
