/**
 * The one interface every Task resource implements. `start` runs while the state's session
 * steps: it reads through the client it is given and writes rows only through
 * `task.session.write` (they commit with the session). It answers at once (`done`, e.g. a
 * mock), or leaves the task waiting on a token (callback, approval, activity, a child
 * execution) or on an invocation the engine runs after the commit (`invoke`, e.g. HTTP, AWS or
 * a registered function).
 */
import type { JsonValue } from '../../asl';
import type { Tx } from '../../db/client';
import type { Session } from '../advance/session';

export type TaskOutcome = { output: JsonValue } | { error: string; cause?: string };

/**
 * What one `invoke` call gives back: the task's outcome, or (an AWS `.sync` job still running)
 * what to poll next time and when. A poll is a durable timer, never a held promise.
 */
export type InvokeOutcome = TaskOutcome | { poll: JsonValue; afterSeconds: number };

export interface TaskStart {
  session: Session;
  executionId: string;
  frameId: string;
  stateName: string;
  resource: string;
  input: JsonValue;
  /** The raw token of this task (`$$.Task.Token`); only its hash may be stored. */
  taskToken: string;
  timeoutAt?: Date;
  heartbeatSeconds?: number;
}

export type StartResult =
  | { kind: 'done'; outcome: TaskOutcome }
  /** waits for SendTask*; `prepared` is what `start` worked out, handed on to `issued` */
  | { kind: 'callback'; prepared?: unknown }
  /** waits for an execution it started (`states:startExecution.sync`): only that child's end answers it */
  | { kind: 'child' }
  | { kind: 'activity'; activityName: string }
  | { kind: 'invoke'; callback: boolean };

export interface Integration {
  name: string;
  matches(resource: string): boolean;
  /** `query` reads (a transaction, or the shared client with writes refused); never write through it. */
  start(query: Tx, task: TaskStart): Promise<StartResult>;
  /**
   * For `invoke` tasks: the outside call, made after the commit (may run again after a crash).
   * `poll` is what the previous call asked to poll, when it answered `{ poll }`.
   */
  invoke?(resource: string, input: JsonValue, poll?: JsonValue): Promise<InvokeOutcome>;
  /**
   * Writes the integration's rows that refer to the task's token (approval: its task and mail),
   * with what `start` prepared: a service write, run in the committing transaction after the token row.
   */
  issued?(tx: Tx, task: TaskStart, taskTokenId: string, prepared?: unknown): Promise<void>;
}
