/** Assertions shared by the crash and two-worker tests: nothing was recorded or issued twice. */
import { expect } from 'vitest';
import { db } from '../../db/client';

export async function checkExactlyOnce(ids: string[]): Promise<void> {
  const events = await db.historyEvent.findMany({
    where: { executionId: { in: ids } },
    select: { executionId: true, seq: true, type: true, details: true },
  });
  const byExecution = new Map<string, typeof events>();
  for (const e of events) byExecution.set(e.executionId, [...(byExecution.get(e.executionId) ?? []), e]);
  for (const id of ids) {
    const list = (byExecution.get(id) ?? []).sort((a, b) => a.seq - b.seq);
    expect(list.map((e) => e.seq)).toEqual(list.map((_, k) => k + 1));
    const count = (type: string) => list.filter((e) => e.type === type).length;
    expect(count('ExecutionStarted')).toBe(1);
    expect(count('ExecutionSucceeded')).toBe(1);
    expect(count('TaskScheduled')).toBe(2); // one failure, one retry
    expect(count('WaitStateEntered')).toBe(1 + 4);
    expect(count('MapIterationStarted')).toBe(4);
    expect(count('ParallelStateStarted')).toBe(1);
  }
  const timers = await db.timer.groupBy({
    by: ['executionId', 'purpose'],
    where: { executionId: { in: ids } },
    _count: true,
  });
  for (const t of timers) expect(t._count).toBe(1); // one Wait timer and one Retry timer each
  const frames = await db.executionFrame.groupBy({
    by: ['executionId'],
    where: { executionId: { in: ids } },
    _count: true,
  });
  for (const f of frames) expect(f._count).toBe(1 + 2 + 4); // root, two branches, four iterations
}
