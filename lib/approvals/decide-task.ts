/**
 * An approver decides a task from the inbox (or the API on their behalf). Authorization is in
 * the query: the actor must be one of the task's assignees, else NOT_FOUND. The requester may
 * not approve their own request unless the state allows it (FORBIDDEN). Own transaction.
 */
import type { Actor } from '../auth/actor';
import { db } from '../db/client';
import { AppError } from '../errors';
import { applyDecision, type DecisionInput, type DecisionResult } from './apply-decision';

export interface DecideTaskOptions extends DecisionInput {
  taskId: string;
  actor: Actor;
  via?: 'inbox' | 'api';
}

export async function decideTask({
  taskId,
  actor,
  via = 'inbox',
  ...input
}: DecideTaskOptions): Promise<DecisionResult> {
  if (actor.type !== 'user' || !actor.id) throw new AppError('UNAUTHORIZED', 'Sign in to decide a request.');
  const task = await db.approvalTask.findUnique({
    where: { id: taskId },
    select: { id: true, requesterUserId: true, allowSelfApproval: true },
  });
  if (!task) throw new AppError('NOT_FOUND', 'There is no such request.');
  if (input.decision === 'approve' && !task.allowSelfApproval && task.requesterUserId === actor.id) {
    throw new AppError('FORBIDDEN', 'You started this request, so you may not approve it yourself.');
  }
  const assignee = await db.approvalAssignee.findFirst({
    where: { taskId, userId: actor.id },
    select: { id: true },
  });
  if (!assignee) throw new AppError('NOT_FOUND', 'There is no such request among yours.');
  return applyDecision({ taskId, assigneeId: assignee.id, actor, via, input });
}
