import { afterAll, describe, expect, it } from 'vitest';
import type { Definition } from '../../asl';
import { db } from '../../db/client';
import { redriveExecution, stopExecution } from '../index';
import { getExecution, getHistory, runUntilIdle, startTestExecution } from '../testing/harness';
import { useTestClock } from '../testing/test-clock';

const clock = useTestClock();
afterAll(() => clock.restore());

const stop = (executionId: string) =>
  db.$transaction((tx) => stopExecution(tx, { executionId, error: 'Stopped', cause: 'by test' }));
const redrive = (executionId: string) => db.$transaction((tx) => redriveExecution(tx, { executionId }));

describe('stop and redrive', () => {
  it('stops: frames aborted, timers cancelled, tokens cancelled; a second stop conflicts', async () => {
    const id = await startTestExecution({
      definition: {
        StartAt: 'P',
        States: {
          P: {
            Type: 'Parallel',
            End: true,
            Branches: [
              { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 100, End: true } } },
              { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'x.waitForTaskToken', End: true } } },
            ],
          },
        },
      },
    });
    await runUntilIdle();
    await stop(id);
    expect(await getExecution(id)).toMatchObject({
      status: 'ABORTED',
      error: 'Stopped',
      cause: 'by test',
      runnable: false,
    });
    expect(await db.timer.count({ where: { executionId: id, status: 'PENDING' } })).toBe(0);
    expect(await db.taskToken.count({ where: { executionId: id, status: 'PENDING' } })).toBe(0);
    expect(
      await db.executionFrame.count({
        where: { executionId: id, status: { in: ['RUNNING', 'WAITING', 'PENDING'] } },
      }),
    ).toBe(0);
    expect((await getHistory(id)).at(-1)?.type).toBe('ExecutionAborted');
    await expect(stop(id)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('redrives a failed Map from its failed iterations only', async () => {
    const definition: Definition = {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemsPath: '$.items',
          End: true,
          MaxConcurrency: 1,
          ItemProcessor: {
            StartAt: 'Call',
            States: { Call: { Type: 'Task', Resource: 'arn:aws:states:::mock', End: true } },
          },
        },
      },
    };
    const id = await startTestExecution({
      definition,
      input: { items: [1, 2, 3] },
      mocks: {
        Call: [
          { Return: 'one' },
          { Throw: { Error: 'Boom', Cause: 'two' } },
          { Return: 'two again' },
          { Return: 'three' },
        ],
      },
    });
    await runUntilIdle();
    expect(await getExecution(id)).toMatchObject({ status: 'FAILED', error: 'Boom' });
    await expect(redrive(id)).resolves.toBeUndefined();
    await runUntilIdle();
    expect(await getExecution(id)).toMatchObject({
      status: 'SUCCEEDED',
      output: ['one', 'two again', 'three'],
      redriveCount: 1,
    });
    const types = (await getHistory(id)).map((e) => e.type);
    expect(types).toContain('ExecutionRedriven');
    await expect(redrive(id)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('redrives a stopped execution from the state it was in', async () => {
    const id = await startTestExecution({
      definition: {
        StartAt: 'A',
        States: {
          A: { Type: 'Pass', Result: 1, ResultPath: '$.a', Next: 'W' },
          W: { Type: 'Wait', Seconds: 50, End: true },
        },
      },
    });
    await runUntilIdle();
    await stop(id);
    await redrive(id);
    await runUntilIdle();
    clock.advance(50_000);
    await runUntilIdle();
    expect(await getExecution(id)).toMatchObject({ status: 'SUCCEEDED', output: { a: 1 } });
  });

  it('times a redriven execution out again, counting TimeoutSeconds from the redrive', async () => {
    const id = await startTestExecution({
      definition: {
        TimeoutSeconds: 30,
        StartAt: 'W',
        States: { W: { Type: 'Wait', Seconds: 100, End: true } },
      },
    });
    await runUntilIdle();
    clock.advance(30_000);
    await runUntilIdle();
    expect((await getExecution(id)).status).toBe('TIMED_OUT');
    clock.advance(5_000);
    await redrive(id);
    await runUntilIdle();
    clock.advance(29_000);
    await runUntilIdle();
    expect((await getExecution(id)).status).toBe('RUNNING'); // 29 s after the redrive: the old deadline is long past, the new one is not
    clock.advance(1_000);
    await runUntilIdle();
    expect(await getExecution(id)).toMatchObject({ status: 'TIMED_OUT', redriveCount: 1 });
    const types = (await getHistory(id)).map((e) => e.type);
    expect(types.filter((t) => t === 'ExecutionTimedOut')).toHaveLength(2);
    expect(
      await db.timer.count({ where: { executionId: id, purpose: 'ExecutionTimeout', status: 'FIRED' } }),
    ).toBe(2);
  });

  it('fails a Parallel when a branch fails and aborts its sibling; tolerated Map failures pass', async () => {
    const par = await startTestExecution({
      definition: {
        StartAt: 'P',
        States: {
          P: {
            Type: 'Parallel',
            End: true,
            Branches: [
              { StartAt: 'F', States: { F: { Type: 'Fail', Error: 'BranchBroke' } } },
              { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 100, End: true } } },
            ],
          },
        },
      },
    });
    await runUntilIdle();
    expect(await getExecution(par)).toMatchObject({ status: 'FAILED', error: 'BranchBroke' });
    expect(await db.timer.count({ where: { executionId: par, status: 'PENDING' } })).toBe(0);
    const map = await startTestExecution({
      definition: {
        StartAt: 'M',
        States: {
          M: {
            Type: 'Map',
            End: true,
            ToleratedFailureCount: 1,
            ItemProcessor: {
              StartAt: 'C',
              States: {
                C: {
                  Type: 'Choice',
                  Choices: [{ Variable: '$', NumericEquals: 2, Next: 'Bad' }],
                  Default: 'Ok',
                },
                Bad: { Type: 'Fail', Error: 'Two' },
                Ok: { Type: 'Succeed' },
              },
            },
          },
        },
      },
      input: [1, 2, 3],
    });
    await runUntilIdle();
    expect(await getExecution(map)).toMatchObject({
      status: 'SUCCEEDED',
      output: [1, { Error: 'Two', Cause: null }, 3],
    });
  });

  it('fails an execution that passes 25,000 history events with a clear cause', async () => {
    const id = await startTestExecution({
      definition: { StartAt: 'Loop', States: { Loop: { Type: 'Pass', Next: 'Loop' } } },
    });
    await runUntilIdle();
    const execution = await getExecution(id);
    expect(execution).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(execution.cause).toContain('25000');
  });
});
