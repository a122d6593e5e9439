/**
 * The holder of an email link decides that one task, without signing in: the link token is
 * looked up by its hash, must be unexpired and unused. Idempotent: a second click gets
 * ALREADY_DECIDED with the recorded outcome. Own transaction.
 */
import { db } from '../db/client';
import { engineNow } from '../engine';
import { AppError } from '../errors';
import { applyDecision, type DecisionInput, type DecisionResult } from './apply-decision';
import { hashLinkToken, isWellFormedLinkToken } from './link-tokens';
import { alreadyDecided } from './task-state-errors';

export async function decideTaskByToken({
  token,
  ...input
}: DecisionInput & { token: string }): Promise<DecisionResult> {
  if (!isWellFormedLinkToken(token)) throw new AppError('NOT_FOUND', 'This link is not valid.');
  const link = await db.approvalLink.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: {
      assignee: {
        select: {
          id: true,
          taskId: true,
          email: true,
          status: true,
          linkExpiresAt: true,
          task: { select: { id: true, status: true, outcome: true, decidedAt: true } },
        },
      },
    },
  });
  const assignee = link?.assignee;
  if (!assignee) throw new AppError('NOT_FOUND', 'This link is not valid.');
  if (assignee.status === 'DECIDED') throw alreadyDecided(assignee.task, 'You already decided this request.');
  if (assignee.task.status === 'APPROVED' || assignee.task.status === 'REJECTED')
    throw alreadyDecided(assignee.task);
  if (assignee.linkExpiresAt && assignee.linkExpiresAt <= engineNow() && assignee.status === 'PENDING') {
    throw new AppError('LINK_EXPIRED', 'This link expired before it was used.', {
      details: { taskId: assignee.taskId, status: 'EXPIRED' },
    });
  }
  const actor = { type: 'link' as const, id: assignee.id, label: assignee.email };
  return applyDecision({ taskId: assignee.taskId, assigneeId: assignee.id, actor, via: 'email-link', input });
}
