import { describe, expect, it } from 'vitest';
import { oneState, resume, step, testEnv } from '../test-helpers';
import type { Definition } from '../types';

const mock = 'arn:aws:states:::lambda:invoke';

describe('Task state', () => {
  it('pauses on an InvokeTask effect with the resolved parameters and timeouts', async () => {
    const def = oneState({
      Type: 'Task',
      Resource: mock,
      Parameters: { 'who.$': '$.name', 'token.$': '$$.Task.Token' },
      TimeoutSecondsPath: '$.timeout',
      HeartbeatSeconds: 30,
    });
    const result = await step(def, { name: 'ada', timeout: 60 });
    expect(result.next.kind).toBe('pause');
    const [effect] = result.effects;
    expect(effect).toMatchObject({
      type: 'InvokeTask',
      resource: mock,
      timeoutSeconds: 60,
      heartbeatSeconds: 30,
      timeoutAt: '2026-01-01T00:01:00.000Z',
    });
    expect(effect.type === 'InvokeTask' && effect.input).toEqual({
      who: 'ada',
      token: effect.type === 'InvokeTask' ? effect.taskToken : '',
    });
    expect(result.history.map((e) => e.type)).toEqual(['TaskStateEntered', 'TaskScheduled', 'TaskStarted']);
    expect(result.history[1].taskScheduledEventDetails).toMatchObject({
      resourceType: 'lambda',
      resource: 'invoke',
      timeoutInSeconds: 60,
    });
  });

  it('applies ResultSelector, ResultPath and OutputPath to the task result', async () => {
    const def = oneState({
      Type: 'Task',
      Resource: mock,
      ResultSelector: { 'p.$': '$.Payload' },
      ResultPath: '$.res',
      OutputPath: '$.res.p',
    });
    const paused = await step(def, { keep: 1 });
    const done = await resume(def, paused, {
      type: 'TaskSucceeded',
      output: { Payload: 'ok', StatusCode: 200 },
    });
    expect(done.next).toEqual({ kind: 'succeed', output: 'ok' });
    expect(done.history.map((e) => [e.id, e.type])).toEqual([
      [10, 'TaskSucceeded'],
      [11, 'TaskStateExited'],
    ]);
  });

  it('schedules a retry at an absolute dueAt with exponential backoff', async () => {
    const def = oneState({
      Type: 'Task',
      Resource: mock,
      Retry: [{ ErrorEquals: ['Boom'], IntervalSeconds: 2, BackoffRate: 3, MaxAttempts: 2 }],
    });
    const paused = await step(def, {});
    const first = await resume(def, paused, { type: 'TaskFailed', error: 'Boom', cause: 'c' });
    expect(first.effects).toEqual([
      { type: 'ScheduleTimer', dueAt: '2026-01-01T00:00:02.000Z', purpose: 'Retry' },
    ]);
    const again = await resume(def, first, { type: 'TimerFired' });
    expect(again.history.map((e) => e.type)).toEqual(['TaskScheduled', 'TaskStarted']);
    const second = await resume(def, again, { type: 'TaskFailed', error: 'Boom' });
    expect(second.effects).toEqual([
      { type: 'ScheduleTimer', dueAt: '2026-01-01T00:00:06.000Z', purpose: 'Retry' },
    ]);
    const third = await resume(def, await resume(def, second, { type: 'TimerFired' }), {
      type: 'TaskFailed',
      error: 'Boom',
      cause: 'last',
    });
    expect(third.next).toEqual({ kind: 'fail', error: 'Boom', cause: 'last' });
  });

  it('exposes the retry count as $$.State.RetryCount', async () => {
    const def = oneState({
      Type: 'Task',
      Resource: mock,
      Parameters: { 'n.$': '$$.State.RetryCount' },
      Retry: [{ ErrorEquals: ['States.ALL'] }],
    });
    const failed = await resume(def, await step(def, {}), { type: 'TaskFailed', error: 'X' });
    const retried = await resume(def, failed, { type: 'TimerFired' });
    expect(retried.effects[0]).toMatchObject({ type: 'InvokeTask', input: { n: 1 } });
  });

  it('caps the delay with MaxDelaySeconds and applies FULL jitter from env.random', async () => {
    const def = oneState({
      Type: 'Task',
      Resource: mock,
      Retry: [
        { ErrorEquals: ['States.ALL'], IntervalSeconds: 100, MaxDelaySeconds: 10, JitterStrategy: 'FULL' },
      ],
    });
    const failed = await resume(
      def,
      await step(def, {}),
      { type: 'TaskFailed', error: 'X' },
      { env: testEnv(undefined, () => 0.25) },
    );
    expect(failed.effects).toEqual([
      { type: 'ScheduleTimer', dueAt: '2026-01-01T00:00:02.500Z', purpose: 'Retry' },
    ]);
  });

  it('catches into a handler with the error output at ResultPath and Assign', async () => {
    const def: Definition = oneState(
      {
        Type: 'Task',
        Resource: mock,
        Catch: [
          {
            ErrorEquals: ['States.TaskFailed'],
            ResultPath: '$.err',
            Assign: { 'why.$': '$.Cause' },
            Next: 'H',
          },
        ],
      },
      { H: { Type: 'Succeed' } },
    );
    const caught = await resume(def, await step(def, { a: 1 }), {
      type: 'TaskFailed',
      error: 'Custom',
      cause: 'oops',
    });
    expect(caught.next).toEqual({
      kind: 'goto',
      state: 'H',
      output: { a: 1, err: { Error: 'Custom', Cause: 'oops' } },
    });
    expect(caught.variables).toEqual({ why: 'oops' });
  });

  it('does not let States.TaskFailed match States.Timeout, nor States.ALL match States.Runtime', async () => {
    const def = oneState({
      Type: 'Task',
      Resource: mock,
      Catch: [{ ErrorEquals: ['States.TaskFailed'], Next: 'S' }],
    });
    const timedOut = await resume(def, await step(def, {}), {
      type: 'TaskTimedOut',
      error: 'States.Timeout',
    });
    expect(timedOut.next).toMatchObject({ kind: 'fail', error: 'States.Timeout' });
    const all = oneState({
      Type: 'Task',
      Resource: mock,
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'S' }],
    });
    const runtime = await resume(all, await step(all, {}), { type: 'TaskFailed', error: 'States.Runtime' });
    expect(runtime.next).toMatchObject({ kind: 'fail', error: 'States.Runtime' });
  });

  it('uses Arguments, $states.result, Output and Assign in JSONata', async () => {
    const def = oneState({
      Type: 'Task',
      QueryLanguage: 'JSONata',
      Resource: mock,
      Arguments: { x: '{% $states.input.n * 2 %}' },
      Output: { got: '{% $states.result.v %}' },
      Assign: { last: '{% $states.result.v %}' },
    });
    const paused = await step(def, { n: 21 });
    expect(paused.effects[0]).toMatchObject({ input: { x: 42 } });
    const done = await resume(def, paused, { type: 'TaskSucceeded', output: { v: 'r' } });
    expect(done.next).toEqual({ kind: 'succeed', output: { got: 'r' } });
    expect(done.variables).toEqual({ last: 'r' });
  });

  it('catches with $states.errorOutput in JSONata', async () => {
    const def = oneState(
      {
        Type: 'Task',
        QueryLanguage: 'JSONata',
        Resource: mock,
        Catch: [{ ErrorEquals: ['States.ALL'], Output: '{% $states.errorOutput.Error %}', Next: 'H' }],
      },
      { H: { Type: 'Succeed' } },
    );
    const caught = await resume(def, await step(def, {}), { type: 'TaskFailed', error: 'E1', cause: 'c' });
    expect(caught.next).toEqual({ kind: 'goto', state: 'H', output: 'E1' });
  });

  it('treats a stale timer as a no-op while the task runs', async () => {
    const def = oneState({ Type: 'Task', Resource: mock });
    const paused = await step(def, {});
    const stale = await resume(def, paused, { type: 'TimerFired' });
    expect(stale.next).toEqual(paused.next);
    expect(stale.history).toEqual([]);
  });

  it('reads TimeoutSecondsPath and HeartbeatSecondsPath from variables', async () => {
    const def = oneState({
      Type: 'Task',
      Resource: mock,
      TimeoutSecondsPath: '$maxTimeout',
      HeartbeatSecondsPath: '$heartbeatInterval',
    });
    const result = await step(def, {}, { variables: { maxTimeout: 300, heartbeatInterval: 60 } });
    expect(result.effects[0]).toMatchObject({
      type: 'InvokeTask',
      timeoutSeconds: 300,
      heartbeatSeconds: 60,
      timeoutAt: '2026-01-01T00:05:00.000Z',
    });
  });

  it('rejects a non-integer TimeoutSecondsPath value with States.Runtime', async () => {
    const def = oneState({ Type: 'Task', Resource: mock, TimeoutSecondsPath: '$.t' });
    expect((await step(def, { t: 'soon' })).next).toMatchObject({ kind: 'fail', error: 'States.Runtime' });
  });
});
