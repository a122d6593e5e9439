/** Lets a deactivated person sign in again. Audited. */
import type { Actor, RequestInfo } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import { runAudited } from '../audit/run-audited';
import { AppError } from '../errors';
import { assertAdmin } from '../auth/assert-admin';

export async function reactivateUser({
  userId,
  actor,
  request,
}: {
  userId: string;
  actor: Actor;
  request?: RequestInfo;
}) {
  return runAudited(async (tx) => {
    await assertAdmin(tx, actor);
    const { count } = await tx.user.updateMany({
      where: { id: userId, disabledAt: { not: null } },
      data: { disabledAt: null },
    });
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
    if (!user) throw new AppError('NOT_FOUND', 'There is no such person.');
    if (count > 0)
      await recordAudit(tx, {
        actor,
        request,
        type: 'USER_REACTIVATED',
        target: { type: 'user', id: userId },
        data: { userId, email: user.email },
      });
  });
}
