import {
  CreateActivityCommand,
  CreateStateMachineCommand,
  DeleteActivityCommand,
  DescribeActivityCommand,
  DescribeExecutionCommand,
  GetActivityTaskCommand,
  ListActivitiesCommand,
  ListTagsForResourceCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  TestStateCommand,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngine } from '../engine';
import { newKeyAndClient } from './test-support';

let client: SFNClient;
let engine: { stop(): Promise<void> };
beforeAll(async () => {
  process.env.SIGNOFF_SFN_ACTIVITY_POLL_SECONDS = '5';
  ({ client } = await newKeyAndClient('activities'));
  engine = startEngine({ pollMs: 50 });
});
afterAll(() => engine.stop());

describe('activities over /api/sfn', () => {
  it('creates, describes, lists, tags and deletes an activity', async () => {
    const { activityArn } = await client.send(
      new CreateActivityCommand({ name: 'pack', tags: [{ key: 'team', value: 'ops' }] }),
    );
    expect(activityArn).toBe('arn:aws:states:us-east-1:000000000000:activity:pack');
    expect(await client.send(new DescribeActivityCommand({ activityArn }))).toMatchObject({
      name: 'pack',
      creationDate: expect.any(Date),
    });
    expect((await client.send(new ListActivitiesCommand({}))).activities?.map((a) => a.name)).toContain(
      'pack',
    );
    expect((await client.send(new ListTagsForResourceCommand({ resourceArn: activityArn }))).tags).toEqual([
      { key: 'team', value: 'ops' },
    ]);
    await client.send(new DeleteActivityCommand({ activityArn }));
    await expect(client.send(new DescribeActivityCommand({ activityArn }))).rejects.toMatchObject({
      name: 'ActivityDoesNotExist',
    });
    await client.send(new DeleteActivityCommand({ activityArn })); // already gone: still succeeds, as on AWS
    await expect(
      client.send(new DeleteActivityCommand({ activityArn: 'arn:aws:states:us-east-1:1:stateMachine:x' })),
    ).rejects.toMatchObject({ name: 'InvalidArn' });
  });

  it('hands a task to a worker polling GetActivityTask and resumes on SendTaskSuccess', async () => {
    const { activityArn } = await client.send(new CreateActivityCommand({ name: 'label' }));
    const definition = JSON.stringify({
      StartAt: 'Label',
      States: { Label: { Type: 'Task', Resource: activityArn, End: true } },
    });
    const { stateMachineArn } = await client.send(
      new CreateStateMachineCommand({
        name: 'with-activity',
        definition,
        roleArn: 'arn:aws:iam::000000000000:role/r',
      }),
    );
    const { executionArn } = await client.send(
      new StartExecutionCommand({ stateMachineArn, input: '{"parcel":42}' }),
    );
    const task = await client.send(new GetActivityTaskCommand({ activityArn, workerName: 'worker-1' }));
    expect(JSON.parse(task.input ?? 'null')).toEqual({ parcel: 42 });
    await client.send(new SendTaskSuccessCommand({ taskToken: task.taskToken, output: '{"label":"L-42"}' }));
    const deadline = Date.now() + 10_000;
    let described = await client.send(new DescribeExecutionCommand({ executionArn }));
    while (described.status === 'RUNNING' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20)); // poll as a client does, not in a busy spin
      described = await client.send(new DescribeExecutionCommand({ executionArn }));
    }
    expect(described).toMatchObject({ status: 'SUCCEEDED', output: '{"label":"L-42"}' });
  });

  it('answers an empty poll with no token', async () => {
    process.env.SIGNOFF_SFN_ACTIVITY_POLL_SECONDS = '0';
    const { activityArn } = await client.send(new CreateActivityCommand({ name: 'idle' }));
    expect((await client.send(new GetActivityTaskCommand({ activityArn }))).taskToken).toBeUndefined();
    process.env.SIGNOFF_SFN_ACTIVITY_POLL_SECONDS = '5';
  });
});

describe('TestState', () => {
  const test = (definition: object, extra: object = {}) =>
    client.send(
      new TestStateCommand({
        definition: JSON.stringify(definition),
        roleArn: 'arn:aws:iam::000000000000:role/r',
        input: '{"n":2}',
        ...extra,
      }),
    );

  it('runs a Pass state and names the next state', async () => {
    const result = await test({
      Type: 'Pass',
      Parameters: { 'doubled.$': 'States.MathAdd($.n, $.n)' },
      Next: 'After',
    });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: '{"doubled":4}', nextState: 'After' });
  });

  it('reports a Fail state and a caught Task error from a mock', async () => {
    expect(await test({ Type: 'Fail', Error: 'Bad', Cause: 'why' })).toMatchObject({
      status: 'FAILED',
      error: 'Bad',
      cause: 'why',
    });
    const task = {
      Type: 'Task',
      Resource: 'function:charge',
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Handle' }],
      End: true,
    };
    const caught = await test(task, { mock: { errorOutput: { error: 'Card.Declined', cause: 'no funds' } } });
    expect(caught).toMatchObject({ status: 'CAUGHT_ERROR', error: 'Card.Declined', nextState: 'Handle' });
    const retriable = await test(
      { ...task, Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 2 }] },
      { mock: { errorOutput: { error: 'Card.Declined' } } },
    );
    expect(retriable).toMatchObject({ status: 'RETRIABLE', error: 'Card.Declined' });
    expect(await test(task, { mock: { result: '{"paid":true}' } })).toMatchObject({
      status: 'SUCCEEDED',
      output: '{"paid":true}',
    });
  });

  it('refuses a Task without a mock and a definition that is not JSON', async () => {
    await expect(test({ Type: 'Task', Resource: 'function:charge', End: true })).rejects.toMatchObject({
      name: 'ValidationException',
    });
    await expect(client.send(new TestStateCommand({ definition: '{', roleArn: 'r' }))).rejects.toMatchObject({
      name: 'InvalidDefinition',
    });
  });
});
