/**
 * The inbox: the approval tasks a person may see (inboxScope, in the query's `where`),
 * pending or decided, oldest first or soonest due first, as DTOs for the list.
 */
import { z } from 'zod';
import { db } from '../db/client';
import { engineNow } from '../engine';
import type { Prisma } from '../db/generated/client';
import { inboxScope, type InboxViewer } from './inbox-scope';

export const inboxQuerySchema = z.object({
  status: z.enum(['pending', 'decided']).catch('pending'),
  sort: z.enum(['age', 'due']).catch('age'),
});

export type InboxQuery = z.infer<typeof inboxQuerySchema>;

/** The most rows the list shows. */
const INBOX_LIMIT = 200;

/** What the inbox list and the task page both show of a task (times as ISO strings). */
export interface InboxTaskSummary {
  title: string;
  workflowName: string;
  requester: string;
  status: string;
  createdAt: string;
  /** its state's TimeoutSeconds deadline; overdue only once it has passed */
  dueAt: string | null;
  decidedAt: string | null;
  /** when Escalation asked more people (its own mark, not "overdue") */
  escalatedAt: string | null;
  escalatedTo: string[];
}

export interface InboxTaskRow extends InboxTaskSummary {
  id: string;
  /** pending past its due time (escalation is its own mark) */
  overdue: boolean;
  /** the viewer's own assignment: undecided, decided, or not asked (a manager looking on) */
  mine: 'pending' | 'decided' | 'not-asked';
  /** the person the viewer was asked for (a delegation) */
  onBehalfOf: string | null;
}

function orderBy(sort: InboxQuery['sort']): Prisma.ApprovalTaskOrderByWithRelationInput[] {
  if (sort === 'due') return [{ dueAt: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }];
  return [{ createdAt: 'asc' }, { id: 'asc' }];
}

export async function listInboxTasks({
  viewer,
  query,
}: {
  viewer: InboxViewer;
  query: InboxQuery;
}): Promise<InboxTaskRow[]> {
  const status = query.status === 'pending' ? 'PENDING' : { not: 'PENDING' };
  const rows = await db.approvalTask.findMany({
    where: { AND: [inboxScope(viewer), { status }] },
    orderBy:
      query.status === 'decided' && query.sort === 'age'
        ? [{ decidedAt: 'desc' }, { createdAt: 'desc' }]
        : orderBy(query.sort),
    take: INBOX_LIMIT,
    select: {
      id: true,
      title: true,
      status: true,
      requesterLabel: true,
      createdAt: true,
      dueAt: true,
      decidedAt: true,
      escalatedAt: true,
      escalateTo: true,
      execution: { select: { workflow: { select: { name: true } } } },
      assignees: { where: { userId: viewer.id }, select: { status: true, delegatedFromUserId: true } },
    },
  });
  const now = engineNow();
  const delegators = await emailsOf(rows.flatMap((r) => r.assignees.map((a) => a.delegatedFromUserId)));
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    status: row.status,
    workflowName: row.execution.workflow.name,
    requester: row.requesterLabel ?? 'someone',
    createdAt: row.createdAt.toISOString(),
    dueAt: row.dueAt?.toISOString() ?? null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    escalatedAt: row.escalatedAt?.toISOString() ?? null,
    escalatedTo: row.escalatedAt ? (JSON.parse(row.escalateTo) as string[]) : [],
    overdue: row.status === 'PENDING' && row.dueAt !== null && row.dueAt <= now,
    onBehalfOf:
      delegators.get(row.assignees.find((a) => a.delegatedFromUserId)?.delegatedFromUserId ?? '') ?? null,
    mine:
      row.assignees.length === 0
        ? 'not-asked'
        : row.assignees.some((a) => a.status === 'PENDING')
          ? 'pending'
          : 'decided',
  }));
}

/** The emails of these users, by id (one query). */
async function emailsOf(ids: Array<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, email: true } });
  return new Map(users.map((u) => [u.id, u.email]));
}
