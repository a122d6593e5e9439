/**
 * GetActivityTask: long-polls (AWS: up to 60 s) for a PENDING task of the activity and claims
 * it by compare-and-set. The task's token is minted here and only its hash replaces the
 * stored one, so the raw token exists only in the answer to the claiming worker. The claim
 * and the execution's ActivityStarted event (with the worker's name) commit together.
 */
import type { Tx } from '../../db/client';
import { db } from '../../db/client';
import { recordFrameEvent } from '../advance/execution-event';
import { flushSession } from '../advance/flush-session';
import { openSession } from '../advance/open-session';
import { engineNow } from '../clock';
import { ACTIVITY_POLL_MS } from '../constants';
import { retryTransaction } from '../tx-retry';
import { sleepUntilWoken } from '../worker/notifier';
import { hashToken, newTaskToken } from './hash-token';

export async function getActivityTask(args: {
  activityName: string;
  workerName?: string;
  waitMs?: number;
}): Promise<{ taskToken: string; input: string } | null> {
  const deadline = Date.now() + (args.waitMs ?? ACTIVITY_POLL_MS);
  for (;;) {
    const claimed = await claimOne(args.activityName, args.workerName);
    if (claimed) return claimed;
    const left = deadline - Date.now();
    if (left <= 0) return null;
    await sleepUntilWoken(Math.min(left, 200));
  }
}

async function claimOne(
  activityName: string,
  workerName?: string,
): Promise<{ taskToken: string; input: string } | null> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const candidate = await db.taskToken.findFirst({
      where: { kind: 'activity', activityName, status: 'PENDING', dispatchedAt: null },
      orderBy: { createdAt: 'asc' },
      select: { id: true, input: true, executionId: true, frameId: true },
    });
    if (!candidate) return null;
    const taskToken = newTaskToken();
    const claimed = await retryTransaction(async (tx) => {
      const { count } = await tx.taskToken.updateMany({
        where: { id: candidate.id, status: 'PENDING', dispatchedAt: null },
        data: { dispatchedAt: engineNow(), workerName: workerName ?? null, tokenHash: hashToken(taskToken) },
      });
      if (count === 1) await recordActivityStarted(tx, candidate, workerName);
      return count === 1;
    });
    if (claimed) return { taskToken, input: candidate.input ?? '{}' };
  }
  return null;
}

/** ActivityStarted, after the frame's ActivityScheduled, as AWS records it when a worker takes the task. */
async function recordActivityStarted(
  tx: Tx,
  token: { executionId: string; frameId: string },
  workerName?: string,
): Promise<void> {
  const session = await openSession(tx, token.executionId);
  const { runnable } = await tx.execution.findUniqueOrThrow({
    where: { id: token.executionId },
    select: { runnable: true },
  });
  recordFrameEvent(
    session,
    await session.frame(token.frameId),
    'ActivityStarted',
    'activityStartedEventDetails',
    workerName ? { workerName } : {},
  );
  await flushSession(session, { runnable });
}
