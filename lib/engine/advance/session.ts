/**
 * One transaction's worth of engine work on one execution: the loaded execution, the frames
 * touched, and the rows to write (history, timers, tokens), flushed together at the end. Rows
 * other services own (an approval's task and mail, a child execution, a map run) are written by
 * the closures a step hands to `write`: they run in the transaction that commits the session,
 * after its engine rows, so both commit together or not at all.
 */
import { randomUUID } from 'node:crypto';
import type { ExecutionContext, HistoryEvent, JsonValue, StepEnv } from '../../asl';
import type { Tx } from '../../db/client';
import { engineNow } from '../clock';
import { ARN_PREFIX, executionArnOf, ROLE_ARN } from '../constants';
import type { PinnedWorkflow } from '../definitions';
import type { MockBook } from '../integrations/mock-book';
import { newTaskToken } from '../tokens/hash-token';
import type { NewTaskToken, ServiceWrite } from './batch-writes';
import { prismaFrameReader, type FrameReader } from './frame-reader';
import { frameFromRow, type FrameRow, type LiveFrame } from './live-frame';

/** The columns of an execution a session reads (both ways of advancing read the same). */
export const EXECUTION_SELECT = {
  id: true,
  name: true,
  status: true,
  input: true,
  version: true,
  nextEventId: true,
  startedAt: true,
  redriveCount: true,
  workflowVersionId: true,
  mocks: true,
  parentTaskTokenId: true,
  mapRunId: true,
} as const;

export interface ExecutionRow {
  id: string;
  name: string;
  status: string;
  input: string;
  version: number;
  nextEventId: number;
  startedAt: Date;
  redriveCount: number;
  workflowVersionId: string;
  mocks: string | null;
  /** set when a parent's `.sync` / `.waitForTaskToken` task started this execution */
  parentTaskTokenId: string | null;
  /** set for a Distributed Map's child execution */
  mapRunId: string | null;
}

export interface TimerRow {
  key: string;
  frameId: string | null;
  purpose: string;
  dueAt: Date;
  taskTokenId?: string;
}

export class Session {
  readonly now: Date;
  readonly env: StepEnv;
  readonly frames = new Map<string, LiveFrame>();
  /** Frames with work to do now, in the order they became runnable. */
  readonly queue: LiveFrame[] = [];
  readonly history: HistoryEvent[] = [];
  readonly timers: TimerRow[] = [];
  /** Task tokens to write with the session (start-task.ts). */
  readonly tokens: NewTaskToken[] = [];
  /** Tokens of `invoke` tasks to run once this transaction has committed. */
  readonly invocations: string[] = [];
  /** Parents whose earlier children are deleted when the session is written (deleteChildren). */
  readonly deletedChildrenOf = new Set<string>();
  /** Frames not loaded that are set ABORTED (if still active) when the session is written. */
  readonly abortedRows = new Set<string>();
  /** Frames whose PENDING timers are cancelled when the session is written (aborted frames). */
  readonly cancelledFrameTimers: string[] = [];
  /** The execution ended: its ExecutionTimeout timer is cancelled when the session is written. */
  cancelsTimeout = false;
  /** Other services' writes, run in the committing transaction after the engine's rows (`write`). */
  readonly serviceWrites: ServiceWrite[] = [];
  /** Frames whose Distributed Map run this session started (written with it): abort-frames.ts stops those too. */
  readonly startedMapRuns = new Set<string>();
  /** Tokens this session has already set to end (abort-frames.ts): each ends once. */
  readonly endingTokens = new Set<string>();
  nextEventId: number;
  mocks?: MockBook;
  mocksDirty = false;
  ended?: {
    status: 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';
    output?: JsonValue;
    error?: string | null;
    cause?: string | null;
  };
  private contextCache?: ExecutionContext;

  /**
   * `query`: what steps read other rows through (people, workflows): the caller's transaction,
   * or in a worker's pass the shared client with writes refused (read-only-client.ts).
   */
  constructor(
    readonly query: Tx,
    readonly execution: ExecutionRow,
    readonly pinned: PinnedWorkflow,
    readonly reader: FrameReader = prismaFrameReader(query),
  ) {
    this.now = engineNow();
    this.env = { now: this.now, random: Math.random, newTaskToken };
    this.nextEventId = execution.nextEventId;
  }

  /** `$$.Execution` and `$$.StateMachine`, plus `$$.Map.Item` for a Map iteration. */
  context(frame: LiveFrame): ExecutionContext {
    this.contextCache ??= {
      Execution: {
        Id: executionArnOf(this.pinned.workflowName, this.execution.name),
        Input: JSON.parse(this.execution.input) as JsonValue,
        Name: this.execution.name,
        RoleArn: ROLE_ARN,
        StartTime: this.execution.startedAt.toISOString(),
        ...(this.execution.redriveCount > 0 ? { RedriveCount: this.execution.redriveCount } : {}),
      },
      StateMachine: {
        Id: `${ARN_PREFIX}:stateMachine:${this.pinned.workflowName}`,
        Name: this.pinned.workflowName,
      },
    };
    return frame.mapItem ? { ...this.contextCache, Map: { Item: frame.mapItem } } : this.contextCache;
  }

  /** Appends events a step produced (already numbered from `cursor`). */
  record(frame: LiveFrame | undefined, events: HistoryEvent[]): void {
    if (events.length === 0) return;
    for (const event of events) this.history.push(event);
    this.nextEventId = events[events.length - 1].id + 1;
    if (frame) frame.lastEventId = events[events.length - 1].id;
  }

  cursor(frame: LiveFrame | undefined) {
    return {
      next: this.nextEventId,
      previous: frame && frame.lastEventId > 0 ? frame.lastEventId : this.nextEventId - 1,
    };
  }

  /** Makes a frame known to the session (and runnable if it is RUNNING). */
  adopt(frame: LiveFrame): LiveFrame {
    this.frames.set(frame.id, frame);
    if (frame.status === 'RUNNING') this.queue.push(frame);
    return frame;
  }

  /** A frame by id: from this session, else from its row. */
  async frame(id: string): Promise<LiveFrame> {
    const known = this.frames.get(id);
    if (known) return known;
    const row = await this.reader.frame(this.execution.id, id);
    if (!row) throw new Error(`Execution ${this.execution.id} has no frame ${id}.`);
    return this.remember(frameFromRow(row));
  }

  /**
   * The frames under `parents` (`null`: the root frames) in one of `statuses` (any when absent),
   * by index, as this session sees them: its own frames (newer than their rows, or not written
   * yet) and the rows of those it has not loaded, which it holds from then on without running
   * them. With `limit`, the first `limit` only.
   */
  async framesUnder(
    parents: string[] | null,
    statuses?: readonly string[],
    limit?: number,
  ): Promise<LiveFrame[]> {
    const { own, rows } = await this.rowsUnder(parents, statuses, limit);
    const frames = [...own, ...rows.map((row) => this.remember(frameFromRow(row)))].sort(
      (a, b) => a.index - b.index,
    );
    return limit === undefined ? frames : frames.slice(0, limit);
  }

  /** framesUnder's two halves: the session's own frames, and the rows of the others (not loaded). */
  async rowsUnder(
    parents: string[] | null,
    statuses?: readonly string[],
    limit?: number,
  ): Promise<{ own: LiveFrame[]; rows: FrameRow[] }> {
    const under = parents === null ? null : new Set(parents);
    const mine = [...this.frames.values()].filter((f) =>
      under === null ? f.parentFrameId === null : f.parentFrameId !== null && under.has(f.parentFrameId),
    );
    const own = statuses ? mine.filter((f) => statuses.includes(f.status)) : mine;
    // Children of a parent entered again are this session's alone: their rows are being deleted.
    const readable = parents === null ? null : parents.filter((id) => !this.deletedChildrenOf.has(id));
    if (readable !== null && readable.length === 0) return { own, rows: [] };
    // Frames this session aborted by id are ended: their rows, still active until the write, are left out.
    const skip = [...mine.map((f) => f.id), ...this.abortedRows];
    const rows = await this.reader.frames(this.execution.id, { parents: readable, statuses, skip, limit });
    return { own, rows };
  }

  /** Forgets a parent's children (a Parallel or Map state entered again); their rows go when the session is written. */
  deleteChildren(parent: LiveFrame): void {
    for (const [id, frame] of this.frames) if (frame.parentFrameId === parent.id) this.frames.delete(id);
    if (!parent.isNew) this.deletedChildrenOf.add(parent.id);
  }

  /** Holds a frame read from its row, without running it. */
  private remember(frame: LiveFrame): LiveFrame {
    this.frames.set(frame.id, frame);
    return frame;
  }

  /** Sets the frame to run next with `event` (or to enter its state when undefined). */
  wake(frame: LiveFrame, event?: LiveFrame['event']): void {
    frame.status = 'RUNNING';
    frame.event = event;
    frame.dirty = true;
    this.queue.push(frame);
  }

  newId(): string {
    return randomUUID();
  }

  /** Writes rows another service owns when the session commits, in its transaction. */
  write(work: ServiceWrite): void {
    this.serviceWrites.push(work);
  }
}
