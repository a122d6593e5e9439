import { afterEach, describe, expect, it } from 'vitest';
import type { Definition } from '../../asl';
import { db } from '../../db/client';
import { setEngineClock } from '../clock';
import { engineStore } from '../store/store';
import { getExecution, runUntilIdle, startTestExecution } from '../testing/harness';
import { fireDueTimers } from './fire-due-timers';

const waits: Definition = {
  StartAt: 'Hold',
  States: { Hold: { Type: 'Wait', Seconds: 10, Next: 'Done' }, Done: { Type: 'Succeed' } },
};

const times: Definition = {
  StartAt: 'Ask',
  States: { Ask: { Type: 'Task', Resource: 'orders.waitForTaskToken', TimeoutSeconds: 5, End: true } },
};

afterEach(() => setEngineClock(undefined));

describe('fireDueTimers', () => {
  it('fires due Wait timers in one batch, resumes their frames, and leaves the others to their own transactions', async () => {
    const start = Date.now();
    setEngineClock(() => start);
    const waiting = await Promise.all(
      Array.from({ length: 5 }, () => startTestExecution({ definition: waits })),
    );
    const stale = await startTestExecution({ definition: waits });
    const timeout = await startTestExecution({ definition: times });
    await runUntilIdle();
    const frame = (id: string) => db.executionFrame.findFirstOrThrow({ where: { executionId: id } });
    // A frame that moved on meanwhile: its timer fires as a no-op.
    await db.executionFrame.update({ where: { id: (await frame(stale)).id }, data: { status: 'ABORTED' } });
    const versions = new Map(
      await Promise.all(
        [...waiting, stale].map(async (id) => [id, (await getExecution(id)).version] as const),
      ),
    );
    expect(await fireDueTimers()).toBe(0); // nothing is due yet

    setEngineClock(() => start + 11_000);
    // The per-timer transactions get only the task's timeout; the six Wait timers go in one batch.
    const single = await engineStore().dueTimers(new Date(start + 11_000), 100);
    expect(single).toEqual([
      (await db.timer.findFirstOrThrow({ where: { executionId: timeout, purpose: 'Timeout' } })).id,
    ]);
    expect(await fireDueTimers()).toBe(7);
    for (const id of waiting) {
      expect(await frame(id)).toMatchObject({ status: 'RUNNING', event: '{"type":"TimerFired"}' });
      expect(await getExecution(id)).toMatchObject({ runnable: true, version: versions.get(id)! + 1 });
    }
    expect((await frame(stale)).status).toBe('ABORTED');
    expect((await getExecution(stale)).version).toBe(versions.get(stale));
    expect(await db.timer.count({ where: { status: 'PENDING' } })).toBe(0);
    expect(await db.timer.count({ where: { status: 'FIRED', purpose: 'Wait' } })).toBe(6);
    expect(await db.taskToken.findFirstOrThrow({ where: { executionId: timeout } })).toMatchObject({
      status: 'TIMED_OUT',
    });
    expect(await fireDueTimers()).toBe(0); // each fires once

    await runUntilIdle();
    for (const id of waiting) expect((await getExecution(id)).status).toBe('SUCCEEDED');
    expect(await getExecution(timeout)).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
  });
});
