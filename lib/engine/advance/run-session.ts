/**
 * The stepping a worker's pass runs (advance-batch.ts): a claimed
 * execution's runnable frames run as far as they go without outside work, up to STEP_BUDGET
 * states, and what changed is left in a BatchWrites.
 */
import { executionEndedEvent } from '../../asl';
import { HISTORY_LIMIT_ERROR, MAX_HISTORY_EVENTS, STEP_BUDGET } from '../constants';
import { abortFrames } from './abort-frames';
import type { AdvanceResult } from './advance-result';
import type { BatchWrites } from './batch-writes';
import { endExecution } from './end-frame';
import { flushSession } from './flush-session';
import { rootFrameIds } from './open-session';
import { frameFromRow, type FrameRow } from './live-frame';
import type { Session } from './session';
import { stepFrame } from './step-frame';

/** Steps a claimed execution's runnable frames as far as they go and leaves its writes in `batch`. */
export async function runSession(
  session: Session,
  rows: FrameRow[],
  truncated: boolean,
  batch: BatchWrites,
): Promise<AdvanceResult> {
  for (const row of rows) session.adopt(frameFromRow(row));
  await runQueue(session);
  const runnable = !session.ended && (truncated || session.queue.some((f) => f.status === 'RUNNING'));
  await flushSession(session, { runnable, leaseOwner: runnable ? undefined : null, batch });
  return { claimed: true, runnable, invocations: session.invocations };
}

async function runQueue(session: Session): Promise<void> {
  let steps = 0;
  while (steps < STEP_BUDGET && !session.ended) {
    const frame = session.queue.shift();
    if (!frame) return;
    if (frame.status !== 'RUNNING') continue;
    steps += await stepFrame(session, frame, STEP_BUDGET - steps);
    if (frame.status === 'RUNNING') session.queue.push(frame);
    if (session.nextEventId - 1 > MAX_HISTORY_EVENTS) return failForHistoryLimit(session);
  }
}

/** AWS's 25,000-event limit: the execution fails with a cause that says so. */
async function failForHistoryLimit(session: Session): Promise<void> {
  await abortFrames(session, await rootFrameIds(session), { kind: 'history-limit' }, true);
  const cause = `The execution reached the maximum number of history events (${MAX_HISTORY_EVENTS}).`;
  session.record(
    undefined,
    executionEndedEvent(
      { status: 'FAILED', error: HISTORY_LIMIT_ERROR, cause },
      session.cursor(undefined),
      session.env,
    ),
  );
  endExecution(session, { status: 'FAILED', error: HISTORY_LIMIT_ERROR, cause });
}
