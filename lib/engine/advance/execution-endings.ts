/**
 * A child execution ended — one a parent's task started (`states:startExecution`), or one item
 * of a Distributed Map's run. Listeners answer the parent in the same transaction (lib/executions
 * for the task, map-runs.ts for the map run), so a child's end and its parent's wake-up commit
 * together: the listeners are the session's service writes, run in the transaction that
 * commits the child's end.
 */
import type { JsonValue } from '../../asl';
import type { Tx } from '../../db/client';
import { ARN_PREFIX, executionArnOf } from '../constants';
import type { Session } from './session';

export interface EndedChild {
  executionId: string;
  /** the parent's waiting task (states:startExecution), if any */
  parentTaskTokenId: string | null;
  /** the Distributed Map run it belongs to, if any */
  mapRunId: string | null;
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';
  input: string;
  output?: JsonValue;
  error?: string | null;
  cause?: string | null;
  startDate: Date;
  stopDate: Date;
}

export type ExecutionEndListener = (tx: Tx, ended: EndedChild) => Promise<void>;

const holder = globalThis as unknown as { signoffExecutionEndListeners?: Set<ExecutionEndListener> };
const listeners = (holder.signoffExecutionEndListeners ??= new Set<ExecutionEndListener>());

/** Makes `listener` hear of every child execution that ends. */
export function onExecutionEnded(listener: ExecutionEndListener): void {
  listeners.add(listener);
}

export async function executionEnded(session: Session, ended: NonNullable<Session['ended']>): Promise<void> {
  const { execution, pinned } = session;
  if (!execution.parentTaskTokenId && !execution.mapRunId) return;
  const child: EndedChild = {
    executionId: execution.id,
    parentTaskTokenId: execution.parentTaskTokenId,
    mapRunId: execution.mapRunId,
    executionArn: executionArnOf(pinned.workflowName, execution.name),
    stateMachineArn: `${ARN_PREFIX}:stateMachine:${pinned.workflowName}`,
    name: execution.name,
    status: ended.status,
    input: execution.input,
    ...(ended.output !== undefined ? { output: ended.output } : {}),
    error: ended.error ?? null,
    cause: ended.cause ?? null,
    startDate: execution.startedAt,
    stopDate: session.now,
  };
  session.write(async (tx) => {
    for (const listener of listeners) await listener(tx, child);
  });
}
