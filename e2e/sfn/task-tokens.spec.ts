import {
  CreateActivityCommand,
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  GetActivityTaskCommand,
  RedriveExecutionCommand,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  StopExecutionCommand,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import { expect, test } from '@playwright/test';
import { createTestApiKey, sfnClientFor } from '../fixtures/api-key';
import { ROLE, callbackMachine, expectStatus, taskTokenOf, uniqueName } from './helpers';

let client: SFNClient;
test.beforeAll(async ({ baseURL }) => {
  client = sfnClientFor(baseURL, await createTestApiKey('e2e-tokens'));
});

async function startCallback(input = '{}') {
  const { stateMachineArn } = await client.send(
    new CreateStateMachineCommand({
      name: uniqueName('callback'),
      definition: callbackMachine(),
      roleArn: ROLE,
    }),
  );
  const { executionArn } = await client.send(new StartExecutionCommand({ stateMachineArn, input }));
  return executionArn as string;
}

test('[SFN]: SendTaskSuccess completes a .waitForTaskToken task; the token cannot be used twice', async () => {
  const executionArn = await startCallback();
  const taskToken = await taskTokenOf(client, executionArn);
  await client.send(new SendTaskSuccessCommand({ taskToken, output: '{"approved":true}' }));
  await expectStatus(client, executionArn, 'SUCCEEDED');
  expect((await client.send(new DescribeExecutionCommand({ executionArn }))).output).toBe(
    '{"approved":true}',
  );
  await expect(client.send(new SendTaskSuccessCommand({ taskToken, output: '{}' }))).rejects.toMatchObject({
    name: 'TaskTimedOut',
  });
  await expect(
    client.send(new SendTaskSuccessCommand({ taskToken: 'not-a-token', output: '{}' })),
  ).rejects.toMatchObject({ name: 'InvalidToken' });
});

test('[SFN]: SendTaskFailure fails the execution, RedriveExecution restarts it, StopExecution aborts it', async () => {
  const executionArn = await startCallback();
  await client.send(
    new SendTaskFailureCommand({
      taskToken: await taskTokenOf(client, executionArn),
      error: 'Carrier.Down',
      cause: 'no trucks',
    }),
  );
  await expectStatus(client, executionArn, 'FAILED');
  expect(await client.send(new DescribeExecutionCommand({ executionArn }))).toMatchObject({
    error: 'Carrier.Down',
    cause: 'no trucks',
    redriveStatus: 'REDRIVABLE',
  });
  await client.send(new RedriveExecutionCommand({ executionArn }));
  await expectStatus(client, executionArn, 'RUNNING');
  const redrivenToken = await taskTokenOf(client, executionArn);
  expect(redrivenToken).not.toBe('');
  await client.send(new StopExecutionCommand({ executionArn, error: 'Ops.Stopped', cause: 'e2e' }));
  await expectStatus(client, executionArn, 'ABORTED');
  expect(await client.send(new DescribeExecutionCommand({ executionArn }))).toMatchObject({
    redriveCount: 1,
    error: 'Ops.Stopped',
  });
});

test('[SFN]: an activity worker polls GetActivityTask and answers with SendTaskSuccess', async () => {
  const { activityArn } = await client.send(new CreateActivityCommand({ name: uniqueName('pack') }));
  const definition = JSON.stringify({
    StartAt: 'Pack',
    States: { Pack: { Type: 'Task', Resource: activityArn, End: true } },
  });
  const { stateMachineArn } = await client.send(
    new CreateStateMachineCommand({ name: uniqueName('activity'), definition, roleArn: ROLE }),
  );
  const { executionArn } = await client.send(
    new StartExecutionCommand({ stateMachineArn, input: '{"parcel":7}' }),
  );
  const task = await client.send(new GetActivityTaskCommand({ activityArn, workerName: 'e2e-worker' }));
  expect(JSON.parse(task.input ?? 'null')).toEqual({ parcel: 7 });
  await client.send(new SendTaskSuccessCommand({ taskToken: task.taskToken, output: '{"packed":7}' }));
  await expectStatus(client, executionArn as string, 'SUCCEEDED');
});
