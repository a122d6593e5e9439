/**
 * An execution that a parent's task started (`states:startExecution`) ended: a layer above the
 * engine (lib/executions) registers a listener that answers the parent's task in the same
 * transaction, so a child's end and its parent's wake-up commit together. Only executions with
 * a parent task reach the listener; the direct path hands those to the Prisma transaction.
 */
import type { JsonValue } from '../../asl';
import type { Tx } from '../../db/client';
import { ARN_PREFIX, executionArnOf } from '../constants';
import type { Session } from './session';

export interface EndedChild {
  parentTaskTokenId: string;
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

/** Makes `listener` hear of every execution with a parent task that ends. */
export function onExecutionEnded(listener: ExecutionEndListener): void {
  listeners.add(listener);
}

export async function executionEnded(session: Session, ended: NonNullable<Session['ended']>): Promise<void> {
  const { execution, pinned } = session;
  if (!execution.parentTaskTokenId) return;
  const child: EndedChild = {
    parentTaskTokenId: execution.parentTaskTokenId,
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
  for (const listener of listeners) await listener(session.tx, child);
}
