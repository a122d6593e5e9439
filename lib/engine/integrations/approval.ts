/**
 * `approval`: the human approval step. The engine issues the task token and waits; the
 * approvals feature registers a handler (setApprovalHandler: the engine must not import it)
 * that checks the state's parameters before a token is issued and, once the token row exists,
 * receives the raw token in memory (it is never stored) to create the approval task and its
 * mail. With no handler registered the state simply waits.
 */
import type { JsonValue } from '../../asl';
import type { Tx } from '../../db/client';
import type { Integration, TaskOutcome } from './integration';

export interface ApprovalRequest {
  executionId: string;
  frameId: string;
  stateName: string;
  taskTokenId: string;
  /** The raw token: hand it to approvers' links, never persist it. */
  token: string;
  parameters: JsonValue;
  timeoutAt?: Date;
  /** What `check` worked out in this transaction (the handler's own type), so it is not done twice. */
  prepared: unknown;
}

export interface ApprovalHandler {
  /**
   * Reads only (through `query`). A failure (e.g. Approval.InvalidConfiguration) fails the state
   * at once instead of waiting; otherwise what it prepared reaches `requested`.
   */
  check(
    query: Tx,
    request: { executionId: string; parameters: JsonValue },
  ): Promise<{ failure: Extract<TaskOutcome, { error: string }> } | { prepared: unknown }>;
  /** Called in the transaction that commits the paused approval state, after its TaskToken row is written. */
  requested(tx: Tx, request: ApprovalRequest): Promise<void>;
}

const holder = globalThis as unknown as { signoffApprovalHandler?: ApprovalHandler };

/** Registered by lib/approvals in every process that runs the engine. */
export function setApprovalHandler(handler: ApprovalHandler | undefined): void {
  holder.signoffApprovalHandler = handler;
}

async function onApprovalRequested(tx: Tx, request: ApprovalRequest): Promise<void> {
  await holder.signoffApprovalHandler?.requested(tx, request);
}

export const approvalIntegration: Integration = {
  name: 'approval',
  matches: (resource) => resource === 'approval' || resource === `approval.waitForTaskToken`,
  async start(query, task) {
    const checked = await holder.signoffApprovalHandler?.check(query, {
      executionId: task.executionId,
      parameters: task.input,
    });
    if (checked && 'failure' in checked) return { kind: 'done', outcome: checked.failure };
    return { kind: 'callback', prepared: checked?.prepared };
  },
  async issued(tx, task, taskTokenId, prepared) {
    await onApprovalRequested(tx, {
      executionId: task.executionId,
      frameId: task.frameId,
      stateName: task.stateName,
      taskTokenId,
      token: task.taskToken,
      parameters: task.input,
      ...(task.timeoutAt ? { timeoutAt: task.timeoutAt } : {}),
      prepared,
    });
  },
};
