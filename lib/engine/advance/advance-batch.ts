/**
 * One pass over a batch of executions, in three steps:
 *
 * 1. claim and read, through the engine's store (lib/engine/store: SQLite's synchronous
 *    connection or a PostgreSQL pool): the lease compare-and-set (RETURNING the claimed rows)
 *    and their runnable frames;
 * 2. step each execution in memory, holding no lock (run-session.ts). The session reads the
 *    rest of its frames through the store, and other rows (people, workflows) through the
 *    shared client with writes refused (read-only-client.ts);
 * 3. write. Per execution: its row under the version it was read at, then its frames, history,
 *    task tokens and timers — for the whole batch in one short transaction of the store. An
 *    execution whose step also writes other services' rows (an approval's task and mail, a
 *    child execution or its parent's wake-up, a map run, what ended tokens' listeners write)
 *    commits in a Prisma transaction instead: the same statements, then those writes, so both
 *    commit together or not at all.
 *
 * An execution whose version moved meanwhile (a token completed, a stop) or whose step threw
 * writes nothing; the caller (advance-execution.ts) steps it again.
 */
import { db } from '../../db/client';
import { engineNow } from '../clock';
import { loadWorkflowVersionWith } from '../definitions';
import { engineStore } from '../store/store';
import { isRetryable, retryTransaction, VersionConflict } from '../tx-retry';
import type { AdvanceResult } from './advance-result';
import { BatchWrites } from './batch-writes';
import { readOnlyClient } from './read-only-client';
import { runSession } from './run-session';
import { Session } from './session';

export interface BatchOutcome {
  /** Every id asked for: claimed and written, or not claimed (another worker holds it, or it has nothing to do). */
  results: Map<string, AdvanceResult>;
  /** Claimed and stepped, but the version moved before the write: nothing of theirs was written. */
  conflicts: string[];
  /** Claimed, but the step or its writes threw: nothing of theirs was written. */
  failures: Map<string, unknown>;
}

interface Stepped {
  id: string;
  batch: BatchWrites;
  result: AdvanceResult;
}

export async function advanceBatch(executionIds: string[], workerId: string): Promise<BatchOutcome> {
  const store = engineStore();
  const outcome: BatchOutcome = {
    results: new Map(executionIds.map((id) => [id, { claimed: false, runnable: false, invocations: [] }])),
    conflicts: [],
    failures: new Map(),
  };
  const { executions, frames, truncated } = await store.claimAndRead(executionIds, workerId, engineNow());
  if (executions.length === 0) return outcome;

  const query = readOnlyClient(db);
  const stepped: Stepped[] = [];
  for (const execution of executions) {
    const batch = new BatchWrites();
    try {
      const pinned = await loadWorkflowVersionWith(execution.workflowVersionId, (id) =>
        store.workflowVersion(id),
      );
      const session = new Session(query, execution, pinned, store);
      const result = await runSession(session, frames.get(execution.id) ?? [], truncated, batch);
      stepped.push({ id: execution.id, batch, result });
    } catch (error) {
      // A read that lost a race (SQLite busy, a serialization failure) is a conflict, not a broken step.
      if (isRetryable(error)) outcome.conflicts.push(execution.id);
      else outcome.failures.set(execution.id, error);
    }
  }

  const engineOnly: Stepped[] = [];
  const withServices: Stepped[] = [];
  for (const s of stepped) (s.batch.serviceWrites.length === 0 ? engineOnly : withServices).push(s);
  const moved = engineOnly.length > 0 ? await store.write(engineOnly, engineNow()) : new Set<string>();
  for (const { id, result } of engineOnly) {
    if (moved.has(id)) outcome.conflicts.push(id);
    else outcome.results.set(id, result);
  }
  await commitWithServices(withServices, outcome);
  return outcome;
}

/**
 * Commits the executions whose steps write other services' rows: all in one Prisma transaction,
 * each execution's statements then its service writes. When that fails, each goes on its own,
 * so one that conflicts or throws (or whose writes move another of the batch: a child's end
 * waking its parent) holds nobody else back.
 */
async function commitWithServices(stepped: Stepped[], outcome: BatchOutcome): Promise<void> {
  if (stepped.length === 0) return;
  if (stepped.length > 1) {
    try {
      // Each execution's rows, then its service writes, in turn: a write that stops a later
      // execution of the batch moves its version, so that one conflicts (and the batch goes one by one).
      await retryTransaction(
        async (tx) => {
          for (const { batch } of stepped) await batch.apply(tx, engineNow());
        },
        { conflictAttempts: 1 },
      );
      for (const { id, result } of stepped) outcome.results.set(id, result);
      return;
    } catch {
      // one at a time below
    }
  }
  for (const { id, batch, result } of stepped) {
    try {
      await retryTransaction((tx) => batch.apply(tx, engineNow()), { conflictAttempts: 1 });
      outcome.results.set(id, result);
    } catch (error) {
      if (error instanceof VersionConflict) outcome.conflicts.push(id);
      else outcome.failures.set(id, error);
    }
  }
}
