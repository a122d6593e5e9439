/**
 * Express executions are kept for a short time, as AWS keeps only their logs: an ended
 * execution of an EXPRESS workflow older than SIGNOFF_EXPRESS_RETENTION_HOURS (24) is deleted
 * with its history (the rows cascade). The audit trail keeps its EXECUTION_STARTED entry.
 */
import { db } from '../../db/client';
import { engineNow } from '../clock';

const BATCH = 500;

function expressRetentionHours(): number {
  const hours = Number(process.env.SIGNOFF_EXPRESS_RETENTION_HOURS);
  return Number.isFinite(hours) && hours > 0 ? hours : 24;
}

/** Deletes up to BATCH expired Express executions; returns how many. */
export async function purgeExpressExecutions(): Promise<number> {
  const cutoff = new Date(engineNow().getTime() - expressRetentionHours() * 3_600_000);
  const expired = await db.execution.findMany({
    where: { workflow: { type: 'EXPRESS' }, status: { not: 'RUNNING' }, stoppedAt: { lt: cutoff } },
    select: { id: true },
    take: BATCH,
  });
  if (expired.length === 0) return 0;
  const { count } = await db.execution.deleteMany({ where: { id: { in: expired.map((e) => e.id) } } });
  return count;
}
