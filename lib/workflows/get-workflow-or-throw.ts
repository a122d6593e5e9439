import type { Actor } from '../auth/actor';
import { authorize } from '../auth/authorize';
import { db } from '../db/client';
import { AppError } from '../errors';
import { loadWorkflowDetail, type WorkflowDetail } from './workflow-dto';

/** A live workflow by id or name, with its versions; NOT_FOUND otherwise. An API key needs workflows:read. */
export async function getWorkflowOrThrow({
  id,
  actor,
}: {
  id: string;
  actor: Actor;
}): Promise<WorkflowDetail> {
  await authorize(actor, 'workflows:read');
  return loadWorkflowDetail(db, id);
}

export interface WorkflowVersionDetail {
  workflowId: string;
  version: number;
  definition: string;
  definitionHash: string;
  description: string | null;
  createdAt: Date;
}

/** One version's definition (versions of a deleted workflow stay readable for its executions). An API key needs workflows:read. */
export async function getWorkflowVersionOrThrow({
  workflowId,
  version,
  actor,
}: {
  workflowId: string;
  version: number;
  actor: Actor;
}): Promise<WorkflowVersionDetail> {
  await authorize(actor, 'workflows:read');
  const row = await db.workflowVersion.findFirst({
    where: { version, workflow: { OR: [{ id: workflowId }, { name: workflowId }] } },
    select: {
      workflowId: true,
      version: true,
      definition: true,
      definitionHash: true,
      description: true,
      createdAt: true,
    },
  });
  if (!row) throw new AppError('NOT_FOUND', `Workflow ${workflowId} has no version ${version}.`);
  return row;
}
