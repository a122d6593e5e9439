/**
 * One task as the inbox shows it, looked up with the viewer's scope in the `where` (outside
 * it: NOT_FOUND). Says whether the viewer may decide it now, and why not when they may not,
 * with the stored facts the page words its note from (describe-outcome.ts), and what a task
 * page adds (task-facts.ts): everyone asked and what each decided, the policy in words,
 * reminders, escalation, the claim, and what else the viewer may do.
 */
import { db } from '../db/client';
import { engineNow } from '../engine';
import { AppError } from '../errors';
import { liveClaimHolder } from './claim-rules';
import { commentRequired, type FormField } from './config-schema';
import { outcomeFactsOf, type OutcomeFacts } from './describe-outcome';
import { inboxScope, type InboxViewer } from './inbox-scope';
import type { InboxTaskSummary } from './list-inbox-tasks';
import { loadTaskFacts, type TaskFacts } from './task-facts';

interface InboxDecisionView {
  by: string;
  decision: string;
  at: string;
  comment: string | null;
  via: string;
  you: boolean;
}

export interface InboxTaskView extends InboxTaskSummary, OutcomeFacts, TaskFacts {
  taskId: string;
  details: unknown;
  form: FormField[];
  commentRequiredOn: { approve: boolean; reject: boolean };
  decisions: InboxDecisionView[];
  /** pending past its due time */
  overdue: boolean;
  canDecide: boolean;
  /** why the viewer cannot decide (null when they can); `claimed`: someone else's claim holds (see claim) */
  blockedReason: 'not-asked' | 'already-decided' | 'closed' | 'claimed' | null;
  executionId: string;
  /** the approval state's name and the definition of the version that runs it (the task page's graph) */
  stateName: string;
  definition: string;
}

async function loadTask(taskId: string, viewer: InboxViewer) {
  return db.approvalTask.findFirst({
    where: { AND: [{ id: taskId }, inboxScope(viewer)] },
    include: {
      execution: {
        select: {
          status: true,
          error: true,
          workflow: { select: { name: true } },
          workflowVersion: { select: { definition: true } },
        },
      },
      taskToken: { select: { status: true } },
      assignees: { where: { userId: viewer.id }, select: { status: true } },
      decisions: {
        orderBy: { at: 'asc' },
        select: { byEmail: true, byUserId: true, decision: true, at: true, comment: true, via: true },
      },
      _count: { select: { assignees: { where: { status: { not: 'CANCELLED' } } } } },
    },
  });
}

type LoadedTask = NonNullable<Awaited<ReturnType<typeof loadTask>>>;

/** Still waiting for decisions: pending, its token and execution alive, not past its deadline. */
function isOpen(task: LoadedTask, now: Date): boolean {
  return (
    task.status === 'PENDING' &&
    task.taskToken.status === 'PENDING' &&
    task.execution.status === 'RUNNING' &&
    !(task.dueAt && task.dueAt <= now)
  );
}

function blockedReason(task: LoadedTask, viewerId: string, now: Date): InboxTaskView['blockedReason'] {
  if (!isOpen(task, now)) return 'closed';
  if (task.assignees.length === 0 || task.assignees.every((a) => a.status === 'CANCELLED'))
    return 'not-asked';
  if (!task.assignees.some((a) => a.status === 'PENDING')) return 'already-decided';
  const holder = liveClaimHolder(task, now);
  if (holder && holder !== viewerId) return 'claimed';
  return null;
}

export async function getInboxTaskOrThrow({
  taskId,
  viewer,
}: {
  taskId: string;
  viewer: InboxViewer;
}): Promise<InboxTaskView> {
  const task = await loadTask(taskId, viewer);
  if (!task) throw new AppError('NOT_FOUND', 'There is no such request in your inbox.');
  const now = engineNow();
  const reason = blockedReason(task, viewer.id, now);
  const form = JSON.parse(task.form) as FormField[];
  return {
    taskId: task.id,
    title: task.title,
    details: JSON.parse(task.details) as unknown,
    workflowName: task.execution.workflow.name,
    requester: task.requesterLabel ?? 'someone',
    createdAt: task.createdAt.toISOString(),
    dueAt: task.dueAt?.toISOString() ?? null,
    decidedAt: task.decidedAt?.toISOString() ?? null,
    escalatedAt: task.escalatedAt?.toISOString() ?? null,
    escalatedTo: task.escalatedAt ? (JSON.parse(task.escalateTo) as string[]) : [],
    ...outcomeFactsOf(task),
    form,
    commentRequiredOn: { approve: commentRequired(form, 'approve'), reject: commentRequired(form, 'reject') },
    decisions: task.decisions.map((d) => ({
      by: d.byEmail,
      decision: d.decision,
      at: d.at.toISOString(),
      comment: d.comment,
      via: d.via,
      you: d.byUserId === viewer.id,
    })),
    overdue: task.status === 'PENDING' && task.dueAt !== null && task.dueAt <= now,
    canDecide: reason === null,
    blockedReason: reason,
    executionId: task.executionId,
    stateName: task.stateName,
    definition: task.execution.workflowVersion.definition,
    ...(await loadTaskFacts(task, viewer, isOpen(task, now), now)),
  };
}
