import { db } from '../db/client';

export interface WorkflowSummary {
  id: string;
  name: string;
  description: string | null;
  currentVersion: number;
  updatedAt: Date;
}

/** The workflows that are not deleted, by name. Anyone signed in, and the home page, may list them. */
export async function listWorkflows(): Promise<WorkflowSummary[]> {
  return db.workflow.findMany({
    where: { deletedAt: null },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, description: true, currentVersion: true, updatedAt: true },
  });
}
