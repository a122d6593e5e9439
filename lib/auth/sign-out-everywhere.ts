/** Ends every session of a person (every browser, this one included). Audited. */
import type { RequestInfo } from './actor';
import { recordAudit } from '../audit/record-audit';
import { runAudited } from '../audit/run-audited';

export async function signOutEverywhere({ userId, request }: { userId: string; request?: RequestInfo }) {
  return runAudited(async (tx) => {
    const { count } = await tx.session.deleteMany({ where: { userId } });
    await recordAudit(tx, {
      actor: { type: 'user', id: userId },
      request,
      type: 'SIGNED_OUT_EVERYWHERE',
      target: { type: 'user', id: userId },
      data: { userId, sessionsEnded: count },
    });
    return { sessionsEnded: count };
  });
}
