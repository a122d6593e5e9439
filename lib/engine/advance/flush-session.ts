/**
 * Writes what a session did in one go: new and changed frames, history events, timers, then
 * the execution row under the optimistic lock (its version must still be the one read). An
 * execution a parent's task waits on tells the parent it ended, in the same transaction.
 */
import { BatchWrites, type ExecutionWrite } from './batch-writes';
import { executionEnded } from './execution-endings';
import { historyRow } from './history-row';
import { frameToNewRow, frameToRow } from './live-frame';
import type { Session } from './session';

/**
 * Flushes everything and moves the execution row on (throws VersionConflict when it moved
 * meanwhile), in the session's transaction. With `batch`, the changed frames, history, timers,
 * tokens, the execution row and the service writes are left to the batch, which writes those
 * of all its executions together.
 */
export async function flushSession(
  session: Session,
  extra: { runnable: boolean; leaseOwner?: string | null; batch?: BatchWrites },
): Promise<void> {
  const { query, execution, batch } = { ...session, batch: extra.batch };
  const target = batch ?? new BatchWrites();
  collectFrames(session, target);
  const history = session.history.map((e) => historyRow(execution.id, e));
  const timers = session.timers.map((t) => ({ ...t, executionId: execution.id }));
  const ended = session.ended;
  if (ended && (session.execution.parentTaskTokenId || session.execution.mapRunId))
    await executionEnded(session, ended);
  const write: ExecutionWrite = {
    id: execution.id,
    version: execution.version,
    nextEventId: session.nextEventId,
    runnable: ended ? false : extra.runnable,
    releaseLease: extra.leaseOwner === null,
    ...(session.mocksDirty ? { mocks: JSON.stringify(session.mocks) } : {}),
    ...(ended
      ? {
          ended: {
            status: ended.status,
            output: ended.output === undefined ? null : JSON.stringify(ended.output),
            error: ended.error ?? null,
            cause: ended.cause ?? null,
            at: session.now,
          },
        }
      : {}),
  };
  target.history.push(...history);
  target.timers.push(...timers);
  target.tokens.push(...session.tokens);
  target.executions.push(write);
  target.deletedChildrenOf.push(...session.deletedChildrenOf);
  target.abortedFrames.push(...session.abortedRows);
  target.cancelledFrameTimers.push(...session.cancelledFrameTimers);
  if (session.cancelsTimeout) target.cancelledTimeouts.push(execution.id);
  target.serviceWrites.push(...session.serviceWrites);
  if (!batch) await target.apply(query, session.now);
}

function collectFrames(session: Session, batch: BatchWrites): void {
  for (const frame of session.frames.values()) {
    if (frame.isNew) batch.created.push(frameToNewRow(frame, session.execution.id));
    else if (frame.dirty) batch.frames.push({ id: frame.id, ...frameToRow(frame) });
    frame.isNew = false;
    frame.dirty = false;
  }
}
