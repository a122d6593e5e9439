import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  StartExecutionCommand,
  ValidateStateMachineDefinitionCommand,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import { expect, test } from '@playwright/test';
import { createTestApiKey, sfnClientFor } from '../fixtures/api-key';
import { ROLE, expectStatus, passMachine, threeStepMachine, uniqueName } from './helpers';

let client: SFNClient;
test.beforeAll(async ({ baseURL }) => {
  client = sfnClientFor(baseURL, await createTestApiKey());
});

test('[SFN]: the AWS SDK creates a state machine, starts executions and lists them', async () => {
  const name = uniqueName('orders');
  const { stateMachineArn } = await client.send(
    new CreateStateMachineCommand({ name, definition: passMachine({ ok: true }), roleArn: ROLE }),
  );
  expect(stateMachineArn).toBe(`arn:aws:states:us-east-1:000000000000:stateMachine:${name}`);
  const started = [];
  for (const executionName of ['a', 'b'])
    started.push(
      await client.send(
        new StartExecutionCommand({ stateMachineArn, name: executionName, input: '{"n":1}' }),
      ),
    );
  for (const { executionArn } of started) await expectStatus(client, executionArn as string, 'SUCCEEDED');
  const described = await client.send(
    new DescribeExecutionCommand({ executionArn: started[0].executionArn }),
  );
  expect(described).toMatchObject({
    name: 'a',
    input: '{"n":1}',
    output: '{"ok":true}',
    startDate: expect.any(Date),
    stopDate: expect.any(Date),
  });
  const listed = await client.send(new ListExecutionsCommand({ stateMachineArn }));
  expect(listed.executions?.map((e) => e.name).sort()).toEqual(['a', 'b']);
});

test('[SFN]: GetExecutionHistory pages with nextToken, forwards and in reverse', async () => {
  const { stateMachineArn } = await client.send(
    new CreateStateMachineCommand({
      name: uniqueName('history'),
      definition: threeStepMachine(),
      roleArn: ROLE,
    }),
  );
  const { executionArn } = await client.send(new StartExecutionCommand({ stateMachineArn }));
  await expectStatus(client, executionArn as string, 'SUCCEEDED');
  const read = async (reverseOrder: boolean) => {
    const events = [];
    let nextToken: string | undefined;
    do {
      const page = await client.send(
        new GetExecutionHistoryCommand({ executionArn, maxResults: 2, reverseOrder, nextToken }),
      );
      expect(page.events?.length).toBeLessThanOrEqual(2);
      events.push(...(page.events ?? []));
      nextToken = page.nextToken;
    } while (nextToken);
    return events;
  };
  const forwards = await read(false);
  expect(forwards[0]).toMatchObject({ id: 1, type: 'ExecutionStarted', timestamp: expect.any(Date) });
  expect(forwards.at(-1)?.type).toBe('ExecutionSucceeded');
  expect(forwards.map((e) => e.type)).toContain('PassStateEntered');
  const backwards = await read(true);
  expect(backwards.map((e) => e.id)).toEqual(forwards.map((e) => e.id).reverse());
});

test('[SFN]: a broken definition is refused with its diagnostics', async () => {
  const broken = JSON.stringify({
    StartAt: 'Ship',
    States: { Ship: { Type: 'Pass', Next: 'Shipp' }, Extra: { Type: 'Wait' } },
  });
  const validation = await client.send(new ValidateStateMachineDefinitionCommand({ definition: broken }));
  expect(validation.result).toBe('FAIL');
  expect(validation.diagnostics?.map((d) => d.location)).toEqual(
    expect.arrayContaining(['/States/Ship/Next']),
  );
  for (const d of validation.diagnostics ?? [])
    expect(d).toMatchObject({ severity: 'ERROR', code: expect.any(String), message: expect.any(String) });
  const error = await client
    .send(new CreateStateMachineCommand({ name: uniqueName('broken'), definition: broken, roleArn: ROLE }))
    .catch((e: Error) => e);
  expect(error).toMatchObject({ name: 'InvalidDefinition' });
});

test('[SFN]: each error case raises its typed SDK exception', async () => {
  const name = uniqueName('errors');
  const { stateMachineArn } = await client.send(
    new CreateStateMachineCommand({ name, definition: passMachine(1), roleArn: ROLE }),
  );
  await client.send(new StartExecutionCommand({ stateMachineArn, name: 'once', input: '{}' }));
  const cases: [Promise<unknown>, string][] = [
    [
      client.send(new StartExecutionCommand({ stateMachineArn, name: 'once', input: '{"other":1}' })),
      'ExecutionAlreadyExists',
    ],
    [
      client.send(new StartExecutionCommand({ stateMachineArn: `${stateMachineArn}-missing` })),
      'StateMachineDoesNotExist',
    ],
    [
      client.send(
        new DescribeExecutionCommand({
          executionArn: `arn:aws:states:us-east-1:000000000000:execution:${name}:missing`,
        }),
      ),
      'ExecutionDoesNotExist',
    ],
    [
      client.send(new StartExecutionCommand({ stateMachineArn, input: '{not json' })),
      'InvalidExecutionInput',
    ],
    [client.send(new StartExecutionCommand({ stateMachineArn, name: 'has space' })), 'InvalidName'],
    [client.send(new DescribeExecutionCommand({ executionArn: 'arn:nope' })), 'InvalidArn'],
  ];
  for (const [call, type] of cases) await expect(call).rejects.toMatchObject({ name: type });
});
