/**
 * Fires the timers that are due, each in its own transaction, claimed by compare-and-set (a
 * count of 0 means another worker fired it). A timer whose frame moved on is a no-op. Timers
 * that came due while no worker ran fire on the first pass after start.
 */
import { engineNow } from '../clock';
import { engineStore } from '../store/store';
import { retryTransaction } from '../tx-retry';
import { applyTimer } from './apply-timer';

/** Fires up to `limit` due timers; returns how many it fired. */
export async function fireDueTimers(limit = 100): Promise<number> {
  const now = engineNow();
  const due = await engineStore().dueTimers(now, limit);
  let fired = 0;
  for (const id of due) {
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
