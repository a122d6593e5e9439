/**
 * Aborts frames and everything under them: Parallel siblings after a branch failed, every
 * frame of a stopped or timed-out execution. Their timers are cancelled and their tokens
 * CANCELLED, so a late SendTaskSuccess gets TaskTimedOut; the token-end listeners (approvals)
 * hear why in the same transaction. A Distributed Map's run among them stops its child executions.
 */
import { mapIterationEvent } from '../../asl';
import { tokensEnded, type TokenEnding } from '../tokens/token-endings';
import { flushFrames } from './flush-session';
import { abortMapRuns } from './map-run';
import type { Session } from './session';

const ACTIVE = ['PENDING', 'RUNNING', 'WAITING'];

/** Aborts the active descendants of `parentIds` (and, with `includeSelf`, those frames too). */
export async function abortFrames(
  session: Session,
  parentIds: string[],
  ending: TokenEnding,
  includeSelf = false,
): Promise<void> {
  const { tx, execution, now } = session;
  await flushFrames(session);
  const ids: string[] = includeSelf ? [...parentIds] : [];
  let level = parentIds;
  while (level.length > 0) {
    const children = await tx.executionFrame.findMany({
      where: { executionId: execution.id, parentFrameId: { in: level }, status: { in: ACTIVE } },
      select: {
        id: true,
        index: true,
        status: true,
        parentState: true,
        definitionPath: true,
        lastEventId: true,
      },
    });
    for (const child of children)
      if (child.status !== 'PENDING' && child.lastEventId >= 0 && isMapChild(child.definitionPath)) {
        session.record(
          undefined,
          mapIterationEvent(
            'Aborted' as 'Failed',
            child.parentState ?? '',
            child.index,
            session.cursor(undefined),
            session.env,
          ),
        );
      }
    level = children.map((c) => c.id);
    ids.push(...level);
  }
  if (ids.length === 0) return;
  await tx.executionFrame.updateMany({
    where: { id: { in: ids }, status: { in: ACTIVE } },
    data: { status: 'ABORTED' },
  });
  await abortMapRuns(tx, ids);
  await tx.timer.updateMany({
    where: { frameId: { in: ids }, status: 'PENDING' },
    data: { status: 'CANCELLED' },
  });
  const tokens = await tx.taskToken.findMany({
    where: { frameId: { in: ids }, status: 'PENDING' },
    select: { id: true },
  });
  if (tokens.length > 0) {
    const tokenIds = tokens.map((t) => t.id);
    await tx.taskToken.updateMany({
      where: { id: { in: tokenIds }, status: 'PENDING' },
      data: { status: 'CANCELLED', completedAt: now },
    });
    await tokensEnded(tx, { tokenIds, ending, at: now });
  }
  for (const id of ids) {
    const known = session.frames.get(id);
    if (known && ACTIVE.includes(known.status)) {
      known.status = 'ABORTED';
      known.dirty = false;
    }
  }
}

function isMapChild(definitionPath: string): boolean {
  return definitionPath.endsWith(',-1]');
}
