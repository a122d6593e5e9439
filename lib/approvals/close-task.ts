/**
 * Ends an approval task that will get no decision, in the transaction that ended its state: the
 * status and a reason a person can read, its reminder and escalation timers cancelled, one
 * "no longer needed" mail per person asked and to the requester, and a TASK_CLOSED audit entry.
 * Compare-and-set on PENDING, so a task is closed once, whatever raced it.
 */
import { systemActor } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import type { Tx } from '../db/client';
import type { EndedTokens } from '../engine';
import { enqueueMail } from '../mail/enqueue-mail';
import { renderTaskClosed } from '../mail/templates/task-closed';
import { closingFor, SUPERSEDED, type Closing } from './closing-reason';

interface CloseArgs extends Closing {
  at: Date;
  supersededById?: string;
}

/** Closes a PENDING task; false when it was no longer pending. */
async function closeTask(tx: Tx, taskId: string, args: CloseArgs): Promise<boolean> {
  const { count } = await tx.approvalTask.updateMany({
    where: { id: taskId, status: 'PENDING' },
    data: {
      status: args.status,
      closedReason: args.reason,
      decidedAt: args.at,
      ...(args.supersededById ? { supersededById: args.supersededById } : {}),
    },
  });
  if (count === 0) return false;
  await tx.timer.updateMany({
    where: { approvalTaskId: taskId, status: 'PENDING' },
    data: { status: 'CANCELLED' },
  });
  await mailClosing(tx, taskId, args);
  await recordAudit(tx, {
    actor: systemActor,
    type: 'TASK_CLOSED',
    target: { type: 'approvalTask', id: taskId },
    reason: args.reason,
    data: {
      taskId,
      status: args.status,
      reason: args.reason,
      ...(args.supersededById ? { supersededById: args.supersededById } : {}),
    },
  });
  return true;
}

/** One mail per person: everyone asked (decided or not), and the requester. */
async function mailClosing(tx: Tx, taskId: string, args: CloseArgs): Promise<void> {
  const task = await tx.approvalTask.findUniqueOrThrow({
    where: { id: taskId },
    select: {
      title: true,
      executionId: true,
      execution: { select: { workflow: { select: { name: true } } } },
      requesterUserId: true,
      assignees: { where: { status: { not: 'CANCELLED' } }, select: { email: true } },
    },
  });
  const requester = task.requesterUserId
    ? await tx.user.findUnique({ where: { id: task.requesterUserId }, select: { email: true } })
    : null;
  const recipients = new Map<string, 'approver' | 'requester'>();
  if (requester) recipients.set(requester.email.toLowerCase(), 'requester');
  for (const { email } of task.assignees)
    if (!recipients.has(email.toLowerCase())) recipients.set(email.toLowerCase(), 'approver');
  for (const [to, role] of recipients) {
    const mail = renderTaskClosed({
      title: task.title,
      workflowName: task.execution.workflow.name,
      status: args.status,
      reason: args.reason,
      role,
    });
    await enqueueMail(tx, {
      kind: 'task-closed',
      to,
      ...mail,
      executionId: task.executionId,
      approvalTaskId: taskId,
    });
  }
}

/** The engine's token-end listener: the approval tasks of those tokens close with the reason. */
export async function closeTasksForEndedTokens(tx: Tx, { tokenIds, ending, at }: EndedTokens): Promise<void> {
  const tasks = await tx.approvalTask.findMany({
    where: { taskTokenId: { in: tokenIds }, status: 'PENDING' },
    select: { id: true, createdAt: true, dueAt: true },
  });
  for (const task of tasks) await closeTask(tx, task.id, { ...closingFor(ending, task, at), at });
}

/**
 * A new task for a state (a redrive or a Retry re-entered it) replaces the earlier ones of the
 * same state of the same frame: they point to it, and one still pending closes. There is never
 * more than one live task for one state of one execution.
 */
export async function supersedeEarlierTasks(
  tx: Tx,
  args: { taskId: string; executionId: string; frameId: string; stateName: string; at: Date },
): Promise<void> {
  const earlier = await tx.approvalTask.findMany({
    where: {
      executionId: args.executionId,
      stateName: args.stateName,
      supersededById: null,
      id: { not: args.taskId },
      taskToken: { frameId: args.frameId },
    },
    select: { id: true },
  });
  for (const { id } of earlier) {
    const closed = await closeTask(tx, id, { ...SUPERSEDED, at: args.at, supersededById: args.taskId });
    if (!closed) await tx.approvalTask.update({ where: { id }, data: { supersededById: args.taskId } });
  }
}
