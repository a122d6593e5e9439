import type { Actor } from '../auth/actor';
import { authorize } from '../auth/authorize';
import { db } from '../db/client';

export interface WorkflowSummary {
  id: string;
  name: string;
  description: string | null;
  currentVersion: number;
  updatedAt: Date;
}

/**
 * The workflows that are not deleted, by name. Anyone signed in may list them (the home page
 * passes no actor); an API key needs workflows:read.
 */
export async function listWorkflows({ actor }: { actor?: Actor } = {}): Promise<WorkflowSummary[]> {
  if (actor) await authorize(actor, 'workflows:read');
  return db.workflow.findMany({
    where: { deletedAt: null },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, description: true, currentVersion: true, updatedAt: true },
  });
}
