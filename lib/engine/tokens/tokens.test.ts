import { afterAll, describe, expect, it } from 'vitest';
import type { Definition } from '../../asl';
import { db } from '../../db/client';
import { completeTaskToken, getActivityTask, hashToken } from '../index';
import { getExecution, getHistory, runUntilIdle, startTestExecution } from '../testing/harness';
import { useTestClock } from '../testing/test-clock';

const clock = useTestClock();
afterAll(() => clock.restore());

const callback = (extra: object = {}): Definition => ({
  StartAt: 'Ask',
  States: {
    Ask: {
      Type: 'Task',
      Resource: 'notify.waitForTaskToken',
      Parameters: { 'token.$': '$$.Task.Token' },
      ResultPath: '$.answer',
      End: true,
      ...extra,
    },
  },
});

async function startAndGetToken(definition: Definition): Promise<{ id: string; token: string }> {
  const id = await startTestExecution({ definition, input: {} });
  await runUntilIdle();
  const scheduled = (await getHistory(id)).find((e) => e.type === 'TaskScheduled') as unknown as {
    taskScheduledEventDetails: { parameters: string };
  };
  return {
    id,
    token: (JSON.parse(scheduled.taskScheduledEventDetails.parameters) as { token: string }).token,
  };
}

const complete = (token: string, outcome: Parameters<typeof completeTaskToken>[1]['outcome']) =>
  db.$transaction((tx) => completeTaskToken(tx, { token, outcome }));

describe('task tokens', () => {
  it('stores only the hash of a 32-byte token and resumes on success', async () => {
    const { id, token } = await startAndGetToken(callback());
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await db.taskToken.findFirstOrThrow({ where: { executionId: id } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await complete(token, { type: 'success', output: { ok: true } })).toEqual({
      executionId: id,
      stateName: 'Ask',
    });
    await runUntilIdle();
    expect(await getExecution(id)).toMatchObject({ status: 'SUCCEEDED', output: { answer: { ok: true } } });
  });

  it('fails the state on SendTaskFailure, then answers TaskTimedOut for the used token', async () => {
    const { id, token } = await startAndGetToken(callback());
    await complete(token, { type: 'failure', error: 'Nope', cause: 'no' });
    await runUntilIdle();
    expect(await getExecution(id)).toMatchObject({ status: 'FAILED', error: 'Nope', cause: 'no' });
    await expect(complete(token, { type: 'success', output: {} })).rejects.toMatchObject({
      code: 'LINK_EXPIRED',
      details: { awsErrorType: 'TaskTimedOut' },
    });
  });

  it('rejects malformed and unknown tokens as InvalidToken', async () => {
    await expect(complete('', { type: 'success', output: {} })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { awsErrorType: 'InvalidToken' },
    });
    await expect(complete('x'.repeat(43), { type: 'success', output: {} })).rejects.toMatchObject({
      details: { awsErrorType: 'InvalidToken' },
    });
  });

  it('times out with States.Timeout (TimeoutSeconds)', async () => {
    const { id, token } = await startAndGetToken(callback({ TimeoutSeconds: 10 }));
    clock.advance(10_000);
    await runUntilIdle();
    expect(await getExecution(id)).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    await expect(complete(token, { type: 'success', output: {} })).rejects.toMatchObject({
      details: { awsErrorType: 'TaskTimedOut' },
    });
  });

  it('heartbeats push the HeartbeatSeconds deadline; silence times out with States.HeartbeatTimeout', async () => {
    const { id, token } = await startAndGetToken(callback({ HeartbeatSeconds: 5 }));
    for (let i = 0; i < 3; i++) {
      clock.advance(4_000);
      await complete(token, { type: 'heartbeat' });
      await runUntilIdle();
    }
    expect((await getExecution(id)).status).toBe('RUNNING');
    clock.advance(5_000);
    await runUntilIdle();
    expect(await getExecution(id)).toMatchObject({ status: 'FAILED', error: 'States.HeartbeatTimeout' });
  });

  it('hands activity tasks to a polling worker once', async () => {
    const definition: Definition = {
      StartAt: 'Work',
      States: { Work: { Type: 'Task', Resource: 'activity:crunch', End: true } },
    };
    const id = await startTestExecution({ definition, input: { n: 4 } });
    await runUntilIdle();
    const [first, second] = await Promise.all([
      getActivityTask({ activityName: 'crunch', workerName: 'w1', waitMs: 300 }),
      getActivityTask({ activityName: 'crunch', workerName: 'w2', waitMs: 300 }),
    ]);
    const got = first ?? second;
    expect([first, second].filter(Boolean)).toHaveLength(1);
    expect(JSON.parse(got!.input)).toEqual({ n: 4 });
    await complete(got!.taskToken, { type: 'success', output: { n: 16 } });
    await runUntilIdle();
    expect(await getExecution(id)).toMatchObject({ status: 'SUCCEEDED', output: { n: 16 } });
    expect(await getActivityTask({ activityName: 'crunch', waitMs: 50 })).toBeNull();
    const history = await getHistory(id);
    expect(history.map((e) => [e.id, e.previousEventId, e.type])).toEqual([
      [1, 0, 'ExecutionStarted'],
      [2, 1, 'TaskStateEntered'],
      [3, 2, 'ActivityScheduled'],
      [4, 3, 'ActivityStarted'],
      [5, 4, 'ActivitySucceeded'],
      [6, 5, 'TaskStateExited'],
      [7, 6, 'ExecutionSucceeded'],
    ]);
    expect(history[2]).toMatchObject({
      activityScheduledEventDetails: {
        resource: 'activity:crunch',
        input: '{"n":4}',
        inputDetails: { truncated: false },
      },
    });
    expect(history[3]).toMatchObject({ activityStartedEventDetails: { workerName: first ? 'w1' : 'w2' } });
    expect(history[4]).toMatchObject({ activitySucceededEventDetails: { output: '{"n":16}' } });
  });

  it('records an activity that times out as ActivityTimedOut', async () => {
    const definition: Definition = {
      StartAt: 'Work',
      States: { Work: { Type: 'Task', Resource: 'activity:slow', TimeoutSeconds: 5, End: true } },
    };
    const id = await startTestExecution({ definition });
    await runUntilIdle();
    clock.advance(5_000);
    await runUntilIdle();
    expect(await getExecution(id)).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    const types = (await getHistory(id)).map((e) => e.type);
    expect(types).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'ActivityScheduled',
      'ActivityTimedOut',
      'ExecutionFailed',
    ]);
  });
});
