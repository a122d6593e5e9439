/**
 * The writes of a batch of executions, as data: SQL statements that any storage adapter runs
 * (lib/engine/store), or a caller's Prisma transaction (`apply`). One statement per kind of row:
 * every execution row in one UPDATE that checks each row's version (fewer changed rows than
 * sent ⇒ VersionConflict), changed frames likewise, and multi-row INSERTs of new frames,
 * history events and timers.
 *
 * Two dialects of the same statements: SQLite's `VALUES (?, …), …` in chunks (its bound-
 * parameter limit), PostgreSQL's `unnest($1::text[], …)` with one array per column (one
 * statement however many rows, the same text every time, so it is prepared once).
 */
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/client';
import { isPostgres, type Provider } from '../../db/database-url';
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

/** A task token's row (its hash only), written with the state that waits on it. */
export interface NewTaskToken {
  id: string;
  tokenHash: string;
  executionId: string;
  frameId: string;
  stateName: string;
  resource: string;
  kind: string;
  activityName: string | null;
  input: string | null;
  timeoutAt: Date | null;
  heartbeatSeconds: number | null;
  /** PENDING, or CANCELLED when its frame was aborted before the token was written */
  status: 'PENDING' | 'CANCELLED';
  completedAt: Date | null;
}

export interface ExecutionWrite {
  id: string;
  version: number;
  nextEventId: number;
  runnable: boolean;
  releaseLease: boolean;
  mocks?: string;
  ended?: { status: string; output: string | null; error: string | null; cause: string | null; at: Date };
}

/** A write of rows another service owns, run in the transaction that commits a session (session.write). */
export type ServiceWrite = (tx: Tx) => Promise<void>;

type Param = string | number | boolean | null;

/** One statement to run; `expect`: the rows it must change, else the batch lost a race. */
export interface Statement {
  sql: string;
  params: (Param | Param[])[];
  expect?: number;
}

/** Rows per SQLite statement: keeps each under its 32,766 bound parameters and the texts few. */
const CHUNK = 64;

/** A column: its name, its PostgreSQL type, its value in a row. */
type Column<T> = readonly [name: string, pgType: string, value: (row: T) => Param];

export class BatchWrites {
  readonly history: HistoryRow[] = [];
  readonly created: NewFrame[] = [];
  readonly frames: FrameUpdate[] = [];
  readonly timers: TimerRow[] = [];
  readonly tokens: NewTaskToken[] = [];
  readonly executions: ExecutionWrite[] = [];
  /** Parents whose children are deleted before new frames are written (a Parallel or Map entered again). */
  readonly deletedChildrenOf: string[] = [];
  /** Frames set ABORTED where still active, without their rows read (aborted, unloaded). */
  readonly abortedFrames: string[] = [];
  /** Frames whose PENDING timers are cancelled (aborted frames), after new timers are written. */
  readonly cancelledFrameTimers: string[] = [];
  /** Executions whose PENDING ExecutionTimeout timer is cancelled (they ended). */
  readonly cancelledTimeouts: string[] = [];
  /**
   * Other services' rows (an approval's task, a child execution, a map run), written after the
   * statements in the same Prisma transaction; a batch with any is committed by `apply`.
   */
  readonly serviceWrites: ServiceWrite[] = [];

  /** The statements, the version-checked execution update first. */
  statements(now: Date, provider: Provider = 'sqlite'): Statement[] {
    return [this.executionStatements(provider), this.rowStatements(now, provider)].flat();
  }

  /** The version-checked update of the execution rows (each statement's `expect` is its row count). */
  executionStatements(provider: Provider): Statement[] {
    return build(provider, this.executions, (rows, values) => ({
      sql: `UPDATE "Execution" SET "version" = v.column2 + 1, "nextEventId" = v.column3, "runnable" = v.column4,
       "leaseOwner" = CASE WHEN v.column5 = 1 THEN NULL ELSE "leaseOwner" END,
       "leaseUntil" = CASE WHEN v.column5 = 1 THEN NULL ELSE "leaseUntil" END,
       "mocks" = CASE WHEN v.column6 = 1 THEN v.column7 ELSE "mocks" END,
       "status" = CASE WHEN v.column8 = 1 THEN v.column9 ELSE "status" END,
       "output" = CASE WHEN v.column8 = 1 THEN v.column10 ELSE "output" END,
       "error" = CASE WHEN v.column8 = 1 THEN v.column11 ELSE "error" END,
       "cause" = CASE WHEN v.column8 = 1 THEN v.column12 ELSE "cause" END,
       "stoppedAt" = CASE WHEN v.column8 = 1 THEN v.column13 ELSE "stoppedAt" END
     FROM ${values(EXECUTION_COLUMNS)}
     WHERE "Execution"."id" = v.column1 AND "Execution"."version" = v.column2`,
      expect: rows.length,
    }));
  }

  /** Every other row: deleted, new and changed frames, history events, task tokens, timers and cancelled timers. */
  rowStatements(now: Date, provider: Provider): Statement[] {
    const at = sqlTime(now);
    return [
      ...byIds(
        provider,
        this.deletedChildrenOf,
        (ids) => `DELETE FROM "ExecutionFrame" WHERE "parentFrameId" ${ids}`,
      ),
      ...build(provider, this.created, (_, values) =>
        insert('ExecutionFrame', NEW_FRAME_COLUMNS(at), values),
      ),
      ...build(provider, this.frames, (_, values) => ({
        sql: `UPDATE "ExecutionFrame" SET "status" = v.column2, "stateName" = v.column3, "stateInput" = v.column4, "continuation" = v.column5,
       "event" = v.column6, "variables" = v.column7, "lastEventId" = v.column8, "result" = v.column9, "error" = v.column10,
       "cause" = v.column11, "updatedAt" = v.column12 FROM ${values(FRAME_UPDATE_COLUMNS(at))} WHERE "ExecutionFrame"."id" = v.column1`,
      })),
      ...byIds(
        provider,
        this.abortedFrames,
        (ids, updatedAt) => `UPDATE "ExecutionFrame" SET "status" = 'ABORTED', "updatedAt" = ${updatedAt}
       WHERE "id" ${ids} AND "status" IN ('PENDING', 'RUNNING', 'WAITING')`,
        at,
      ),
      ...build(provider, this.history, (_, values) => insert('HistoryEvent', HISTORY_COLUMNS, values)),
      ...build(provider, this.tokens, (_, values) => insert('TaskToken', TOKEN_COLUMNS(at), values)),
      ...build(provider, this.timers, (_, values) => insert('Timer', TIMER_COLUMNS(at), values)),
      ...byIds(
        provider,
        this.cancelledFrameTimers,
        (ids) => `UPDATE "Timer" SET "status" = 'CANCELLED' WHERE "frameId" ${ids} AND "status" = 'PENDING'`,
      ),
      ...byIds(
        provider,
        this.cancelledTimeouts,
        (ids) => `UPDATE "Timer" SET "status" = 'CANCELLED' WHERE "executionId" ${ids}
       AND "purpose" = 'ExecutionTimeout' AND "status" = 'PENDING'`,
      ),
    ];
  }

  /** Adds another batch's rows to this one. */
  absorb(other: BatchWrites): void {
    this.history.push(...other.history);
    this.created.push(...other.created);
    this.frames.push(...other.frames);
    this.timers.push(...other.timers);
    this.tokens.push(...other.tokens);
    this.executions.push(...other.executions);
    this.deletedChildrenOf.push(...other.deletedChildrenOf);
    this.abortedFrames.push(...other.abortedFrames);
    this.cancelledFrameTimers.push(...other.cancelledFrameTimers);
    this.cancelledTimeouts.push(...other.cancelledTimeouts);
    this.serviceWrites.push(...other.serviceWrites);
  }

  /**
   * Runs the statements, then the service writes, in the caller's Prisma transaction (throws
   * VersionConflict to roll it back).
   */
  async apply(tx: Tx, now: Date): Promise<void> {
    for (const statement of this.statements(now, isPostgres() ? 'postgresql' : 'sqlite')) {
      const count = await tx.$executeRawUnsafe(statement.sql, ...statement.params);
      if (statement.expect !== undefined && count !== statement.expect)
        throw new VersionConflict(this.executions.map((w) => w.id).join(','));
    }
    for (const write of this.serviceWrites) await write(tx);
  }
}

/**
 * Statements over `rows`, each made by `make` from the rows it covers and `values(columns)`:
 * the rows as a table `v` whose columns are column1…columnN in both dialects.
 */
function build<T>(
  provider: Provider,
  rows: T[],
  make: (rows: T[], values: (columns: readonly Column<T>[]) => string) => Omit<Statement, 'params'>,
): Statement[] {
  const statements: Statement[] = [];
  if (provider === 'postgresql') {
    if (rows.length === 0) return statements;
    let params: Param[][] = [];
    const statement = make(rows, (columns) => {
      params = columns.map(([, type, value]) => rows.map((row) => pgValue(type, value(row))));
      const names = columns.map((_, i) => `column${i + 1}`).join(', ');
      return `unnest(${columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')}) AS v(${names})`;
    });
    statements.push({ ...statement, params });
    return statements;
  }
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    let params: Param[] = [];
    const statement = make(chunk, (columns) => {
      params = chunk.flatMap((row) => columns.map(([, , value]) => value(row)));
      const tuple = `(${columns.map(() => '?').join(',')})`;
      return `(VALUES ${Array(chunk.length).fill(tuple).join(',')}) AS v`;
    });
    statements.push({ ...statement, params });
  }
  return statements;
}

/**
 * One statement over a list of ids: `make` gets the test of a column against the list and, for
 * a statement with one more parameter (`value`), its placeholder, which must come first in the text.
 */
function byIds(
  provider: Provider,
  ids: string[],
  make: (inList: string, value: string) => string,
  value?: Param,
): Statement[] {
  if (ids.length === 0) return [];
  const extra = value === undefined ? [] : [value];
  return provider === 'postgresql'
    ? [{ sql: make('= ANY($1::text[])', '$2'), params: [ids, ...extra] }]
    : [{ sql: make('IN (SELECT value FROM json_each(?))', '?'), params: [...extra, JSON.stringify(ids)] }];
}

const pgValue = (type: string, value: Param): Param =>
  type === 'boolean' ? value === 1 || value === true : value;

function insert<T>(
  table: string,
  columns: readonly Column<T>[],
  values: (columns: readonly Column<T>[]) => string,
): Omit<Statement, 'params'> {
  const names = columns.map(([name]) => `"${name}"`).join(', ');
  return { sql: `INSERT INTO "${table}" (${names}) SELECT * FROM ${values(columns)}` };
}

const TEXT = 'text';
const INT = 'int';
const TIME = 'timestamp(3)';

const EXECUTION_COLUMNS: readonly Column<ExecutionWrite>[] = [
  ['id', TEXT, (w) => w.id],
  ['version', INT, (w) => w.version],
  ['nextEventId', INT, (w) => w.nextEventId],
  ['runnable', 'boolean', (w) => (w.runnable ? 1 : 0)],
  ['releaseLease', INT, (w) => (w.releaseLease ? 1 : 0)],
  ['hasMocks', INT, (w) => (w.mocks === undefined ? 0 : 1)],
  ['mocks', TEXT, (w) => w.mocks ?? null],
  ['ended', INT, (w) => (w.ended ? 1 : 0)],
  ['status', TEXT, (w) => w.ended?.status ?? null],
  ['output', TEXT, (w) => w.ended?.output ?? null],
  ['error', TEXT, (w) => w.ended?.error ?? null],
  ['cause', TEXT, (w) => w.ended?.cause ?? null],
  ['stoppedAt', TIME, (w) => (w.ended ? sqlTime(w.ended.at) : null)],
];

const FRAME_UPDATE_COLUMNS = (at: string): readonly Column<FrameUpdate>[] => [
  ['id', TEXT, (f) => f.id],
  ['status', TEXT, (f) => f.status],
  ['stateName', TEXT, (f) => f.stateName],
  ['stateInput', TEXT, (f) => f.stateInput],
  ['continuation', TEXT, (f) => f.continuation],
  ['event', TEXT, (f) => f.event],
  ['variables', TEXT, (f) => f.variables],
  ['lastEventId', INT, (f) => f.lastEventId],
  ['result', TEXT, (f) => f.result],
  ['error', TEXT, (f) => f.error],
  ['cause', TEXT, (f) => f.cause],
  ['updatedAt', TIME, () => at],
];

const NEW_FRAME_COLUMNS = (at: string): readonly Column<NewFrame>[] => [
  ['id', TEXT, (f) => f.id],
  ['executionId', TEXT, (f) => f.executionId],
  ['parentFrameId', TEXT, (f) => f.parentFrameId],
  ['parentState', TEXT, (f) => f.parentState],
  ['index', INT, (f) => f.index],
  ['status', TEXT, (f) => f.status],
  ['stateName', TEXT, (f) => f.stateName],
  ['stateInput', TEXT, (f) => f.stateInput],
  ['continuation', TEXT, (f) => f.continuation],
  ['event', TEXT, (f) => f.event],
  ['variables', TEXT, (f) => f.variables],
  ['lastEventId', INT, (f) => f.lastEventId],
  ['definitionPath', TEXT, (f) => f.definitionPath],
  ['mapItem', TEXT, (f) => f.mapItem],
  ['result', TEXT, (f) => f.result],
  ['error', TEXT, (f) => f.error],
  ['cause', TEXT, (f) => f.cause],
  ['createdAt', TIME, () => at],
  ['updatedAt', TIME, () => at],
];

const HISTORY_COLUMNS: readonly Column<HistoryRow>[] = [
  ['id', TEXT, (e) => `${e.executionId}.${e.seq}`],
  ['executionId', TEXT, (e) => e.executionId],
  ['seq', INT, (e) => e.seq],
  ['previousEventId', INT, (e) => e.previousEventId],
  ['type', TEXT, (e) => e.type],
  ['timestamp', TIME, (e) => sqlTime(e.timestamp)],
  ['details', TEXT, (e) => e.details],
];

const TIMER_COLUMNS = (at: string): readonly Column<TimerRow>[] => [
  ['id', TEXT, () => randomUUID()],
  ['key', TEXT, (t) => t.key],
  ['executionId', TEXT, (t) => t.executionId],
  ['frameId', TEXT, (t) => t.frameId],
  ['purpose', TEXT, (t) => t.purpose],
  ['dueAt', TIME, (t) => sqlTime(t.dueAt)],
  ['status', TEXT, () => 'PENDING'],
  ['taskTokenId', TEXT, (t) => t.taskTokenId ?? null],
  ['createdAt', TIME, () => at],
];

const TOKEN_COLUMNS = (at: string): readonly Column<NewTaskToken>[] => [
  ['id', TEXT, (t) => t.id],
  ['tokenHash', TEXT, (t) => t.tokenHash],
  ['executionId', TEXT, (t) => t.executionId],
  ['frameId', TEXT, (t) => t.frameId],
  ['stateName', TEXT, (t) => t.stateName],
  ['resource', TEXT, (t) => t.resource],
  ['kind', TEXT, (t) => t.kind],
  ['activityName', TEXT, (t) => t.activityName],
  ['input', TEXT, (t) => t.input],
  ['status', TEXT, (t) => t.status],
  ['timeoutAt', TIME, (t) => (t.timeoutAt ? sqlTime(t.timeoutAt) : null)],
  ['heartbeatSeconds', INT, (t) => t.heartbeatSeconds],
  ['completedAt', TIME, (t) => (t.completedAt ? sqlTime(t.completedAt) : null)],
  ['createdAt', TIME, () => at],
];
