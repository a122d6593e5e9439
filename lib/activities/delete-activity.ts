/** Deletes an activity; its pending tasks stay until they time out, as on AWS. Own transaction. An API key needs workflows:write. */
import type { Actor, RequestInfo } from '../auth/actor';
import { authorize } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import { runAudited } from '../audit/run-audited';
import { AppError } from '../errors';

export async function deleteActivity({
  name,
  actor,
  request,
}: {
  name: string;
  actor: Actor;
  request?: RequestInfo;
}): Promise<void> {
  await authorize(actor, 'workflows:write');
  await runAudited(async (tx) => {
    const row = await tx.activity.findFirst({
      where: { OR: [{ name }, { id: name }] },
      select: { id: true, name: true },
    });
    if (!row)
      throw new AppError('NOT_FOUND', `Activity ${name} does not exist.`, {
        details: { awsErrorType: 'ActivityDoesNotExist' },
      });
    await tx.activity.delete({ where: { id: row.id } });
    await recordAudit(tx, {
      actor,
      request,
      type: 'ACTIVITY_DELETED',
      data: { activityId: row.id, name: row.name },
      target: { type: 'activity', id: row.id },
    });
  });
}
