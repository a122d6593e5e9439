/** The in-process worker loop on the real clock: wakes on notifyEngine, fires timers, runs invocations. */
import { afterAll, describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import { completeTaskToken, notifyEngine, startEngine } from '../index';
import { getExecution, getHistory, startTestExecution } from '../testing/harness';
import { sleep } from '../testing/spawn-worker';
import { Worker } from './worker';

const engine = startEngine({ workerId: 'in-process', pollMs: 20 });
afterAll(() => engine.stop());

async function until(id: string, status: string, ms = 10_000) {
  const deadline = Date.now() + ms;
  while ((await getExecution(id)).status !== status && Date.now() < deadline) await sleep(20);
  return getExecution(id);
}

describe('worker loop', () => {
  it('waits on a timer row, runs a function, pauses on a token and resumes when it is completed', async () => {
    const id = await startTestExecution({
      definition: {
        StartAt: 'Hold',
        States: {
          Hold: { Type: 'Wait', Seconds: 1, Next: 'Add' },
          Add: { Type: 'Task', Resource: 'function:add-numbers', ResultPath: '$.sum', Next: 'Ask' },
          Ask: {
            Type: 'Task',
            Resource: 'x.waitForTaskToken',
            Parameters: { 'token.$': '$$.Task.Token' },
            ResultPath: '$.answer',
            End: true,
          },
        },
      },
      input: { a: 1, b: 2 },
    });
    notifyEngine();
    const deadline = Date.now() + 10_000;
    let token: string | undefined;
    while (!token && Date.now() < deadline) {
      const scheduled = (await getHistory(id)).filter((e) => e.type === 'TaskScheduled')[1] as unknown as
        { taskScheduledEventDetails: { parameters: string } } | undefined;
      token =
        scheduled && (JSON.parse(scheduled.taskScheduledEventDetails.parameters) as { token: string }).token;
      if (!token) await sleep(20);
    }
    await db.$transaction((tx) =>
      completeTaskToken(tx, { token: token!, outcome: { type: 'success', output: 'yes' } }),
    );
    notifyEngine();
    expect(await until(id, 'SUCCEEDED')).toMatchObject({
      output: { a: 1, b: 2, sum: { sum: 3 }, answer: 'yes' },
    });
    expect((await getExecution(id)).leaseOwner).toBeNull();
  });

  it('fails an execution the engine cannot step instead of retrying it forever', async () => {
    const id = await startTestExecution({
      definition: { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } },
    });
    await db.executionFrame.updateMany({ where: { executionId: id }, data: { stateInput: '{not json' } });
    notifyEngine();
    const execution = await until(id, 'FAILED');
    expect(execution).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(execution.cause).toContain('Internal engine error');
  });
});

describe('wake-ups', () => {
  it('does not sleep through a wake that came while an idle pass was running', async () => {
    const ticks: number[] = [];
    class Probe extends Worker {
      override async tick(): Promise<boolean> {
        ticks.push(Date.now());
        if (ticks.length === 1) notifyEngine(); // a commit lands after this pass looked for work
        return false;
      }
    }
    const probe = new Probe('probe', 60_000);
    probe.start();
    const deadline = Date.now() + 5_000;
    while (ticks.length < 2 && Date.now() < deadline) await sleep(5);
    await probe.stop();
    expect(ticks.length).toBeGreaterThanOrEqual(2); // without the wake count it would sleep the whole 60 s poll
    expect(ticks[1] - ticks[0]).toBeLessThan(1_000);
  });
});
