/**
 * Runnable executions this worker may take: nobody holds them, the lease ran out, or it is ours.
 * Read on the engine's synchronous connection: the worker asks on every pass, and a Prisma
 * query costs it a millisecond where this costs microseconds.
 */
import { prepared, sqlite, sqlTime } from '../../db/sqlite';
import { engineNow } from '../clock';

/** The condition on an Execution row that `@owner` may take it at `@now` (the direct path's claim uses it too). */
export const CLAIMABLE = `"status" = 'RUNNING' AND "runnable" = 1 AND ("leaseOwner" IS NULL OR "leaseOwner" = @owner OR "leaseUntil" < @now)`;

const FIND_CLAIMABLE = `SELECT "id" FROM "Execution" WHERE ${CLAIMABLE} ORDER BY "leaseUntil" ASC LIMIT @limit`;

export async function findClaimableExecutions(workerId: string, limit: number): Promise<string[]> {
  const rows = prepared(sqlite(), FIND_CLAIMABLE).all({
    owner: workerId,
    now: sqlTime(engineNow()),
    limit,
  }) as { id: string }[];
  return rows.map((r) => r.id);
}
