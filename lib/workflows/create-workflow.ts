/** Creates a workflow with its version 1, after validating the definition. Own transaction. */
import type { Actor, RequestInfo } from '../auth/actor';
import { authorize } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import { runAudited } from '../audit/run-audited';
import { AppError } from '../errors';
import { assertValidDefinition, definitionHash, type WorkflowType } from './check-definition';
import { loadWorkflowDetail, type WorkflowDetail } from './workflow-dto';

export interface CreateWorkflowOptions {
  name: string;
  /** the definition's JSON text */
  definition: string;
  description?: string;
  tags?: Record<string, string>;
  /** EXPRESS: runs synchronously (StartSyncExecution), nothing that waits outside the run */
  type?: WorkflowType;
  actor: Actor;
  request?: RequestInfo;
}

export async function createWorkflow(options: CreateWorkflowOptions): Promise<WorkflowDetail> {
  const { name, definition, description, tags, actor, request } = options;
  const type = options.type ?? 'STANDARD';
  await authorize(actor, 'workflows:write');
  assertValidDefinition(definition, type);
  const hash = definitionHash(definition);
  return runAudited(async (tx) => {
    if (await tx.workflow.findUnique({ where: { name }, select: { id: true } })) {
      throw new AppError('CONFLICT', `A workflow named "${name}" already exists.`, {
        details: { awsErrorType: 'StateMachineAlreadyExists' },
      });
    }
    const createdById = actor.type === 'user' ? actor.id : undefined;
    const workflow = await tx.workflow.create({
      data: {
        name,
        type,
        description,
        tags: JSON.stringify(tags ?? {}),
        versions: { create: { version: 1, definition, definitionHash: hash, description, createdById } },
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      request,
      type: 'WORKFLOW_CREATED',
      data: { workflowId: workflow.id, name, version: 1, ...(type === 'EXPRESS' ? { type } : {}) },
      target: { type: 'workflow', id: workflow.id },
    });
    return loadWorkflowDetail(tx, workflow.id);
  });
}
