/**
 * Deactivates a person: they can no longer sign in, their sessions end at once, and their
 * undecided assignments are returned so an admin can reassign them. The last active admin
 * cannot be deactivated. One audited transaction.
 */
import type { Actor, RequestInfo } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import { runAudited } from '../audit/run-audited';
import { AppError } from '../errors';
import { assertAdmin } from '../auth/assert-admin';

export interface DeactivateUserOptions {
  /** the user's id or email address */
  user: string;
  actor: Actor;
  request?: RequestInfo;
  reason?: string;
}

export interface DeactivatedUser {
  id: string;
  email: string;
  sessionsEnded: number;
  /** approval tasks still waiting for this person's decision */
  pendingTaskIds: string[];
}

export async function deactivateUser({
  user,
  actor,
  request,
  reason,
}: DeactivateUserOptions): Promise<DeactivatedUser> {
  return runAudited(async (tx) => {
    await assertAdmin(tx, actor);
    const found = await tx.user.findFirst({
      where: { OR: [{ id: user }, { email: user.trim().toLowerCase() }] },
      select: { id: true, email: true, role: true, disabledAt: true },
    });
    if (!found) throw new AppError('NOT_FOUND', `No account for ${user}.`);
    if (found.role === 'admin' && !found.disabledAt) {
      const admins = await tx.user.count({ where: { role: 'admin', disabledAt: null } });
      if (admins <= 1)
        throw new AppError('CONFLICT', `${found.email} is the last active admin and stays active.`);
    }
    if (!found.disabledAt)
      await tx.user.update({ where: { id: found.id }, data: { disabledAt: new Date() } });
    const { count } = await tx.session.deleteMany({ where: { userId: found.id } });
    const pending = await tx.approvalAssignee.findMany({
      where: { userId: found.id, status: 'PENDING', task: { status: 'PENDING' } },
      select: { taskId: true },
    });
    await recordAudit(tx, {
      actor,
      request,
      reason,
      type: 'USER_DEACTIVATED',
      target: { type: 'user', id: found.id },
      data: { userId: found.id, email: found.email, sessionsEnded: count },
    });
    return {
      id: found.id,
      email: found.email,
      sessionsEnded: count,
      pendingTaskIds: pending.map((p) => p.taskId),
    };
  });
}
