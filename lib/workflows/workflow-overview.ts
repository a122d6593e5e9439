/**
 * The console's list of workflows: each with its current version, how many of its executions
 * run now, how many wait for a person, and its last execution. Four grouped queries, whatever
 * the number of workflows; a Distributed Map's child executions count under their parent only.
 * Admins (and keys with workflows:read) only.
 */
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/authorize';
import { db } from '../db/client';

export interface WorkflowOverview {
  id: string;
  name: string;
  description: string | null;
  /** STANDARD or EXPRESS */
  type: string;
  currentVersion: number;
  updatedAt: Date;
  running: number;
  /** running executions with a pending approval task */
  waiting: number;
  lastExecution: { id: string; name: string; status: string; startedAt: Date } | null;
}

export async function listWorkflowOverview({ actor }: { actor: Actor }): Promise<WorkflowOverview[]> {
  await authorize(actor, 'workflows:read');
  const workflows = await db.workflow.findMany({
    where: { deletedAt: null },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, description: true, type: true, currentVersion: true, updatedAt: true },
  });
  const ids = workflows.map((w) => w.id);
  const [running, waiting, latest] = await Promise.all([
    db.execution.groupBy({
      by: ['workflowId'],
      where: { workflowId: { in: ids }, status: 'RUNNING', mapRunId: null },
      _count: { _all: true },
    }),
    db.execution.groupBy({
      by: ['workflowId'],
      where: {
        workflowId: { in: ids },
        status: 'RUNNING',
        mapRunId: null,
        approvalTasks: { some: { status: 'PENDING' } },
      },
      _count: { _all: true },
    }),
    db.execution.groupBy({
      by: ['workflowId'],
      where: { workflowId: { in: ids }, mapRunId: null },
      _max: { startedAt: true },
    }),
  ]);
  const lastRows = await db.execution.findMany({
    where: {
      OR: latest
        .filter((l) => l._max.startedAt)
        .map((l) => ({ workflowId: l.workflowId, startedAt: l._max.startedAt! })),
      mapRunId: null,
    },
    orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
    select: { id: true, name: true, status: true, startedAt: true, workflowId: true },
  });
  const count = (rows: { workflowId: string; _count: { _all: number } }[], id: string) =>
    rows.find((r) => r.workflowId === id)?._count._all ?? 0;
  return workflows.map((w) => {
    const last = lastRows.find((r) => r.workflowId === w.id);
    return {
      ...w,
      running: count(running, w.id),
      waiting: count(waiting, w.id),
      lastExecution: last
        ? { id: last.id, name: last.name, status: last.status, startedAt: last.startedAt }
        : null,
    };
  });
}
