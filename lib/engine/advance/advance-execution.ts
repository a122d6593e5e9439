/**
 * Transactions of progress: claim executions (lease compare-and-set), load their runnable
 * frames, step them as far as they go without outside work, write everything, and move each
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
import { BatchWrites } from './batch-writes';
import { flushSession } from './flush-session';
import { FRAME_SELECT, frameFromRow, type FrameRow } from './live-frame';
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
  return advanceExecutions([executionId], workerId).then((results) => results.get(executionId) as AdvanceResult);
}

/**
 * Advances several executions in one transaction: one lease compare-and-set, one read of the
 * claimed rows and one of their runnable frames for the whole batch, one history insert, and
 * per execution only its frame and version writes. Safe because the transaction holds
 * SQLite's only write lock from its first statement: nobody moves an execution between our
 * read and our write (the version check stays as the guard).
 */
export function advanceExecutions(executionIds: string[], workerId: string): Promise<Map<string, AdvanceResult>> {
  return retryTransaction(async (tx) => {
    const results = new Map<string, AdvanceResult>(executionIds.map((id) => [id, { claimed: false, runnable: false, invocations: [] }]));
    const claimed = await claimBatch(tx, executionIds, workerId);
    if (claimed.length === 0) return results;
    const frameLimit = MAX_FRAMES_PER_TX * claimed.length;
    const frames = await tx.executionFrame.findMany({
      where: { executionId: { in: claimed.map((e) => e.id) }, status: 'RUNNING' },
      take: frameLimit,
      select: { ...FRAME_SELECT, executionId: true },
    });
    const batch = new BatchWrites();
    for (const execution of claimed) {
      const own = frames.filter((f) => f.executionId === execution.id);
      results.set(execution.id, await advanceClaimed(tx, execution, own, frames.length === frameLimit, batch));
    }
    await batch.apply(tx, engineNow());
    return results;
  });
}

async function claimBatch(tx: Tx, ids: string[], workerId: string): Promise<ExecutionRow[]> {
  const now = engineNow();
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const { count } = await tx.execution.updateMany({
    where: { id: { in: ids }, status: 'RUNNING', runnable: true, OR: [{ leaseOwner: null }, { leaseOwner: workerId }, { leaseUntil: { lt: now } }] },
    data: { leaseOwner: workerId, leaseUntil },
  });
  if (count === 0) return [];
  return tx.execution.findMany({ where: { id: { in: ids }, leaseOwner: workerId, leaseUntil }, select: EXECUTION_SELECT });
}

async function advanceClaimed(tx: Tx, execution: ExecutionRow, rows: FrameRow[], truncated: boolean, batch: BatchWrites): Promise<AdvanceResult> {
  const session = new Session(tx, execution, await loadWorkflowVersion(tx, execution.workflowVersionId));
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
  const root = await session.tx.executionFrame.findMany({ where: { executionId: session.execution.id, parentFrameId: null }, select: { id: true } });
  await abortFrames(session, root.map((r) => r.id), true);
  const cause = `The execution reached the maximum number of history events (${MAX_HISTORY_EVENTS}).`;
  session.record(undefined, executionEndedEvent({ status: 'FAILED', error: 'States.Runtime', cause }, session.cursor(undefined), session.env));
  endExecution(session, { status: 'FAILED', error: 'States.Runtime', cause });
}
