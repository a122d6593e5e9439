/**
 * Runnable executions this worker may take: nobody holds them, the lease ran out, or it is ours.
 * Asked through the engine's store on every pass (on PostgreSQL it leases them at once, FOR
 * UPDATE SKIP LOCKED, so several workers split the queue instead of racing for its head).
 */
import { engineNow } from '../clock';
import { engineStore } from '../store/store';

export function findClaimableExecutions(workerId: string, limit: number): Promise<string[]> {
  return engineStore().findClaimable(workerId, engineNow(), limit);
}
