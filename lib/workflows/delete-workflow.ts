/**
 * Soft-deletes a workflow: it disappears from lists and cannot start executions; running
 * executions continue on their pinned version. The name is freed (as on AWS) by suffixing the
 * deleted row's name; the audit entry keeps the original. Own transaction.
 */
import type { Actor, RequestInfo } from '../auth/actor';
import { authorize } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import { runAudited } from '../audit/run-audited';
import { loadWorkflowDetail } from './workflow-dto';

export async function deleteWorkflow({
  id,
  actor,
  request,
}: {
  id: string;
  actor: Actor;
  request?: RequestInfo;
}): Promise<{ id: string; name: string }> {
  await authorize(actor, 'workflows:write');
  return runAudited(async (tx) => {
    const workflow = await loadWorkflowDetail(tx, id);
    const deletedAt = new Date();
    await tx.workflow.update({
      where: { id: workflow.id },
      data: { deletedAt, name: `${workflow.name}#deleted-${deletedAt.getTime()}` },
    });
    await recordAudit(tx, {
      actor,
      request,
      type: 'WORKFLOW_DELETED',
      data: { workflowId: workflow.id, name: workflow.name },
      target: { type: 'workflow', id: workflow.id },
    });
    return { id: workflow.id, name: workflow.name };
  });
}
