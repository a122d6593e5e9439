/**
 * The engine's storage port: the statements on its hot path (claim, read, write a stepped batch
 * under version checks, find work), one adapter per database. The stepping core
 * (lib/engine/advance) produces its writes as data (BatchWrites); an adapter runs them.
 *
 * - SQLite (sqlite-store.ts): better-sqlite3, synchronous, in short BEGIN IMMEDIATE
 *   transactions on the process's one write connection.
 * - PostgreSQL (postgres-store.ts): `pg`, prepared statements, one multi-row statement per kind
 *   of row, claims with FOR UPDATE SKIP LOCKED, wakes across processes by LISTEN/NOTIFY.
 */
import type { BatchWrites } from '../advance/batch-writes';
import type { FrameReader } from '../advance/frame-reader';
import type { FrameRow } from '../advance/live-frame';
import type { ExecutionRow } from '../advance/session';

export interface ClaimedBatch {
  executions: ExecutionRow[];
  frames: Map<string, FrameRow[]>;
  /** more RUNNING frames than were read: the executions have more to do than this batch */
  truncated: boolean;
}

export interface SteppedExecution {
  id: string;
  batch: BatchWrites;
}

/** The store also reads what a stepping session reaches beyond its claimed rows (frame-reader.ts). */
export interface EngineStore extends FrameReader {
  /** Leases those of `ids` nobody else holds (to `workerId`) and reads them with their RUNNING frames. */
  claimAndRead(ids: string[], workerId: string, now: Date): Promise<ClaimedBatch>;
  /**
   * Writes each stepped execution whose row is still at the version it was read at, with all
   * its rows, in one transaction; returns the ids whose version moved (nothing of theirs written).
   */
  write(stepped: SteppedExecution[], now: Date): Promise<Set<string>>;
  /** Runnable executions `workerId` may take now, oldest lease first. */
  findClaimable(workerId: string, now: Date, limit: number): Promise<string[]>;
  /** PENDING timers due at `now`, but Wait and Retry timers (fireResumeTimers fires those). */
  dueTimers(now: Date, limit: number): Promise<string[]>;
  /**
   * Fires up to `limit` due Wait and Retry timers in one transaction: each frame still WAITING
   * resumes with TimerFired, and its execution becomes runnable under a new version (what
   * deliverEvent does, for a batch). Returns how many timers fired.
   */
  fireResumeTimers(now: Date, limit: number): Promise<number>;
  /** PENDING invocations never dispatched, or dispatched before `stale`. */
  staleInvocations(stale: Date, limit: number): Promise<string[]>;
  /** A workflow version's definition (cached by the caller). */
  workflowVersion(versionId: string): Promise<{ definition: string; name: string } | undefined>;
  /** Tells every process's worker that there is work (PostgreSQL: NOTIFY; SQLite: nothing, other processes find it by their poll). */
  announce(): Promise<void>;
  /**
   * Calls `wake` whenever a process announces work, and `lost` if the connection that listens
   * dies; returns a function that stops listening.
   */
  listen(wake: () => void, lost: () => void): Promise<() => Promise<void>>;
}

/** The timers fireResumeTimers fires: the engine's own, whose only effect is resuming their frame. */
export const RESUME_PURPOSES = `('Wait', 'Retry')`;

/** The event a resumed frame runs with (the `event` column of a frame woken by its timer). */
export const TIMER_FIRED = JSON.stringify({ type: 'TimerFired' });

/** The columns of an execution and of a frame that a claim reads. */
export const EXECUTION_COLUMNS = [
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

export const FRAME_COLUMNS = [
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

/** Groups frame rows by execution. */
export function byExecution(rows: (FrameRow & { executionId: string })[]): Map<string, FrameRow[]> {
  const frames = new Map<string, FrameRow[]>();
  for (const row of rows) {
    const own = frames.get(row.executionId);
    if (own) own.push(row);
    else frames.set(row.executionId, [row]);
  }
  return frames;
}
