/**
 * The approval tasks of one execution, for the admin console's execution page: who was asked
 * (each person, how they were reached, whether they still have to answer) and the groups
 * behind them. Tasks a redrive or retry asked again are left out. Admins only (API keys:
 * executions:read).
 */
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/authorize';
import { db } from '../db/client';

interface ExecutionApprovalAssignee {
  email: string;
  name: string | null;
  /** 'direct', 'group:NAME', 'escalation' or 'delegation' */
  via: string;
  /** PENDING | DECIDED | CANCELLED */
  status: string;
}

export interface ExecutionApproval {
  taskId: string;
  stateName: string;
  title: string;
  /** PENDING | APPROVED | REJECTED | EXPIRED | CANCELLED */
  status: string;
  /** any | all | quorum, and how many approvals the policy needs */
  policy: { mode: string; count: number };
  /** ISO */
  createdAt: string;
  dueAt: string | null;
  assignees: ExecutionApprovalAssignee[];
  /** the groups whose members were asked (from `group:NAME` references) */
  groups: string[];
}

export async function listExecutionApprovals({
  executionId,
  actor,
}: {
  executionId: string;
  actor: Actor;
}): Promise<ExecutionApproval[]> {
  await authorize(actor, 'executions:read');
  const tasks = await db.approvalTask.findMany({
    where: { executionId, supersededById: null },
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      stateName: true,
      title: true,
      status: true,
      policyMode: true,
      policyCount: true,
      createdAt: true,
      dueAt: true,
      assignees: {
        orderBy: { createdAt: 'asc' },
        select: { email: true, via: true, status: true, user: { select: { name: true } } },
      },
    },
  });
  return tasks.map((task) => ({
    taskId: task.id,
    stateName: task.stateName,
    title: task.title,
    status: task.status,
    policy: { mode: task.policyMode, count: task.policyCount },
    createdAt: task.createdAt.toISOString(),
    dueAt: task.dueAt?.toISOString() ?? null,
    assignees: task.assignees.map((a) => ({
      email: a.email,
      name: a.user?.name ?? null,
      via: a.via,
      status: a.status,
    })),
    groups: [...new Set(task.assignees.filter((a) => a.via.startsWith('group:')).map((a) => a.via.slice(6)))],
  }));
}
