/**
 * Fires the timers that are due, each in its own transaction, claimed by compare-and-set (a
 * count of 0 means another worker fired it). A timer whose frame moved on is a no-op. Timers
 * that came due while no worker ran fire on the first pass after start.
 */
import { prepared, sqlite, sqlTime } from '../../db/sqlite';
import { engineNow } from '../clock';
import { retryTransaction } from '../tx-retry';
import { applyTimer } from './apply-timer';

/** Read on the engine's synchronous connection: the worker asks on every pass. */
const DUE =
  'SELECT "id" FROM "Timer" WHERE "status" = \'PENDING\' AND "dueAt" <= @now ORDER BY "dueAt" ASC LIMIT @limit';

/** Fires up to `limit` due timers; returns how many it fired. */
export async function fireDueTimers(limit = 100): Promise<number> {
  const now = engineNow();
  const due = prepared(sqlite(), DUE).all({ now: sqlTime(now), limit }) as { id: string }[];
  let fired = 0;
  for (const { id } of due) {
    const claimed = await retryTransaction(async (tx) => {
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
