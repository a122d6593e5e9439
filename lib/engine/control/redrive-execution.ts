/**
 * RedriveExecution: a FAILED, TIMED_OUT or ABORTED execution runs again from where it
 * stopped. A frame that failed in a plain state re-enters that state with the same input; one
 * that failed in a Parallel/Map keeps its successful children and re-runs the others
 * (recursively), within MaxConcurrency. ExecutionRedriven is recorded, redriveCount grows, and
 * the definition's TimeoutSeconds starts again from the redrive.
 */
import type { Tx } from '../../db/client';
import { AppError } from '../../errors';
import { startChild } from '../advance/branches';
import { recordExecutionEvent } from '../advance/execution-event';
import { flushSession } from '../advance/flush-session';
import type { LiveFrame } from '../advance/live-frame';
import { openSession } from '../advance/open-session';
import { armExecutionTimeout } from './begin-execution';
import type { Session } from '../advance/session';

const REDRIVABLE = ['FAILED', 'TIMED_OUT', 'ABORTED'];

export async function redriveExecution(tx: Tx, { executionId }: { executionId: string }): Promise<void> {
  const session = await openSession(tx, executionId);
  const { execution } = session;
  if (!REDRIVABLE.includes(execution.status)) {
    throw new AppError(
      'CONFLICT',
      `Execution ${executionId} is ${execution.status}; only FAILED, TIMED_OUT or ABORTED executions can be redriven.`,
      {
        details: { awsErrorType: 'ExecutionNotRedrivable' },
      },
    );
  }
  const [root] = await session.framesUnder(null, undefined, 1);
  if (!root) throw new Error(`Execution ${executionId} has no root frame to redrive.`);
  await redriveFrame(session, root);
  const redriveCount = execution.redriveCount + 1;
  armExecutionTimeout(session, root.id, redriveCount);
  recordExecutionEvent(session, 'ExecutionRedriven', 'executionRedrivenEventDetails', { redriveCount });
  await flushSession(session, { runnable: true });
  await tx.execution.update({
    where: { id: executionId },
    data: {
      status: 'RUNNING',
      redriveCount,
      redrivenAt: session.now,
      output: null,
      error: null,
      cause: null,
      stoppedAt: null,
    },
  });
}

async function redriveFrame(session: Session, frame: LiveFrame): Promise<void> {
  if (frame.status === 'SUCCEEDED') return;
  frame.dirty = true;
  frame.error = null;
  frame.cause = null;
  const book = frame.join;
  if (frame.continuation?.phase === 'branches' && book) {
    const children = await session.framesUnder([frame.id]);
    if (children.length > 0 && children.some((c) => c.status !== 'SUCCEEDED'))
      return redriveChildren(session, frame, children);
  }
  frame.status = 'RUNNING';
  frame.event = undefined;
  frame.continuation = undefined;
}

async function redriveChildren(session: Session, frame: LiveFrame, children: LiveFrame[]): Promise<void> {
  const book = frame.join!;
  frame.status = 'WAITING';
  book.running = 0;
  book.done = children.filter((c) => c.status === 'SUCCEEDED').length;
  for (const child of children) {
    if (child.status === 'SUCCEEDED') continue;
    if (child.continuation?.phase === 'branches' && child.join && child.status !== 'PENDING') {
      await redriveFrame(session, child);
      book.running += 1;
    } else {
      Object.assign(child, {
        status: 'PENDING',
        event: undefined,
        continuation: undefined,
        error: null,
        cause: null,
        dirty: true,
      });
    }
  }
  for (const child of children) {
    if (book.maxConcurrency > 0 && book.running >= book.maxConcurrency) break;
    if (child.status === 'PENDING') startChild(session, frame, child);
  }
}
