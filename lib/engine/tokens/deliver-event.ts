/**
 * Hands a paused frame what it waited for (a timer fired, a task ended): the frame becomes
 * RUNNING with the event, the execution runnable, and its version moves so a worker that read
 * the old state retries. A frame that is no longer WAITING makes this a no-op (stale event).
 */
import type { ResumeEvent } from '../../asl';
import type { Tx } from '../../db/client';

export async function deliverEvent(
  tx: Tx,
  args: { executionId: string; frameId: string; event: ResumeEvent },
): Promise<boolean> {
  const moved = await tx.executionFrame.updateMany({
    where: { id: args.frameId, status: 'WAITING' },
    data: { status: 'RUNNING', event: JSON.stringify(args.event) },
  });
  if (moved.count === 0) return false;
  await tx.execution.updateMany({
    where: { id: args.executionId, status: 'RUNNING' },
    data: { runnable: true, version: { increment: 1 } },
  });
  return true;
}
