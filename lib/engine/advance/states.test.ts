import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Definition } from '../../asl';
import { getExecution, getHistory, runUntilIdle, startTestExecution } from '../testing/harness';
import { useTestClock } from '../testing/test-clock';

const clock = useTestClock();
beforeAll(() => undefined);
afterAll(() => clock.restore());

async function run(
  definition: Definition,
  input: import('../../asl').JsonValue = {},
  mocks?: Parameters<typeof startTestExecution>[0]['mocks'],
) {
  const id = await startTestExecution({ definition, input, mocks });
  await runUntilIdle();
  return id;
}

describe('every state type through the engine', () => {
  it('runs Pass, Choice, Succeed in one transaction with AWS history', async () => {
    const id = await run(
      {
        StartAt: 'Init',
        States: {
          Init: { Type: 'Pass', Result: { n: 3 }, ResultPath: '$.v', Next: 'Pick' },
          Pick: {
            Type: 'Choice',
            Choices: [{ Variable: '$.v.n', NumericGreaterThan: 2, Next: 'Big' }],
            Default: 'Small',
          },
          Big: { Type: 'Succeed' },
          Small: { Type: 'Fail', Error: 'Small' },
        },
      },
      { a: 1 },
    );
    const execution = await getExecution(id);
    expect(execution.status).toBe('SUCCEEDED');
    expect(execution.output).toEqual({ a: 1, v: { n: 3 } });
    expect(execution.version).toBe(2); // begin + one run of states
    const history = await getHistory(id);
    expect(history.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'PassStateEntered',
      'PassStateExited',
      'ChoiceStateEntered',
      'ChoiceStateExited',
      'SucceedStateEntered',
      'SucceedStateExited',
      'ExecutionSucceeded',
    ]);
    expect(history.map((e) => e.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(history[1]).toMatchObject({ previousEventId: 1, stateEnteredEventDetails: { name: 'Init' } });
  });

  it('fails through a Fail state', async () => {
    const id = await run({ StartAt: 'F', States: { F: { Type: 'Fail', Error: 'Bad', Cause: 'because' } } });
    expect(await getExecution(id)).toMatchObject({ status: 'FAILED', error: 'Bad', cause: 'because' });
    expect((await getHistory(id)).at(-1)).toMatchObject({
      type: 'ExecutionFailed',
      executionFailedEventDetails: { error: 'Bad', cause: 'because' },
    });
  });

  it('waits on a durable timer until the clock reaches it; Wait 0 needs no timer', async () => {
    const id = await run({
      StartAt: 'Zero',
      States: {
        Zero: { Type: 'Wait', Seconds: 0, Next: 'Hold' },
        Hold: { Type: 'Wait', Seconds: 60, Next: 'Done' },
        Done: { Type: 'Pass', End: true },
      },
    });
    expect((await getExecution(id)).status).toBe('RUNNING');
    clock.advance(59_000);
    await runUntilIdle();
    expect((await getExecution(id)).status).toBe('RUNNING');
    clock.advance(1_000);
    await runUntilIdle();
    expect((await getExecution(id)).status).toBe('SUCCEEDED');
  });

  it('answers mocked tasks, retries with backoff timers and catches', async () => {
    const id = await run(
      {
        StartAt: 'Call',
        States: {
          Call: {
            Type: 'Task',
            Resource: 'arn:aws:states:::mock',
            Retry: [{ ErrorEquals: ['Flaky'], IntervalSeconds: 2, BackoffRate: 2, MaxAttempts: 2 }],
            Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.err', Next: 'Caught' }],
            End: true,
          },
          Caught: { Type: 'Pass', End: true },
        },
      },
      {},
      {
        Call: [
          { Throw: { Error: 'Flaky', Cause: '1' } },
          { Throw: { Error: 'Flaky', Cause: '2' } },
          { Throw: { Error: 'Flaky', Cause: '3' } },
        ],
      },
    );
    clock.advance(2_000);
    await runUntilIdle();
    expect((await getExecution(id)).status).toBe('RUNNING');
    clock.advance(4_000);
    await runUntilIdle();
    expect(await getExecution(id)).toMatchObject({
      status: 'SUCCEEDED',
      output: { err: { Error: 'Flaky', Cause: '3' } },
    });
  });

  it('runs registered functions after the commit', async () => {
    const id = await run(
      { StartAt: 'Add', States: { Add: { Type: 'Task', Resource: 'function:add-numbers', End: true } } },
      { a: 2, b: 5 },
    );
    expect(await getExecution(id)).toMatchObject({ status: 'SUCCEEDED', output: { sum: 7 } });
  });

  it('joins Parallel branches and Map iterations (MaxConcurrency holds)', async () => {
    const id = await run(
      {
        StartAt: 'Par',
        States: {
          Par: {
            Type: 'Parallel',
            Next: 'Each',
            Branches: [
              { StartAt: 'A', States: { A: { Type: 'Pass', Result: 'a', End: true } } },
              {
                StartAt: 'B',
                States: {
                  B: { Type: 'Wait', Seconds: 5, Next: 'B2' },
                  B2: { Type: 'Pass', Result: 'b', End: true },
                },
              },
            ],
            ResultPath: '$.par',
          },
          Each: {
            Type: 'Map',
            ItemsPath: '$.items',
            MaxConcurrency: 2,
            ResultPath: '$.out',
            ItemProcessor: {
              StartAt: 'W',
              States: {
                W: { Type: 'Wait', Seconds: 1, Next: 'Dbl' },
                Dbl: { Type: 'Pass', Parameters: { 'v.$': '$' }, End: true },
              },
            },
            End: true,
          },
        },
      },
      { items: [1, 2, 3, 4, 5] },
    );
    const { db } = await import('../../db/client');
    for (let second = 0; second < 10 && (await getExecution(id)).status === 'RUNNING'; second++) {
      const running = await db.executionFrame.count({
        where: { executionId: id, parentState: 'Each', status: { in: ['RUNNING', 'WAITING'] } },
      });
      expect(running).toBeLessThanOrEqual(2);
      clock.advance(5_000);
      await runUntilIdle();
    }
    expect(await getExecution(id)).toMatchObject({
      status: 'SUCCEEDED',
      output: {
        items: [1, 2, 3, 4, 5],
        par: ['a', 'b'],
        out: [{ v: 1 }, { v: 2 }, { v: 3 }, { v: 4 }, { v: 5 }],
      },
    });
    const types = (await getHistory(id)).map((e) => e.type);
    expect(types.filter((t) => t === 'MapIterationStarted')).toHaveLength(5);
  });
});
