/**
 * One transaction of progress on one execution: claim it (lease compare-and-set, the first
 * write, so the transaction holds SQLite's write lock from the start), load its runnable
 * frames, step them as far as they go without outside work, write everything, and move the
 * execution row on under its version. Returns whether work is left and what to invoke now.
 */
import { executionEndedEvent } from '../../asl';
import type { Tx } from '../../db/client';
import { engineNow } from '../clock';
import { LEASE_MS, MAX_HISTORY_EVENTS, STEP_BUDGET } from '../constants';
import { loadWorkflowVersion } from '../definitions';
import { retryTransaction } from '../tx-retry';
import { abortFrames } from './abort-frames';
import { endExecution } from './end-frame';
import { flushSession } from './flush-session';
import { FRAME_SELECT, frameFromRow } from './live-frame';
import { Session, type ExecutionRow } from './session';
import { stepFrame } from './step-frame';

export interface AdvanceResult {
  claimed: boolean;
  runnable: boolean;
  invocations: string[];
}

const MAX_FRAMES_PER_TX = 200;

export const EXECUTION_SELECT = {
  id: true, name: true, status: true, input: true, version: true, nextEventId: true, startedAt: true,
  redriveCount: true, workflowVersionId: true, mocks: true,
} as const;

export function advanceExecution(executionId: string, workerId: string): Promise<AdvanceResult> {
  return retryTransaction((tx) => advanceInTx(tx, executionId, workerId));
}

/**
 * Advances several executions in one transaction (one commit for the batch). Safe because the
 * first write of each (the lease compare-and-set) happens while this transaction already holds
 * SQLite's only write lock: nobody can move an execution between our read and our write.
 */
export function advanceExecutions(executionIds: string[], workerId: string): Promise<Map<string, AdvanceResult>> {
  return retryTransaction(async (tx) => {
    const results = new Map<string, AdvanceResult>();
    for (const id of executionIds) results.set(id, await advanceInTx(tx, id, workerId));
    return results;
  });
}

async function advanceInTx(tx: Tx, executionId: string, workerId: string): Promise<AdvanceResult> {
  const now = engineNow();
  const { count } = await tx.execution.updateMany({
    where: { id: executionId, status: 'RUNNING', runnable: true, OR: [{ leaseOwner: null }, { leaseOwner: workerId }, { leaseUntil: { lt: now } }] },
    data: { leaseOwner: workerId, leaseUntil: new Date(now.getTime() + LEASE_MS) },
  });
  if (count === 0) return { claimed: false, runnable: false, invocations: [] };
  const execution: ExecutionRow = await tx.execution.findUniqueOrThrow({ where: { id: executionId }, select: EXECUTION_SELECT });
  const session = new Session(tx, execution, await loadWorkflowVersion(tx, execution.workflowVersionId));
  const rows = await tx.executionFrame.findMany({ where: { executionId, status: 'RUNNING' }, take: MAX_FRAMES_PER_TX, select: FRAME_SELECT });
  for (const row of rows) session.adopt(frameFromRow(row));
  await runQueue(session);
  const runnable = !session.ended && (rows.length === MAX_FRAMES_PER_TX || session.queue.some((f) => f.status === 'RUNNING'));
  await flushSession(session, { runnable, leaseOwner: runnable ? undefined : null });
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
  const root = await session.tx.executionFrame.findMany({ where: { executionId: session.execution.id, parentFrameId: null }, select: { id: true } });
  await abortFrames(session, root.map((r) => r.id), true);
  const cause = `The execution reached the maximum number of history events (${MAX_HISTORY_EVENTS}).`;
  session.record(undefined, executionEndedEvent({ status: 'FAILED', error: 'States.Runtime', cause }, session.cursor(undefined), session.env));
  await endExecution(session, { status: 'FAILED', error: 'States.Runtime', cause });
}
