/**
 * Ends a delegation now (one not yet begun is removed). Tasks already handed over stay with the
 * delegate; new ones go to the person again. One audited transaction.
 */
import type { Actor, RequestInfo } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import { runAudited } from '../audit/run-audited';
import { AppError } from '../errors';
import { assertMayManageDelegations } from './delegation-access';

export async function endDelegation({
  id,
  actor,
  request,
}: {
  id: string;
  actor: Actor;
  request?: RequestInfo;
}) {
  const now = new Date();
  return runAudited(async (tx) => {
    const delegation = await tx.delegation.findUnique({ where: { id } });
    if (!delegation || delegation.endsAt <= now)
      throw new AppError('NOT_FOUND', 'There is no such delegation running.');
    await assertMayManageDelegations(tx, actor, delegation.fromUserId);
    if (delegation.startsAt > now) await tx.delegation.delete({ where: { id } });
    else await tx.delegation.update({ where: { id }, data: { endsAt: now } });
    await recordAudit(tx, {
      actor,
      request,
      type: 'DELEGATION_ENDED',
      target: { type: 'user', id: delegation.fromUserId },
      data: { delegationId: id, fromUserId: delegation.fromUserId, toUserId: delegation.toUserId },
    });
  });
}
