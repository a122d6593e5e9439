/**
 * Publishes a new immutable version and makes it current. Uploading the current version's
 * exact text again changes nothing (`created: false`). Own transaction.
 */
import type { Actor, RequestInfo } from '../auth/actor';
import { authorize } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import { runAudited } from '../audit/run-audited';
import { assertValidDefinition, definitionHash } from './check-definition';
import { loadWorkflowDetail, type WorkflowDetail } from './workflow-dto';

export interface CreateWorkflowVersionOptions {
  /** id or name */
  workflowId: string;
  definition: string;
  description?: string;
  actor: Actor;
  request?: RequestInfo;
}

export async function createWorkflowVersion(
  options: CreateWorkflowVersionOptions,
): Promise<{ workflow: WorkflowDetail; created: boolean }> {
  const { definition, description, actor, request } = options;
  await authorize(actor, 'workflows:write');
  assertValidDefinition(definition);
  const hash = definitionHash(definition);
  return runAudited(async (tx) => {
    const current = await loadWorkflowDetail(tx, options.workflowId);
    if (current.type === 'EXPRESS') assertValidDefinition(definition, 'EXPRESS');
    const latest = Math.max(...current.versions.map((v) => v.version));
    if (current.versions.find((v) => v.version === current.currentVersion)?.definitionHash === hash) {
      return { workflow: current, created: false };
    }
    const version = latest + 1;
    const createdById = actor.type === 'user' ? actor.id : undefined;
    await tx.workflowVersion.create({
      data: { workflowId: current.id, version, definition, definitionHash: hash, description, createdById },
    });
    await tx.workflow.update({ where: { id: current.id }, data: { currentVersion: version } });
    await recordAudit(tx, {
      actor,
      request,
      type: 'WORKFLOW_VERSION_CREATED',
      data: { workflowId: current.id, version, definitionHash: hash },
      target: { type: 'workflow', id: current.id },
    });
    return { workflow: await loadWorkflowDetail(tx, current.id), created: true };
  });
}
