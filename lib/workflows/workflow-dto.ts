/** What the workflow services return: never raw rows. */
import type { Tx } from '../db/client';
import { AppError } from '../errors';

interface WorkflowVersionSummary {
  version: number;
  definitionHash: string;
  description: string | null;
  createdAt: Date;
}

export interface WorkflowDetail {
  id: string;
  name: string;
  description: string | null;
  type: string;
  currentVersion: number;
  tags: Record<string, string>;
  createdAt: Date;
  updatedAt: Date;
  /** the current version's definition text */
  definition: string;
  versions: WorkflowVersionSummary[];
}

const workflowDetailSelect = {
  id: true,
  name: true,
  description: true,
  type: true,
  currentVersion: true,
  tags: true,
  createdAt: true,
  updatedAt: true,
  versions: {
    orderBy: { version: 'desc' },
    select: { version: true, definitionHash: true, description: true, createdAt: true, definition: true },
  },
} as const;

/** Loads a live workflow by id or by name, with its versions (newest first). */
export async function loadWorkflowDetail(tx: Tx, idOrName: string): Promise<WorkflowDetail> {
  const row = await tx.workflow.findFirst({
    where: { deletedAt: null, OR: [{ id: idOrName }, { name: idOrName }] },
    select: workflowDetailSelect,
  });
  if (!row) throw new AppError('NOT_FOUND', `Workflow ${idOrName} does not exist.`);
  const current = row.versions.find((v) => v.version === row.currentVersion);
  return {
    ...row,
    tags: JSON.parse(row.tags) as Record<string, string>,
    definition: current?.definition ?? '',
    versions: row.versions.map(({ definition: _definition, ...summary }) => summary),
  };
}
