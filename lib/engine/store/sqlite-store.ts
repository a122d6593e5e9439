/**
 * The engine's store on SQLite: a synchronous better-sqlite3 connection to the same file as the
 * Prisma client (lib/db/sqlite.ts). A claim and a write are each one short BEGIN IMMEDIATE
 * transaction that holds the write lock only while no other JavaScript of this process runs:
 * microseconds, where a Prisma interactive transaction costs milliseconds.
 */
import { prepared, sqlite, sqlTime, withWriteLock, type Sqlite } from '../../db/sqlite';
import { LEASE_MS, MAX_FRAMES_PER_TX } from '../constants';
import type { FrameQuery } from '../advance/frame-reader';
import type { FrameRow } from '../advance/live-frame';
import type { ExecutionRow } from '../advance/session';
import {
  byExecution,
  EXECUTION_COLUMNS,
  FRAME_COLUMNS,
  RESUME_PURPOSES,
  TIMER_FIRED,
  type ClaimedBatch,
  type EngineStore,
  type SteppedExecution,
} from './engine-store';

/** The condition on an Execution row that `@owner` may take it at `@now`. */
const CLAIMABLE = `"status" = 'RUNNING' AND "runnable" = 1 AND ("leaseOwner" IS NULL OR "leaseOwner" = @owner OR "leaseUntil" < @now)`;

const CLAIM = `UPDATE "Execution" SET "leaseOwner" = @owner, "leaseUntil" = @leaseUntil
  WHERE "id" IN (SELECT value FROM json_each(@ids)) AND ${CLAIMABLE}
  RETURNING ${EXECUTION_COLUMNS}`;
const RUNNING_FRAMES = `SELECT ${FRAME_COLUMNS} FROM "ExecutionFrame"
  WHERE "executionId" IN (SELECT value FROM json_each(@ids)) AND "status" = 'RUNNING' LIMIT @limit`;
const FIND_CLAIMABLE = `SELECT "id" FROM "Execution" WHERE ${CLAIMABLE} ORDER BY "leaseUntil" ASC LIMIT @limit`;
const DUE_TIMERS = `SELECT "id" FROM "Timer" WHERE "status" = 'PENDING' AND "dueAt" <= @now
  AND "purpose" NOT IN ${RESUME_PURPOSES} ORDER BY "dueAt" ASC LIMIT @limit`;
const DUE_RESUMES = `SELECT "id", "frameId" FROM "Timer" WHERE "status" = 'PENDING' AND "dueAt" <= @now
  AND "purpose" IN ${RESUME_PURPOSES} ORDER BY "dueAt" ASC LIMIT @limit`;
const FIRE = `UPDATE "Timer" SET "status" = 'FIRED', "firedAt" = @now
  WHERE "id" IN (SELECT value FROM json_each(@ids)) AND "status" = 'PENDING'`;
const RESUME_FRAMES = `UPDATE "ExecutionFrame" SET "status" = 'RUNNING', "event" = @event, "updatedAt" = @now
  WHERE "id" IN (SELECT value FROM json_each(@frames)) AND "status" = 'WAITING' RETURNING "executionId"`;
const WAKE = `UPDATE "Execution" SET "runnable" = 1, "version" = "version" + 1
  WHERE "id" IN (SELECT value FROM json_each(@executions)) AND "status" = 'RUNNING'`;
const STALE_INVOCATIONS = `SELECT "id" FROM "TaskToken" WHERE "kind" IN ('invoke', 'invoke-callback') AND "status" = 'PENDING'
  AND ("dispatchedAt" IS NULL OR "dispatchedAt" < @stale) LIMIT @limit`;
const WORKFLOW_VERSION = `SELECT v."definition", w."name" FROM "WorkflowVersion" v JOIN "Workflow" w ON w."id" = v."workflowId" WHERE v."id" = ?`;

/** A session's frame reads (frame-reader.ts): `@parents` null reads the root frames. */
const FRAMES_OF = (parents: string) => `SELECT ${FRAME_COLUMNS} FROM "ExecutionFrame"
  WHERE "executionId" = @execution AND ${parents}
    AND (@statuses IS NULL OR "status" IN (SELECT value FROM json_each(@statuses)))
    AND "id" NOT IN (SELECT value FROM json_each(@skip))
  ORDER BY "index" LIMIT @limit`;
const CHILD_FRAMES = FRAMES_OF(`"parentFrameId" IN (SELECT value FROM json_each(@parents))`);
const ROOT_FRAMES = FRAMES_OF(`"parentFrameId" IS NULL`);
const FRAME = `SELECT ${FRAME_COLUMNS} FROM "ExecutionFrame" WHERE "id" = ? AND "executionId" = ?`;
const PENDING_TOKENS = `SELECT "id" FROM "TaskToken" WHERE "frameId" IN (SELECT value FROM json_each(?)) AND "status" = 'PENDING'`;
const RUNNING_MAP_RUNS = `SELECT "id" FROM "MapRun" WHERE "frameId" IN (SELECT value FROM json_each(?)) AND "status" = 'RUNNING'`;

type RawExecution = Omit<ExecutionRow, 'startedAt'> & { startedAt: string };

export class SqliteStore implements EngineStore {
  constructor(private readonly url: string) {}

  private get connection(): Sqlite {
    return sqlite(this.url);
  }

  claimAndRead(ids: string[], workerId: string, now: Date): Promise<ClaimedBatch> {
    const connection = this.connection;
    return withWriteLock(connection, () => {
      const rows = prepared(connection, CLAIM).all({
        owner: workerId,
        leaseUntil: sqlTime(new Date(now.getTime() + LEASE_MS)),
        now: sqlTime(now),
        ids: JSON.stringify(ids),
      }) as RawExecution[];
      const executions = rows.map((row) => ({ ...row, startedAt: new Date(row.startedAt) }));
      if (executions.length === 0) return { executions, frames: new Map(), truncated: false };
      const limit = MAX_FRAMES_PER_TX * executions.length;
      const frameRows = prepared(connection, RUNNING_FRAMES).all({
        ids: JSON.stringify(executions.map((e) => e.id)),
        limit,
      }) as (FrameRow & { executionId: string })[];
      return { executions, frames: byExecution(frameRows), truncated: frameRows.length === limit };
    });
  }

  write(stepped: SteppedExecution[], now: Date): Promise<Set<string>> {
    const connection = this.connection;
    return withWriteLock(connection, () => {
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
    });
  }

  async findClaimable(workerId: string, now: Date, limit: number): Promise<string[]> {
    const rows = prepared(this.connection, FIND_CLAIMABLE).all({ owner: workerId, now: sqlTime(now), limit });
    return (rows as { id: string }[]).map((r) => r.id);
  }

  async dueTimers(now: Date, limit: number): Promise<string[]> {
    const rows = prepared(this.connection, DUE_TIMERS).all({ now: sqlTime(now), limit });
    return (rows as { id: string }[]).map((r) => r.id);
  }

  fireResumeTimers(now: Date, limit: number): Promise<number> {
    const connection = this.connection;
    return withWriteLock(connection, () => {
      const at = sqlTime(now);
      const due = prepared(connection, DUE_RESUMES).all({ now: at, limit }) as {
        id: string;
        frameId: string;
      }[];
      if (due.length === 0) return 0;
      prepared(connection, FIRE).run({ now: at, ids: JSON.stringify(due.map((t) => t.id)) });
      const resumed = prepared(connection, RESUME_FRAMES).all({
        now: at,
        event: TIMER_FIRED,
        frames: JSON.stringify(due.map((t) => t.frameId)),
      }) as { executionId: string }[];
      prepared(connection, WAKE).run({ executions: JSON.stringify(resumed.map((r) => r.executionId)) });
      return due.length;
    });
  }

  async staleInvocations(stale: Date, limit: number): Promise<string[]> {
    const rows = prepared(this.connection, STALE_INVOCATIONS).all({ stale: sqlTime(stale), limit });
    return (rows as { id: string }[]).map((r) => r.id);
  }

  async workflowVersion(versionId: string) {
    return prepared(this.connection, WORKFLOW_VERSION).get(versionId) as
      { definition: string; name: string } | undefined;
  }

  async frame(executionId: string, id: string): Promise<FrameRow | undefined> {
    return prepared(this.connection, FRAME).get(id, executionId) as FrameRow | undefined;
  }

  async frames(executionId: string, query: FrameQuery): Promise<FrameRow[]> {
    return prepared(this.connection, query.parents === null ? ROOT_FRAMES : CHILD_FRAMES).all({
      execution: executionId,
      parents: JSON.stringify(query.parents ?? []),
      statuses: query.statuses ? JSON.stringify(query.statuses) : null,
      skip: JSON.stringify(query.skip ?? []),
      limit: query.limit ?? -1,
    }) as FrameRow[];
  }

  async pendingTokens(frameIds: string[]): Promise<string[]> {
    return ids(prepared(this.connection, PENDING_TOKENS).all(JSON.stringify(frameIds)));
  }

  async runningMapRuns(frameIds: string[]): Promise<string[]> {
    return ids(prepared(this.connection, RUNNING_MAP_RUNS).all(JSON.stringify(frameIds)));
  }

  async announce(): Promise<void> {}

  async listen(): Promise<() => Promise<void>> {
    return async () => {};
  }
}

const ids = (rows: unknown[]) => (rows as { id: string }[]).map((r) => r.id);
