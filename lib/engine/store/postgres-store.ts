/**
 * The engine's store on PostgreSQL: its own `pg` pool (lib/db/postgres.ts), named prepared
 * statements, one multi-row statement per kind of row (BatchWrites' unnest form).
 *
 * - Claims lock with FOR UPDATE SKIP LOCKED: several workers take disjoint executions from one
 *   queue instead of waiting on each other's rows; `findClaimable` leases what it finds at once.
 * - A write is one transaction: one version-checked UPDATE of every execution row (RETURNING
 *   the ids that matched), then the rows of those executions only.
 * - `announce` is a NOTIFY on the channel every process LISTENs on, sent once per turn of the
 *   event loop however many commits asked for it.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { pgPool } from '../../db/postgres';
import { sqlTime } from '../../db/sqlite';
import { BatchWrites } from '../advance/batch-writes';
import type { FrameQuery } from '../advance/frame-reader';
import type { FrameRow } from '../advance/live-frame';
import type { ExecutionRow } from '../advance/session';
import { LEASE_MS, MAX_FRAMES_PER_TX } from '../constants';
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

/** The LISTEN/NOTIFY channel that says "there is engine work". */
export const WORK_CHANNEL = 'signoff_work';

/** Rows `$owner` (param 1) may take at `$now` (param 2). */
const CLAIMABLE = `"status" = 'RUNNING' AND "runnable" AND ("leaseOwner" IS NULL OR "leaseOwner" = $1 OR "leaseUntil" < $2)`;

/**
 * Leases those of `$4` that `$1` may take, and reads them. Rows `$1` already holds until at least
 * `$5` (half a lease from now: `findClaimable` has just leased them) are read without writing
 * them again: an UPDATE is a new row version with its index entries, and a claim that renews a
 * fresh lease is a third write of the row per advance. Nobody else can take a row whose lease
 * has not run out, and the write checks the version anyway.
 */
const CLAIM = `WITH taken AS (UPDATE "Execution" SET "leaseOwner" = $1, "leaseUntil" = $3
    WHERE "id" IN (SELECT "id" FROM "Execution" WHERE "id" = ANY($4::text[]) AND ${CLAIMABLE}
      AND NOT COALESCE("leaseOwner" = $1 AND "leaseUntil" >= $5, false) FOR UPDATE SKIP LOCKED)
    RETURNING ${EXECUTION_COLUMNS})
  SELECT ${EXECUTION_COLUMNS} FROM "Execution" WHERE "id" = ANY($4::text[]) AND "status" = 'RUNNING'
    AND "runnable" AND "leaseOwner" = $1 AND "leaseUntil" >= $5
  UNION ALL SELECT * FROM taken`;
const RUNNING_FRAMES = `SELECT ${FRAME_COLUMNS} FROM "ExecutionFrame"
  WHERE "executionId" = ANY($1::text[]) AND "status" = 'RUNNING' LIMIT $2`;
const TAKE_CLAIMABLE = `UPDATE "Execution" SET "leaseOwner" = $1, "leaseUntil" = $3
  WHERE "id" IN (SELECT "id" FROM "Execution" WHERE ${CLAIMABLE}
    ORDER BY "leaseUntil" ASC NULLS FIRST LIMIT $4 FOR UPDATE SKIP LOCKED)
  RETURNING "id"`;
const DUE_TIMERS = `SELECT "id" FROM "Timer" WHERE "status" = 'PENDING' AND "dueAt" <= $1
  AND "purpose" NOT IN ${RESUME_PURPOSES} ORDER BY "dueAt" ASC LIMIT $2`;
/**
 * Due Wait and Retry timers, fired, their WAITING frames resumed and those executions made
 * runnable under a new version: one statement (data-modifying CTEs run once each, in one
 * snapshot). The timers are taken with their executions' rows, FOR UPDATE SKIP LOCKED: a timer
 * another worker is firing, or whose execution a worker is writing right now, waits for the next
 * pass instead of for that lock, so this statement never holds a timer while waiting on an
 * execution that a writer holds while it waits on that timer (a deadlock).
 */
const FIRE_RESUMES = `WITH due AS (SELECT t."id", t."frameId" FROM "Timer" t JOIN "Execution" e ON e."id" = t."executionId"
      WHERE t."status" = 'PENDING' AND t."dueAt" <= $1 AND t."purpose" IN ${RESUME_PURPOSES}
      ORDER BY t."dueAt" ASC LIMIT $2 FOR UPDATE OF t, e SKIP LOCKED),
    fired AS (UPDATE "Timer" t SET "status" = 'FIRED', "firedAt" = $1 FROM due WHERE t."id" = due."id" RETURNING due."frameId"),
    resumed AS (UPDATE "ExecutionFrame" f SET "status" = 'RUNNING', "event" = $3, "updatedAt" = $1
      FROM fired WHERE f."id" = fired."frameId" AND f."status" = 'WAITING' RETURNING f."executionId"),
    woken AS (UPDATE "Execution" e SET "runnable" = TRUE, "version" = e."version" + 1
      WHERE e."id" IN (SELECT "executionId" FROM resumed) AND e."status" = 'RUNNING' RETURNING e."id")
  SELECT (SELECT count(*) FROM fired) AS fired, (SELECT count(*) FROM woken) AS woken`;
const STALE_INVOCATIONS = `SELECT "id" FROM "TaskToken" WHERE "kind" IN ('invoke', 'invoke-callback') AND "status" = 'PENDING'
  AND ("dispatchedAt" IS NULL OR "dispatchedAt" < $1) LIMIT $2`;
const WORKFLOW_VERSION = `SELECT v."definition", w."name" FROM "WorkflowVersion" v JOIN "Workflow" w ON w."id" = v."workflowId" WHERE v."id" = $1`;

/** A session's frame reads (frame-reader.ts); a NULL `$3` reads any status, a NULL `$5` every row. */
const FRAMES_OF = (parents: string) => `SELECT ${FRAME_COLUMNS} FROM "ExecutionFrame"
  WHERE "executionId" = $1 AND ${parents} AND ($3::text[] IS NULL OR "status" = ANY($3::text[]))
    AND NOT ("id" = ANY($4::text[])) ORDER BY "index" LIMIT $5`;
const CHILD_FRAMES = FRAMES_OF(`"parentFrameId" = ANY($2::text[])`);
const ROOT_FRAMES = FRAMES_OF(`"parentFrameId" IS NULL AND cardinality($2::text[]) = 0`);
const FRAME = `SELECT ${FRAME_COLUMNS} FROM "ExecutionFrame" WHERE "id" = $1 AND "executionId" = $2`;
const PENDING_TOKENS = `SELECT "id" FROM "TaskToken" WHERE "frameId" = ANY($1::text[]) AND "status" = 'PENDING'`;
const RUNNING_MAP_RUNS = `SELECT "id" FROM "MapRun" WHERE "frameId" = ANY($1::text[]) AND "status" = 'RUNNING'`;

/** SQLSTATEs a retry cures: serialization failure, deadlock. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 20;

/** A statement's prepared name (its text's hash: the same text is prepared once per connection). */
const names = new Map<string, string>();
function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `signoff_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    names.set(text, name);
  }
  return name;
}

function query<R extends pg.QueryResultRow>(
  client: pg.Pool | pg.PoolClient,
  text: string,
  values: unknown[],
): Promise<pg.QueryResult<R>> {
  return client.query<R>({ name: statementName(text), text, values });
}

export class PostgresStore implements EngineStore {
  private announcing = false;

  constructor(private readonly url: string) {}

  private get pool(): pg.Pool {
    return pgPool(this.url);
  }

  async claimAndRead(ids: string[], workerId: string, now: Date): Promise<ClaimedBatch> {
    const leaseUntil = sqlTime(new Date(now.getTime() + LEASE_MS));
    const held = sqlTime(new Date(now.getTime() + LEASE_MS / 2));
    const { rows } = await query<ExecutionRow>(this.pool, CLAIM, [
      workerId,
      sqlTime(now),
      leaseUntil,
      ids,
      held,
    ]);
    if (rows.length === 0) return { executions: [], frames: new Map(), truncated: false };
    const limit = MAX_FRAMES_PER_TX * rows.length;
    const frames = await query<FrameRow & { executionId: string }>(this.pool, RUNNING_FRAMES, [
      rows.map((e) => e.id),
      limit,
    ]);
    return { executions: rows, frames: byExecution(frames.rows), truncated: frames.rows.length === limit };
  }

  async write(stepped: SteppedExecution[], now: Date): Promise<Set<string>> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.writeOnce(stepped, now);
      } catch (error) {
        if (!RETRYABLE.has((error as { code?: string }).code ?? '') || attempt >= MAX_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
      }
    }
  }

  private async writeOnce(stepped: SteppedExecution[], now: Date): Promise<Set<string>> {
    const executions = new BatchWrites();
    for (const { batch } of stepped) executions.executions.push(...batch.executions);
    // Rows locked in one order by every writer: two batches never wait on each other in a circle.
    executions.executions.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const [moveOn] = executions.executionStatements('postgresql');
      const { rows } = await query<{ id: string }>(
        client,
        `${moveOn.sql} RETURNING "Execution"."id"`,
        moveOn.params,
      );
      const moved = new Set(rows.map((row) => row.id));
      const conflicts = new Set(stepped.map((s) => s.id).filter((id) => !moved.has(id)));
      const rest = new BatchWrites();
      for (const { id, batch } of stepped) if (!conflicts.has(id)) rest.absorb(batch);
      for (const statement of rest.rowStatements(now, 'postgresql'))
        await query(client, statement.sql, statement.params);
      await client.query('COMMIT');
      return conflicts;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async findClaimable(workerId: string, now: Date, limit: number): Promise<string[]> {
    const leaseUntil = sqlTime(new Date(now.getTime() + LEASE_MS));
    const { rows } = await query<{ id: string }>(this.pool, TAKE_CLAIMABLE, [
      workerId,
      sqlTime(now),
      leaseUntil,
      limit,
    ]);
    return rows.map((r) => r.id);
  }

  async dueTimers(now: Date, limit: number): Promise<string[]> {
    const { rows } = await query<{ id: string }>(this.pool, DUE_TIMERS, [sqlTime(now), limit]);
    return rows.map((r) => r.id);
  }

  async fireResumeTimers(now: Date, limit: number): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      try {
        const { rows } = await query<{ fired: string }>(this.pool, FIRE_RESUMES, [
          sqlTime(now),
          limit,
          TIMER_FIRED,
        ]);
        return Number(rows[0].fired);
      } catch (error) {
        // A deadlock with a worker writing the same execution: the statement rolled back whole.
        if (!RETRYABLE.has((error as { code?: string }).code ?? '') || attempt >= MAX_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
      }
    }
  }

  async staleInvocations(stale: Date, limit: number): Promise<string[]> {
    const { rows } = await query<{ id: string }>(this.pool, STALE_INVOCATIONS, [sqlTime(stale), limit]);
    return rows.map((r) => r.id);
  }

  async workflowVersion(versionId: string) {
    const { rows } = await query<{ definition: string; name: string }>(this.pool, WORKFLOW_VERSION, [
      versionId,
    ]);
    return rows[0];
  }

  async frame(executionId: string, id: string): Promise<FrameRow | undefined> {
    const { rows } = await query<FrameRow>(this.pool, FRAME, [id, executionId]);
    return rows[0];
  }

  async frames(executionId: string, { parents, statuses, skip, limit }: FrameQuery): Promise<FrameRow[]> {
    const { rows } = await query<FrameRow>(this.pool, parents === null ? ROOT_FRAMES : CHILD_FRAMES, [
      executionId,
      parents ?? [],
      statuses ?? null,
      skip ?? [],
      limit ?? null,
    ]);
    return rows;
  }

  async pendingTokens(frameIds: string[]): Promise<string[]> {
    const { rows } = await query<{ id: string }>(this.pool, PENDING_TOKENS, [frameIds]);
    return rows.map((r) => r.id);
  }

  async runningMapRuns(frameIds: string[]): Promise<string[]> {
    const { rows } = await query<{ id: string }>(this.pool, RUNNING_MAP_RUNS, [frameIds]);
    return rows.map((r) => r.id);
  }

  async announce(): Promise<void> {
    if (this.announcing) return;
    this.announcing = true;
    await new Promise((resolve) => setImmediate(resolve));
    this.announcing = false;
    await this.pool.query(`NOTIFY ${WORK_CHANNEL}`);
  }

  async listen(wake: () => void, lost: () => void): Promise<() => Promise<void>> {
    const client = await this.pool.connect();
    let released = false;
    const release = (error?: Error) => {
      if (released) return;
      released = true;
      client.off('notification', onNotification);
      client.off('error', onError);
      client.release(error);
    };
    const onNotification = (message: pg.Notification) => {
      if (message.channel === WORK_CHANNEL) wake();
    };
    const onError = (error: Error) => {
      release(error); // the pool drops a client released with an error
      lost();
    };
    client.on('notification', onNotification);
    client.on('error', onError);
    try {
      await client.query(`LISTEN ${WORK_CHANNEL}`);
    } catch (error) {
      release(error as Error);
      throw error;
    }
    return async () => {
      if (released) return;
      await client.query(`UNLISTEN ${WORK_CHANNEL}`).catch(() => {});
      release();
    };
  }
}
