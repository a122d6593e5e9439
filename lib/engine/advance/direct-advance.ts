/**
 * The direct path: executions advanced through the engine's store (lib/engine/store: SQLite's
 * synchronous connection or a PostgreSQL pool) instead of a Prisma transaction. Three steps:
 *
 * 1. claim and read: the lease compare-and-set (RETURNING the claimed rows) and their runnable
 *    frames;
 * 2. step each execution in memory, holding no lock, with the same code as the Prisma path
 *    (run-session.ts) but a session whose `tx` throws NeedsTransaction when touched;
 * 3. write, in one short transaction: per execution, its row under the version it was read
 *    at, then its frames, history, task tokens and timers. An execution whose version moved
 *    meanwhile (a token completed, a stop) writes nothing.
 *
 * The session reads the rest of its execution's frames (Parallel branches, Map iterations, the
 * root) through the store as well, and deletes frames and cancels timers as writes of the batch.
 * What it cannot do it hands back as `fallback`, for the Prisma transaction to run from the
 * start: steps that write rows other services own (an approval's task, mail and audit, a child
 * execution or its parent's wake-up, a Distributed Map run, the tokens of aborted frames and
 * what their listeners write), an execution whose version moved, or an error. Nothing it stepped is written for those, so nothing is done
 * twice.
 */
import type { Tx } from '../../db/client';
import { engineNow } from '../clock';
import { loadWorkflowVersionWith } from '../definitions';
import { engineStore } from '../store/store';
import type { AdvanceResult } from './advance-result';
import { BatchWrites } from './batch-writes';
import { runSession } from './run-session';
import { Session } from './session';

/** Thrown by the direct path's session when a step reaches for the Prisma transaction. */
class NeedsTransaction extends Error {
  constructor() {
    super('This step needs a Prisma transaction.');
    this.name = 'NeedsTransaction';
  }
}

const NO_TX = new Proxy({} as Tx, {
  get() {
    throw new NeedsTransaction();
  },
});

export interface DirectOutcome {
  /** The executions this path claimed and wrote (or found nothing to claim for). */
  results: Map<string, AdvanceResult>;
  /** Claimed here, to be advanced in a Prisma transaction. */
  fallback: string[];
}

export async function advanceDirect(executionIds: string[], workerId: string): Promise<DirectOutcome> {
  const store = engineStore();
  const results = new Map<string, AdvanceResult>(
    executionIds.map((id) => [id, { claimed: false, runnable: false, invocations: [] }]),
  );
  const fallback: string[] = [];
  const { executions, frames, truncated } = await store.claimAndRead(executionIds, workerId, engineNow());
  if (executions.length === 0) return { results, fallback };

  const stepped: { id: string; batch: BatchWrites; result: AdvanceResult }[] = [];
  for (const execution of executions) {
    const batch = new BatchWrites();
    try {
      const session = new Session(
        NO_TX,
        execution,
        await loadWorkflowVersionWith(execution.workflowVersionId, (id) => store.workflowVersion(id)),
        store,
      );
      stepped.push({
        id: execution.id,
        batch,
        result: await runSession(session, frames.get(execution.id) ?? [], truncated, batch),
      });
    } catch {
      fallback.push(execution.id); // NeedsTransaction, or an error the Prisma path reports as its own
    }
  }
  if (stepped.length === 0) return { results, fallback };

  const conflicts = await store.write(stepped, engineNow());
  for (const { id, result } of stepped) {
    if (conflicts.has(id)) fallback.push(id);
    else results.set(id, result);
  }
  return { results, fallback };
}
