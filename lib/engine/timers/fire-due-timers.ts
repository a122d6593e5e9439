/**
 * Fires the timers that are due: Wait and Retry timers in batches through the engine's store,
 * the others each in its own transaction, claimed by compare-and-set (a count of 0 means
 * another worker fired it). A timer whose frame moved on is a no-op. Timers that came due while
 * no worker ran fire on the first pass after start. On PostgreSQL both claims lock with SKIP
 * LOCKED: a timer another worker is firing right now is passed over at once instead of waited for.
 */
import { isPostgres } from '../../db/database-url';
import { engineNow } from '../clock';
import { engineStore } from '../store/store';
import { retryTransaction } from '../tx-retry';
import { applyTimer } from './apply-timer';

/**
 * Fires up to `limit` due timers of each kind; returns how many it fired. Wait and Retry timers,
 * whose only effect is resuming their frame, fire in one batch through the engine's store; the
 * others (task timeouts, heartbeats, polls, the execution's timeout, approval reminders) each
 * in a transaction of their own, since they end tokens and tell other services.
 */
export async function fireDueTimers(limit = 100): Promise<number> {
  const now = engineNow();
  const store = engineStore();
  let fired = await store.fireResumeTimers(now, limit);
  const due = await store.dueTimers(now, limit);
  for (const id of due) {
    const claimed = await retryTransaction(async (tx) => {
      if (isPostgres()) {
        const free = await tx.$queryRaw<{ id: string }[]>`
          SELECT "id" FROM "Timer" WHERE "id" = ${id} AND "status" = 'PENDING' FOR UPDATE SKIP LOCKED`;
        if (free.length === 0) return false;
      }
      const { count } = await tx.timer.updateMany({
        where: { id, status: 'PENDING' },
        data: { status: 'FIRED', firedAt: engineNow() },
      });
      if (count === 0) return false;
      await applyTimer(tx, id);
      return true;
    });
    if (claimed) fired += 1;
  }
  return fired;
}
