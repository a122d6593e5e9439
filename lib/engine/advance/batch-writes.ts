/**
 * The writes of a batch of executions, as SQL statements either path runs: the Prisma
 * transaction (`apply`) or the direct path's synchronous connection (direct-advance.ts). One
 * statement per kind and per chunk of rows: every execution row in one UPDATE … FROM VALUES
 * that checks each row's version (fewer changed rows than sent ⇒ VersionConflict), changed
 * frames likewise, and multi-row INSERTs of new frames, history events and timers.
 */
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/client';
import { sqlTime } from '../../db/sqlite';
import { VersionConflict } from '../tx-retry';
import type { HistoryRow } from './history-row';
import type { FrameRow } from './live-frame';

type FrameUpdate = Omit<FrameRow, 'parentFrameId' | 'parentState' | 'index' | 'definitionPath' | 'mapItem'>;
type NewFrame = FrameRow & { executionId: string };
type TimerRow = {
  key: string;
  executionId: string;
  frameId: string | null;
  purpose: string;
  dueAt: Date;
  taskTokenId?: string;
};

export interface ExecutionWrite {
  id: string;
  version: number;
  nextEventId: number;
  runnable: boolean;
  releaseLease: boolean;
  mocks?: string;
  ended?: { status: string; output: string | null; error: string | null; cause: string | null; at: Date };
}

/** One statement to run; `expect`: the rows it must change, else the batch lost a race. */
export interface Statement {
  sql: string;
  params: (string | number | null)[];
  expect?: number;
}

/** Rows per statement: keeps each under SQLite's 32,766 bound parameters and the texts few. */
const CHUNK = 64;

export class BatchWrites {
  readonly history: HistoryRow[] = [];
  readonly created: NewFrame[] = [];
  readonly frames: FrameUpdate[] = [];
  readonly timers: TimerRow[] = [];
  readonly executions: ExecutionWrite[] = [];

  /** The statements, the version-checked execution update first. */
  statements(now: Date): Statement[] {
    const at = sqlTime(now);
    return [
      ...chunked(this.executions, updateExecutions),
      ...chunked(this.created, (rows) => insertFrames(rows, at)),
      ...chunked(this.frames, (rows) => updateFrames(rows, at)),
      ...chunked(this.history, insertHistory),
      ...chunked(this.timers, (rows) => insertTimers(rows, at)),
    ];
  }

  /** Runs the statements in the caller's Prisma transaction (throws VersionConflict to roll it back). */
  async apply(tx: Tx, now: Date): Promise<void> {
    for (const statement of this.statements(now)) {
      const count = await tx.$executeRawUnsafe(statement.sql, ...statement.params);
      if (statement.expect !== undefined && count !== statement.expect)
        throw new VersionConflict(this.executions.map((w) => w.id).join(','));
    }
  }
}

function chunked<T>(rows: T[], toStatement: (rows: T[]) => Statement): Statement[] {
  const statements: Statement[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) statements.push(toStatement(rows.slice(i, i + CHUNK)));
  return statements;
}

const tuples = (count: number, width: number) =>
  Array.from({ length: count }, () => `(${Array(width).fill('?').join(',')})`).join(',');

function updateExecutions(writes: ExecutionWrite[]): Statement {
  const params = writes.flatMap((w) => [
    w.id,
    w.version,
    w.nextEventId,
    w.runnable ? 1 : 0,
    w.releaseLease ? 1 : 0,
    w.mocks === undefined ? 0 : 1,
    w.mocks ?? null,
    w.ended ? 1 : 0,
    w.ended?.status ?? null,
    w.ended?.output ?? null,
    w.ended?.error ?? null,
    w.ended?.cause ?? null,
    w.ended ? sqlTime(w.ended.at) : null,
  ]);
  const sql = `UPDATE "Execution" SET "version" = v.column2 + 1, "nextEventId" = v.column3, "runnable" = v.column4,
       "leaseOwner" = CASE WHEN v.column5 = 1 THEN NULL ELSE "leaseOwner" END,
       "leaseUntil" = CASE WHEN v.column5 = 1 THEN NULL ELSE "leaseUntil" END,
       "mocks" = CASE WHEN v.column6 = 1 THEN v.column7 ELSE "mocks" END,
       "status" = CASE WHEN v.column8 = 1 THEN v.column9 ELSE "status" END,
       "output" = CASE WHEN v.column8 = 1 THEN v.column10 ELSE "output" END,
       "error" = CASE WHEN v.column8 = 1 THEN v.column11 ELSE "error" END,
       "cause" = CASE WHEN v.column8 = 1 THEN v.column12 ELSE "cause" END,
       "stoppedAt" = CASE WHEN v.column8 = 1 THEN v.column13 ELSE "stoppedAt" END
     FROM (VALUES ${tuples(writes.length, 13)}) AS v
     WHERE "Execution"."id" = v.column1 AND "Execution"."version" = v.column2`;
  return { sql, params, expect: writes.length };
}

function updateFrames(frames: FrameUpdate[], at: string): Statement {
  const params = frames.flatMap((f) => [
    f.id,
    f.status,
    f.stateName,
    f.stateInput,
    f.continuation,
    f.event,
    f.variables,
    f.lastEventId,
    f.result,
    f.error,
    f.cause,
    at,
  ]);
  const sql = `UPDATE "ExecutionFrame" SET "status" = v.column2, "stateName" = v.column3, "stateInput" = v.column4, "continuation" = v.column5,
       "event" = v.column6, "variables" = v.column7, "lastEventId" = v.column8, "result" = v.column9, "error" = v.column10,
       "cause" = v.column11, "updatedAt" = v.column12 FROM (VALUES ${tuples(frames.length, 12)}) AS v WHERE "ExecutionFrame"."id" = v.column1`;
  return { sql, params };
}

function insertFrames(frames: NewFrame[], at: string): Statement {
  const params = frames.flatMap((f) => [
    f.id,
    f.executionId,
    f.parentFrameId,
    f.parentState,
    f.index,
    f.status,
    f.stateName,
    f.stateInput,
    f.continuation,
    f.event,
    f.variables,
    f.lastEventId,
    f.definitionPath,
    f.mapItem,
    f.result,
    f.error,
    f.cause,
    at,
    at,
  ]);
  const sql = `INSERT INTO "ExecutionFrame" ("id", "executionId", "parentFrameId", "parentState", "index", "status", "stateName", "stateInput",
       "continuation", "event", "variables", "lastEventId", "definitionPath", "mapItem", "result", "error", "cause", "createdAt", "updatedAt")
     VALUES ${tuples(frames.length, 19)}`;
  return { sql, params };
}

function insertHistory(events: HistoryRow[]): Statement {
  const params = events.flatMap((e) => [
    `${e.executionId}.${e.seq}`,
    e.executionId,
    e.seq,
    e.previousEventId,
    e.type,
    sqlTime(e.timestamp),
    e.details,
  ]);
  const sql = `INSERT INTO "HistoryEvent" ("id", "executionId", "seq", "previousEventId", "type", "timestamp", "details") VALUES ${tuples(events.length, 7)}`;
  return { sql, params };
}

function insertTimers(timers: TimerRow[], at: string): Statement {
  const params = timers.flatMap((t) => [
    randomUUID(),
    t.key,
    t.executionId,
    t.frameId,
    t.purpose,
    sqlTime(t.dueAt),
    'PENDING',
    t.taskTokenId ?? null,
    at,
  ]);
  const sql = `INSERT INTO "Timer" ("id", "key", "executionId", "frameId", "purpose", "dueAt", "status", "taskTokenId", "createdAt") VALUES ${tuples(timers.length, 9)}`;
  return { sql, params };
}
