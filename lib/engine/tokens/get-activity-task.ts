/**
 * GetActivityTask: long-polls (AWS: up to 60 s) for a PENDING task of the activity and claims
 * it by compare-and-set. The task's token is minted here and only its hash replaces the
 * stored one, so the raw token exists only in the answer to the claiming worker.
 */
import { db } from '../../db/client';
import { engineNow } from '../clock';
import { ACTIVITY_POLL_MS } from '../constants';
import { sleepUntilWoken } from '../worker/notifier';
import { hashToken, newTaskToken } from './hash-token';

export async function getActivityTask(args: { activityName: string; workerName?: string; waitMs?: number }): Promise<{ taskToken: string; input: string } | null> {
  const deadline = Date.now() + (args.waitMs ?? ACTIVITY_POLL_MS);
  for (;;) {
    const claimed = await claimOne(args.activityName, args.workerName);
    if (claimed) return claimed;
    const left = deadline - Date.now();
    if (left <= 0) return null;
    await sleepUntilWoken(Math.min(left, 200));
  }
}

async function claimOne(activityName: string, workerName?: string): Promise<{ taskToken: string; input: string } | null> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const candidate = await db.taskToken.findFirst({
      where: { kind: 'activity', activityName, status: 'PENDING', dispatchedAt: null },
      orderBy: { createdAt: 'asc' },
      select: { id: true, input: true },
    });
    if (!candidate) return null;
    const taskToken = newTaskToken();
    const { count } = await db.taskToken.updateMany({
      where: { id: candidate.id, status: 'PENDING', dispatchedAt: null },
      data: { dispatchedAt: engineNow(), workerName: workerName ?? null, tokenHash: hashToken(taskToken) },
    });
    if (count === 1) return { taskToken, input: candidate.input ?? '{}' };
  }
  return null;
}
