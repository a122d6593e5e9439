/** Runnable executions this worker may take: nobody holds them, the lease ran out, or it is ours. */
import { db } from '../../db/client';
import { engineNow } from '../clock';

export async function findClaimableExecutions(workerId: string, limit: number): Promise<string[]> {
  const rows = await db.execution.findMany({
    where: { status: 'RUNNING', runnable: true, OR: [{ leaseOwner: null }, { leaseOwner: workerId }, { leaseUntil: { lt: engineNow() } }] },
    orderBy: { leaseUntil: 'asc' },
    take: limit,
    select: { id: true },
  });
  return rows.map((r) => r.id);
}
