/**
 * Transactions of progress: claim executions (lease compare-and-set), load their runnable
 * frames, step them as far as they go without outside work, write everything, and move each
 * execution row on under its version. Returns whether work is left and what to invoke now.
 *
 * One stepping, two ways to commit it: the direct path (direct-advance.ts) runs every execution
 * whose steps write only the engine's rows (its frames, history, timers, task tokens) through the
 * engine's store; one whose integration writes another service's rows in the same transaction
 * (an approval, a child execution, a Distributed Map run), and any the direct path gives up on,
 * goes through a Prisma transaction here, with the same core and the same BatchWrites statements.
 */
import type { Tx } from '../../db/client';
import { engineNow } from '../clock';
import { LEASE_MS, MAX_FRAMES_PER_TX } from '../constants';
import { loadWorkflowVersion } from '../definitions';
import { retryTransaction, VersionConflict } from '../tx-retry';
import type { AdvanceResult } from './advance-result';
import { BatchWrites } from './batch-writes';
import { advanceDirect } from './direct-advance';
import { FRAME_SELECT, type FrameRow } from './live-frame';
import { runSession } from './run-session';
import { registerDistributedMap } from '../control/register-distributed-map';
import { EXECUTION_SELECT, Session, type ExecutionRow } from './session';

// Every way of advancing comes through here: Distributed Map runs can begin and stop executions.
registerDistributedMap();

export function advanceExecution(executionId: string, workerId: string): Promise<AdvanceResult> {
  return advanceExecutions([executionId], workerId).then(
    (results) => results.get(executionId) as AdvanceResult,
  );
}

/** Advances `executionIds`: directly where it can, in a Prisma transaction where it must. */
export async function advanceExecutions(
  executionIds: string[],
  workerId: string,
): Promise<Map<string, AdvanceResult>> {
  const { results, fallback } = await advanceDirect(executionIds, workerId);
  for (let i = 0; i < fallback.length; i += FALLBACK_CHUNK) {
    const chunk = fallback.slice(i, i + FALLBACK_CHUNK);
    let advanced: Map<string, AdvanceResult>;
    try {
      advanced = await advanceInTransaction(chunk, workerId);
    } catch (error) {
      // One execution of the batch moved another (a Distributed Map's child stopping its
      // siblings): the same batch would conflict every time, so each goes on its own.
      if (!(error instanceof VersionConflict) || chunk.length === 1) throw error;
      advanced = new Map();
      for (const id of chunk)
        for (const entry of await advanceInTransaction([id], workerId)) advanced.set(...entry);
    }
    for (const [id, result] of advanced) results.set(id, result);
  }
  return results;
}

/** Executions per Prisma transaction: each holds SQLite's write lock across awaits, so keep them short. */
const FALLBACK_CHUNK = 20;

/**
 * Advances several executions in one transaction: one lease compare-and-set, one read of the
 * claimed rows and one of their runnable frames for the whole batch, one history insert, and
 * per execution only its frame and version writes. Safe because the transaction holds
 * SQLite's only write lock from its first statement: nobody moves an execution between our
 * read and our write (the version check stays as the guard).
 */
function advanceInTransaction(executionIds: string[], workerId: string): Promise<Map<string, AdvanceResult>> {
  return retryTransaction(
    async (tx) => {
      const results = new Map<string, AdvanceResult>(
        executionIds.map((id) => [id, { claimed: false, runnable: false, invocations: [] }]),
      );
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
        results.set(
          execution.id,
          await advanceClaimed(tx, execution, own, frames.length === frameLimit, batch),
        );
      }
      await batch.apply(tx, engineNow());
      return results;
    },
    { conflictAttempts: executionIds.length === 1 ? undefined : 3 },
  );
}

async function claimBatch(tx: Tx, ids: string[], workerId: string): Promise<ExecutionRow[]> {
  const now = engineNow();
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const { count } = await tx.execution.updateMany({
    where: {
      id: { in: ids },
      status: 'RUNNING',
      runnable: true,
      OR: [{ leaseOwner: null }, { leaseOwner: workerId }, { leaseUntil: { lt: now } }],
    },
    data: { leaseOwner: workerId, leaseUntil },
  });
  if (count === 0) return [];
  return tx.execution.findMany({
    where: { id: { in: ids }, leaseOwner: workerId, leaseUntil },
    select: EXECUTION_SELECT,
  });
}

async function advanceClaimed(
  tx: Tx,
  execution: ExecutionRow,
  rows: FrameRow[],
  truncated: boolean,
  batch: BatchWrites,
): Promise<AdvanceResult> {
  const session = new Session(tx, execution, await loadWorkflowVersion(tx, execution.workflowVersionId));
  return runSession(session, rows, truncated, batch);
}
