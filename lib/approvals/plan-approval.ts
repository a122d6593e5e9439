/**
 * What an approval state asks for, worked out from its parameters and the execution: the
 * parsed config, the people asked (the requester left out unless AllowSelfApproval), and who
 * asked. A problem is a cause line; the state then fails with Approval.InvalidConfiguration.
 */
import type { Tx } from '../db/client';
import { isAppError } from '../errors';
import { parseApprovalConfig, type ApprovalConfig } from './config-schema';
import { resolveApprovers, type ResolvedApprover } from './resolve-approvers';

export interface ApprovalPlan {
  config: ApprovalConfig;
  assignees: ResolvedApprover[];
  execution: {
    id: string;
    workflowName: string;
    requesterUserId: string | null;
    requesterApiKeyId: string | null;
    requesterLabel: string;
  };
}

export async function planApproval(
  tx: Tx,
  executionId: string,
  parameters: unknown,
  now: Date,
): Promise<{ ok: true; plan: ApprovalPlan } | { ok: false; cause: string }> {
  const parsed = parseApprovalConfig(parameters);
  if (!parsed.ok) return parsed;
  const { config } = parsed;
  const execution = await loadRequester(tx, executionId);
  let assignees: ResolvedApprover[];
  try {
    assignees = await resolveApprovers(tx, config.Approvers, now);
  } catch (error) {
    if (isAppError(error)) return { ok: false, cause: error.message };
    throw error;
  }
  if (!config.AllowSelfApproval && execution.requesterUserId)
    assignees = assignees.filter((a) => a.userId !== execution.requesterUserId);
  if (assignees.length === 0)
    return {
      ok: false,
      cause: 'Approvers: nobody can decide this request (no approver other than the requester).',
    };
  const needed = config.Policy.Mode === 'quorum' ? (config.Policy.Count ?? 1) : 1;
  if (needed > assignees.length && !config.Escalation) {
    return {
      ok: false,
      cause: `Policy.Count: a quorum of ${needed} needs at least ${needed} approvers; ${assignees.length} resolved.`,
    };
  }
  return { ok: true, plan: { config, assignees, execution } };
}

async function loadRequester(tx: Tx, executionId: string): Promise<ApprovalPlan['execution']> {
  const row = await tx.execution.findUniqueOrThrow({
    where: { id: executionId },
    select: {
      id: true,
      requesterUserId: true,
      requesterApiKeyId: true,
      workflow: { select: { name: true } },
      requesterUser: { select: { email: true } },
      requesterApiKey: { select: { name: true } },
    },
  });
  const requesterLabel =
    row.requesterUser?.email ?? (row.requesterApiKey ? `API key ${row.requesterApiKey.name}` : 'the system');
  return {
    id: row.id,
    workflowName: row.workflow.name,
    requesterUserId: row.requesterUserId,
    requesterApiKeyId: row.requesterApiKeyId,
    requesterLabel,
  };
}
