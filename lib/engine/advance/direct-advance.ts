/**
 * The direct path: executions advanced on the engine's synchronous SQLite connection
 * (lib/db/sqlite.ts) instead of a Prisma transaction. Three steps:
 *
 * 1. claim and read, in one short write transaction: the lease compare-and-set (RETURNING the
 *    claimed rows) and their runnable frames;
 * 2. step each execution in memory, holding no lock, with the same code as the Prisma path
 *    (run-session.ts) but a session whose `tx` throws NeedsTransaction when touched;
 * 3. write, in one short write transaction: per execution, its row under the version it was
 *    read at, then its frames, history and timers. An execution whose version moved meanwhile
 *    (a token completed, a stop) writes nothing.
 *
 * What it cannot do it hands back as `fallback`, for the Prisma transaction to run from the
 * start: steps that need other rows (a Task's token, Parallel and Map children, an execution
 * timeout to cancel, the history limit), an execution whose version moved, or an error.
 * Nothing it stepped is written for those, so nothing is done twice.
 */
import type { Tx } from '../../db/client';
import { prepared, sqlite, sqlTime, withWriteLock, type Sqlite } from '../../db/sqlite';
import { engineNow } from '../clock';
import { LEASE_MS, MAX_FRAMES_PER_TX } from '../constants';
import { loadWorkflowVersionSync } from '../definitions';
import { CLAIMABLE } from '../worker/claim-executions';
import type { AdvanceResult } from './advance-result';
import { BatchWrites } from './batch-writes';
import type { FrameRow } from './live-frame';
import { runSession } from './run-session';
import { Session, type ExecutionRow } from './session';

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

const FRAME_COLUMNS = [
  'id',
  'executionId',
  'parentFrameId',
  'parentState',
  'index',
  'status',
  'stateName',
  'stateInput',
  'continuation',
  'event',
  'variables',
  'lastEventId',
  'definitionPath',
  'mapItem',
  'result',
  'error',
  'cause',
]
  .map((c) => `"${c}"`)
  .join(', ');
const EXECUTION_COLUMNS = [
  'id',
  'name',
  'status',
  'input',
  'version',
  'nextEventId',
  'startedAt',
  'redriveCount',
  'workflowVersionId',
  'mocks',
  'parentTaskTokenId',
  'mapRunId',
]
  .map((c) => `"${c}"`)
  .join(', ');

const CLAIM = `UPDATE "Execution" SET "leaseOwner" = @owner, "leaseUntil" = @leaseUntil
  WHERE "id" IN (SELECT value FROM json_each(@ids)) AND ${CLAIMABLE}
  RETURNING ${EXECUTION_COLUMNS}`;
const RUNNING_FRAMES = `SELECT ${FRAME_COLUMNS} FROM "ExecutionFrame"
  WHERE "executionId" IN (SELECT value FROM json_each(@ids)) AND "status" = 'RUNNING' LIMIT @limit`;

type RawExecution = Omit<ExecutionRow, 'startedAt'> & { startedAt: string };
type RawFrame = FrameRow & { executionId: string };

export interface DirectOutcome {
  /** The executions this path claimed and wrote (or found nothing to claim for). */
  results: Map<string, AdvanceResult>;
  /** Claimed here, to be advanced in a Prisma transaction. */
  fallback: string[];
}

export async function advanceDirect(executionIds: string[], workerId: string): Promise<DirectOutcome> {
  const connection = sqlite();
  const results = new Map<string, AdvanceResult>(
    executionIds.map((id) => [id, { claimed: false, runnable: false, invocations: [] }]),
  );
  const fallback: string[] = [];
  const { executions, frames, truncated } = await withWriteLock(connection, () =>
    claimAndRead(connection, executionIds, workerId),
  );
  if (executions.length === 0) return { results, fallback };

  const stepped: { id: string; batch: BatchWrites; result: AdvanceResult }[] = [];
  for (const execution of executions) {
    const batch = new BatchWrites();
    try {
      const session = new Session(
        NO_TX,
        execution,
        loadWorkflowVersionSync(connection, execution.workflowVersionId),
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

  const now = engineNow();
  const conflicts = await withWriteLock(connection, () => write(connection, stepped, now));
  for (const { id, result } of stepped) {
    if (conflicts.has(id)) fallback.push(id);
    else results.set(id, result);
  }
  return { results, fallback };
}

function claimAndRead(connection: Sqlite, ids: string[], workerId: string) {
  const now = engineNow();
  const rows = prepared(connection, CLAIM).all({
    owner: workerId,
    leaseUntil: sqlTime(new Date(now.getTime() + LEASE_MS)),
    now: sqlTime(now),
    ids: JSON.stringify(ids),
  }) as RawExecution[];
  const executions: ExecutionRow[] = rows.map((row) => ({ ...row, startedAt: new Date(row.startedAt) }));
  const frames = new Map<string, FrameRow[]>();
  let truncated = false;
  if (executions.length > 0) {
    const limit = MAX_FRAMES_PER_TX * executions.length;
    const frameRows = prepared(connection, RUNNING_FRAMES).all({
      ids: JSON.stringify(executions.map((e) => e.id)),
      limit,
    }) as RawFrame[];
    truncated = frameRows.length === limit;
    for (const row of frameRows) {
      const own = frames.get(row.executionId);
      if (own) own.push(row);
      else frames.set(row.executionId, [row]);
    }
  }
  return { executions, frames, truncated };
}

/** Writes each execution whose version still matches; returns those whose version moved. */
function write(connection: Sqlite, stepped: { id: string; batch: BatchWrites }[], now: Date): Set<string> {
  const conflicts = new Set<string>();
  for (const { id, batch } of stepped) {
    const [moveOn, ...rest] = batch.statements(now); // the version-checked execution update comes first
    if (prepared(connection, moveOn.sql).run(...moveOn.params).changes !== moveOn.expect) {
      conflicts.add(id);
      continue;
    }
    for (const statement of rest) prepared(connection, statement.sql).run(...statement.params);
  }
  return conflicts;
}
