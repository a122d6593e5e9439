// The REST API over the real engine (no fake): an activity task is polled, completed and the
// execution finishes; another is stopped while it waits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngine } from '@/lib/engine';
import { call } from './test-client';
import * as workflows from './workflows/route';
import * as executions from './executions/route';
import * as execution from './executions/[id]/route';
import * as history from './executions/[id]/history/route';
import * as stop from './executions/[id]/stop/route';
import * as activities from './activities/route';
import * as poll from './activities/[name]/poll/route';
import * as success from './tasks/success/route';

const definition = {
  StartAt: 'Greet',
  States: {
    Greet: { Type: 'Task', Resource: 'activity:greeter', ResultPath: '$.greeting', Next: 'Done' },
    Done: { Type: 'Pass', End: true },
  },
};

let engine: { stop(): Promise<void> };
beforeAll(async () => {
  engine = startEngine({ pollMs: 20 });
  expect((await call(activities.POST, { body: { name: 'greeter' } })).status).toBe(201);
  expect((await call(workflows.POST, { body: { name: 'greeting', definition } })).status).toBe(201);
});
afterAll(async () => engine.stop());

async function statusOf(id: string): Promise<string> {
  return (await call(execution.GET, { params: { id } })).body.status;
}

describe('REST API over the engine', () => {
  it('runs an activity task to completion: start, poll, send success, SUCCEEDED with history', async () => {
    const started = await call(executions.POST, {
      body: { workflowId: 'greeting', name: 'hello', input: { who: 'ada' } },
    });
    expect(started.status).toBe(201);
    const task = await call(poll.POST, {
      params: { name: 'greeter' },
      body: { workerName: 'test', waitSeconds: 10 },
    });
    expect(task.status).toBe(200);
    expect(JSON.parse(task.body.input)).toEqual({ who: 'ada' });
    expect(
      (await call(success.POST, { body: { taskToken: task.body.taskToken, output: { text: 'hi ada' } } }))
        .status,
    ).toBe(200);
    await expect.poll(() => statusOf(started.body.id), { timeout: 10_000 }).toBe('SUCCEEDED');
    const done = await call(execution.GET, { params: { id: started.body.id } });
    expect(done.body.output).toEqual({ who: 'ada', greeting: { text: 'hi ada' } });
    const events = (await call(history.GET, { params: { id: started.body.id } })).body.events as {
      type: string;
    }[];
    expect(events.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'ActivityScheduled',
      'ActivityStarted',
      'ActivitySucceeded',
      'TaskStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
    expect(events.find((e) => e.type === 'ActivityStarted')).toMatchObject({
      activityStartedEventDetails: { workerName: 'test' },
    });
    const again = await call(success.POST, { body: { taskToken: task.body.taskToken, output: {} } });
    expect(again).toMatchObject({
      status: 410,
      body: { error: { code: 'LINK_EXPIRED', details: { awsErrorType: 'TaskTimedOut' } } },
    });
  });

  it('stops an execution waiting on its activity', async () => {
    const started = await call(executions.POST, { body: { workflowId: 'greeting', name: 'stopped' } });
    const stopped = await call(stop.POST, { params: { id: started.body.id }, body: { error: 'Manual' } });
    expect(stopped).toMatchObject({ status: 200, body: { status: 'ABORTED' } });
    expect((await call(stop.POST, { params: { id: started.body.id }, body: {} })).status).toBe(409);
  });
});
