/**
 * Progress: claim executions (lease compare-and-set), step their runnable frames as far as
 * they go without outside work, write everything, and move each execution row on under its
 * version (advance-batch.ts). Returns whether work is left and what to invoke now.
 *
 * An execution that lost a race (its version moved while it was stepped) or whose step threw
 * wrote nothing: it is stepped again from its rows, a few times. One whose step keeps throwing
 * comes back with the error, for the worker to fail it (fail-on-engine-error.ts).
 */
import { registerDistributedMap } from '../control/register-distributed-map';
import { advanceBatch } from './advance-batch';
import type { AdvanceResult } from './advance-result';

// Every way of advancing comes through here: Distributed Map runs can begin and stop executions.
registerDistributedMap();

/** Passes over an execution that lost its race each time before the worker is told to come back to it. */
const CONFLICT_PASSES = 5;
/** Passes over an execution whose step throws before its error is handed back. */
const ERROR_PASSES = 3;

export function advanceExecution(executionId: string, workerId: string): Promise<AdvanceResult> {
  return advanceExecutions([executionId], workerId).then(
    (results) => results.get(executionId) as AdvanceResult,
  );
}

export async function advanceExecutions(
  executionIds: string[],
  workerId: string,
): Promise<Map<string, AdvanceResult>> {
  const results = new Map<string, AdvanceResult>();
  const conflictsOf = new Map<string, number>();
  const errorsOf = new Map<string, number>();
  let pending = executionIds;
  while (pending.length > 0) {
    const { results: advanced, conflicts, failures } = await advanceBatch(pending, workerId);
    for (const [id, result] of advanced) results.set(id, result);
    const again: string[] = [];
    for (const id of conflicts) {
      const passes = (conflictsOf.get(id) ?? 0) + 1;
      conflictsOf.set(id, passes);
      // Still racing: the worker's next pass takes it up again.
      if (passes >= CONFLICT_PASSES) results.set(id, { claimed: true, runnable: true, invocations: [] });
      else again.push(id);
    }
    for (const [id, error] of failures) {
      const passes = (errorsOf.get(id) ?? 0) + 1;
      errorsOf.set(id, passes);
      if (passes >= ERROR_PASSES) results.set(id, { claimed: true, runnable: false, invocations: [], error });
      else again.push(id);
    }
    if (failures.size > 0 && again.length > 0)
      await new Promise((resolve) => setTimeout(resolve, 10 * Math.max(...errorsOf.values())));
    pending = again;
  }
  return results;
}
