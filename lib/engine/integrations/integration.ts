/**
 * The one interface every Task resource implements. `start` runs inside the transaction that
 * paused the state and only writes rows: it answers at once (`done`, e.g. a mock), or leaves
 * the task waiting on a token (callback, approval, activity) or on an invocation the engine
 * runs after the commit (`invoke`, e.g. HTTP or a registered function).
 */
import type { JsonValue } from '../../asl';
import type { Tx } from '../../db/client';
import type { Session } from '../advance/session';

export type TaskOutcome = { output: JsonValue } | { error: string; cause?: string };

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
  | { kind: 'callback' }
  | { kind: 'activity'; activityName: string }
  | { kind: 'invoke'; callback: boolean };

export interface Integration {
  name: string;
  matches(resource: string): boolean;
  start(tx: Tx, task: TaskStart): Promise<StartResult>;
  /** For `invoke` tasks: the outside call, made after the commit (may run again after a crash). */
  invoke?(resource: string, input: JsonValue): Promise<TaskOutcome>;
  /** Called once the task's token row exists (approval uses it to create its task). */
  issued?(tx: Tx, task: TaskStart, taskTokenId: string): Promise<void>;
}
