/**
 * Aborts frames and everything under them: Parallel siblings after a branch failed, every
 * frame of a stopped or timed-out execution. Their timers are cancelled and their tokens
 * CANCELLED, so a late SendTaskSuccess gets TaskTimedOut; the token-end listeners (approvals)
 * hear why in the same transaction. A Distributed Map's run among them stops its child executions.
 *
 * Frames and timers are the session's writes. Frames it has not loaded are set ABORTED by id,
 * without parsing their rows (an engine error may have come from one). Written tokens, what
 * their listeners write and map runs are the session's service writes (session.write), run in
 * the transaction that commits it. (A token whose completion raced the abort moved the
 * execution's version: that commit conflicts and the execution is stepped again.)
 */
import { mapIterationEvent } from '../../asl';
import { tokensEnded, type TokenEnding } from '../tokens/token-endings';
import { abortMapRuns } from './map-run';
import type { Session } from './session';

const ACTIVE: readonly string[] = ['PENDING', 'RUNNING', 'WAITING'];

/** What abortFrames reads of a frame, loaded or not. */
interface Aborting {
  id: string;
  index: number;
  status: string;
  parentState: string | null;
  lastEventId: number;
  mapIteration: boolean;
}

/** Aborts the active descendants of `parentIds` (and, with `includeSelf`, those frames too). */
export async function abortFrames(
  session: Session,
  parentIds: string[],
  ending: TokenEnding,
  includeSelf = false,
): Promise<void> {
  const ids: string[] = includeSelf ? [...parentIds] : [];
  let level = parentIds;
  while (level.length > 0) {
    const { own, rows } = await session.rowsUnder(level, ACTIVE);
    const children: Aborting[] = [
      ...own.map((f) => ({ ...f, mapIteration: f.path[f.path.length - 1] === -1 })),
      ...rows.map((r) => ({ ...r, mapIteration: r.definitionPath.endsWith(',-1]') })),
    ].sort((a, b) => a.index - b.index);
    for (const child of children)
      if (child.status !== 'PENDING' && child.lastEventId >= 0 && child.mapIteration) {
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
  for (const id of ids) {
    const known = session.frames.get(id);
    if (!known) session.abortedRows.add(id);
    else if (ACTIVE.includes(known.status)) {
      known.status = 'ABORTED';
      known.dirty = true;
    }
  }
  session.cancelledFrameTimers.push(...ids);
  const unwritten = cancelUnwrittenTokens(session, new Set(ids));
  // A run this session started is not written yet: its abort is queued after its start.
  if (
    ids.some((id) => session.startedMapRuns.has(id)) ||
    (await session.reader.runningMapRuns(ids)).length > 0
  )
    session.write((tx) => abortMapRuns(tx, ids));
  const written = await session.reader.pendingTokens(ids);
  // The listeners hear of the unwritten ones too: an approval's task may be among this session's writes.
  const tokenIds = [...unwritten, ...written].filter((id) => !session.endingTokens.has(id));
  if (tokenIds.length === 0) return;
  for (const id of tokenIds) session.endingTokens.add(id);
  session.write(async (tx) => {
    if (written.length > 0)
      await tx.taskToken.updateMany({
        where: { id: { in: written }, status: 'PENDING' },
        data: { status: 'CANCELLED', completedAt: session.now },
      });
    await tokensEnded(tx, { tokenIds, ending, at: session.now });
  });
}

/**
 * Tokens this session made for frames it now aborts are written CANCELLED (a late
 * SendTaskSuccess gets TaskTimedOut) and their invocations dropped (the call is not made).
 * Returns their ids.
 */
function cancelUnwrittenTokens(session: Session, aborted: Set<string>): string[] {
  const cancelled: string[] = [];
  for (const token of session.tokens) {
    if (token.status !== 'PENDING' || !aborted.has(token.frameId)) continue;
    token.status = 'CANCELLED';
    token.completedAt = session.now;
    cancelled.push(token.id);
    const invocation = session.invocations.indexOf(token.id);
    if (invocation >= 0) session.invocations.splice(invocation, 1);
  }
  return cancelled;
}
