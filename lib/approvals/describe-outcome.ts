/**
 * What a decision did, or what happened instead, in sentences built only from stored facts:
 * the task's status and reason, its policy, its OnReject and its execution's state (pure).
 * The link pages and the inbox say the same thing with these.
 */
import { approvalsStillNeeded } from './policy';
export interface OutcomeFacts {
  status: string;
  onReject: string;
  closedReason: string | null;
  policy: { mode: string; count: number; stillNeeded: number };
  execution: { status: string; error: string | null };
}

/** The facts of a loaded task row (with its decisions and the count of people still asked). */
export function outcomeFactsOf(task: {
  status: string;
  onReject: string;
  closedReason: string | null;
  policyMode: string;
  policyCount: number;
  decisions: Array<{ decision: string }>;
  _count: { assignees: number };
  execution: { status: string; error: string | null };
}): OutcomeFacts {
  const policy = { mode: task.policyMode, count: task.policyCount };
  return {
    status: task.status,
    onReject: task.onReject,
    closedReason: task.closedReason,
    policy: {
      ...policy,
      stillNeeded: approvalsStillNeeded({
        ...policy,
        assignees: task._count.assignees,
        decisions: task.decisions,
      }),
    },
    execution: { status: task.execution.status, error: task.execution.error },
  };
}

const ENDED: Record<string, string> = {
  SUCCEEDED: 'succeeded',
  FAILED: 'failed',
  TIMED_OUT: 'timed out',
  ABORTED: 'was stopped',
};

/** "The workflow has ended: failed (Approval.Rejected)." when it has ended, else "". */
function workflowEnded(execution: OutcomeFacts['execution']): string {
  const word = ENDED[execution.status];
  if (!word) return '';
  return `The workflow has ended: it ${word}${execution.error ? ` (${execution.error})` : ''}.`;
}

/** While undecided under `all` or `quorum`: "It waits for 1 more approval (all of the people asked must approve)." */
function waitingFor({ mode, count, stillNeeded }: OutcomeFacts['policy']): string {
  const rule =
    mode === 'all'
      ? 'all of the people asked must approve'
      : mode === 'quorum'
        ? `${count} approvals are needed`
        : 'one approval is enough';
  return `It waits for ${stillNeeded} more approval${stillNeeded === 1 ? '' : 's'} (${rule}) before its workflow goes on.`;
}

/** What the settled (or closed) request did to its workflow. */
export function workflowEffect(facts: OutcomeFacts): string {
  const ended = workflowEnded(facts.execution);
  const then = ended ? ` ${ended}` : '';
  switch (facts.status) {
    case 'PENDING':
      return waitingFor(facts.policy);
    case 'APPROVED':
      return ended
        ? `The workflow went on with the approval. ${ended}`
        : 'Its workflow continues with the approval.';
    case 'REJECTED':
      return facts.onReject === 'output'
        ? `The workflow went on with the rejection as the step's result.${then}`
        : `The step failed with Approval.Rejected: the workflow goes to its handler for that error if it has one, and fails otherwise.${then}`;
    case 'EXPIRED':
      return `The step failed with States.Timeout.${then}`;
    default:
      return ended;
  }
}
