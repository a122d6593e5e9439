/**
 * `approval`: the human approval step. The engine issues the task token and waits; the hook
 * below receives the raw token in memory (it is never stored) to create the approval task and
 * its mail. The approvals feature fills the hook in; for now the state simply waits.
 */
import type { JsonValue } from '../../asl';
import type { Tx } from '../../db/client';
import type { Integration } from './integration';

export interface ApprovalRequest {
  executionId: string;
  frameId: string;
  stateName: string;
  taskTokenId: string;
  /** The raw token: hand it to approvers' links, never persist it. */
  token: string;
  parameters: JsonValue;
  timeoutAt?: Date;
}

/** Called in the transaction that paused the approval state, after its TaskToken row exists. */
export async function onApprovalRequested(_tx: Tx, _request: ApprovalRequest): Promise<void> {
  // The approvals feature (next issue) creates the ApprovalTask, its assignees and the outbox mail here.
}

export const approvalIntegration: Integration = {
  name: 'approval',
  matches: (resource) => resource === 'approval' || resource === `approval.waitForTaskToken`,
  start: async () => ({ kind: 'callback' }),
  async issued(tx, task, taskTokenId) {
    await onApprovalRequested(tx, {
      executionId: task.executionId,
      frameId: task.frameId,
      stateName: task.stateName,
      taskTokenId,
      token: task.taskToken,
      parameters: task.input,
      ...(task.timeoutAt ? { timeoutAt: task.timeoutAt } : {}),
    });
  },
};
