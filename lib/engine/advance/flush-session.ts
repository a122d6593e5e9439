/**
 * Writes what a session did in one go: new and changed frames, history events (createMany),
 * timers, then the execution row under the optimistic lock (`where: { id, version }`).
 */
import type { HistoryEvent } from '../../asl';
import { VersionConflict } from '../tx-retry';
import { frameToNewRow, frameToRow } from './live-frame';
import type { Session } from './session';

/** Writes the frames the session changed (also used before reading children back). */
export async function flushFrames(session: Session): Promise<void> {
  const { tx, execution } = session;
  const created = [];
  for (const frame of session.frames.values()) {
    if (frame.isNew) created.push(frameToNewRow(frame, execution.id));
    else if (frame.dirty) await tx.executionFrame.updateMany({ where: { id: frame.id }, data: frameToRow(frame) }); // updateMany: no read-back
    frame.isNew = false;
    frame.dirty = false;
  }
  if (created.length > 0) await tx.executionFrame.createMany({ data: created });
}

/** Splits an interpreter event into the HistoryEvent row shape (details = the `…EventDetails` fields). */
export function historyRow(executionId: string, event: HistoryEvent) {
  const { id, previousEventId, timestamp, type, ...details } = event;
  return { executionId, seq: id, previousEventId, type, timestamp: new Date(timestamp), details: JSON.stringify(details) };
}

/** Flushes everything and moves the execution row on (throws VersionConflict when it moved meanwhile). */
export type HistoryRow = ReturnType<typeof historyRow>;

/** With `historySink`, history rows are left for the caller to insert with a batch's others. */
export async function flushSession(session: Session, extra: { runnable: boolean; leaseOwner?: string | null; historySink?: HistoryRow[] }): Promise<void> {
  const { tx, execution } = session;
  await flushFrames(session);
  if (session.history.length > 0) {
    const rows = session.history.map((e) => historyRow(execution.id, e));
    if (extra.historySink) extra.historySink.push(...rows);
    else await tx.historyEvent.createMany({ data: rows });
  }
  if (session.timers.length > 0) {
    await tx.timer.createMany({ data: session.timers.map((t) => ({ ...t, executionId: execution.id })) });
  }
  const ended = session.ended;
  const { count } = await tx.execution.updateMany({
    where: { id: execution.id, version: execution.version },
    data: {
      version: execution.version + 1,
      nextEventId: session.nextEventId,
      runnable: ended ? false : extra.runnable,
      ...(extra.leaseOwner !== undefined ? { leaseOwner: extra.leaseOwner, leaseUntil: null } : {}),
      ...(session.mocksDirty ? { mocks: JSON.stringify(session.mocks) } : {}),
      ...(ended
        ? { status: ended.status, output: ended.output === undefined ? null : JSON.stringify(ended.output), error: ended.error ?? null, cause: ended.cause ?? null, stoppedAt: session.now }
        : {}),
    },
  });
  if (count === 0) throw new VersionConflict(execution.id);
}
