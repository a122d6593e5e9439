/** Changes a person's role; the last active admin cannot be demoted. One audited transaction. */
import type { Actor, RequestInfo } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import { runAudited } from '../audit/run-audited';
import { AppError } from '../errors';
import { assertAdmin } from '../auth/assert-admin';
import { roleSchema } from './roles';

export async function changeRole({
  userId,
  role,
  actor,
  request,
}: {
  userId: string;
  role: string;
  actor: Actor;
  request?: RequestInfo;
}) {
  const parsed = roleSchema.safeParse(role);
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'A role is admin, manager or approver.');
  return runAudited(async (tx) => {
    await assertAdmin(tx, actor);
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true, email: true, role: true, disabledAt: true },
    });
    if (!user) throw new AppError('NOT_FOUND', 'There is no such person.');
    if (user.role === parsed.data) return { id: user.id, role: user.role };
    if (user.role === 'admin' && !user.disabledAt) {
      const admins = await tx.user.count({ where: { role: 'admin', disabledAt: null } });
      if (admins <= 1)
        throw new AppError('CONFLICT', `${user.email} is the last active admin and stays an admin.`);
    }
    await tx.user.update({ where: { id: userId }, data: { role: parsed.data } });
    await recordAudit(tx, {
      actor,
      request,
      type: 'USER_ROLE_CHANGED',
      target: { type: 'user', id: userId },
      data: { userId, from: user.role, to: parsed.data },
    });
    return { id: user.id, role: parsed.data };
  });
}
