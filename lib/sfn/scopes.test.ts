import * as sfn from '@aws-sdk/client-sfn';
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, revokeApiKey } from '../auth/api-keys';
import { API_SCOPES, type ApiScope } from '../auth/scopes';
import { db } from '../db/client';
import { actionFor } from './dispatch';
import { callbackMachine, sfnClient } from './test-support';

/** The scope each action needs (DESIGN §6): the table dispatch.ts must agree with. */
const expected: Record<string, ApiScope> = {
  CreateStateMachine: 'workflows:write',
  UpdateStateMachine: 'workflows:write',
  DeleteStateMachine: 'workflows:write',
  DescribeStateMachine: 'workflows:read',
  ListStateMachines: 'workflows:read',
  ListStateMachineVersions: 'workflows:read',
  ValidateStateMachineDefinition: 'workflows:read',
  TestState: 'workflows:read',
  ListTagsForResource: 'workflows:read',
  TagResource: 'workflows:write',
  UntagResource: 'workflows:write',
  CreateActivity: 'workflows:write',
  DeleteActivity: 'workflows:write',
  DescribeActivity: 'workflows:read',
  ListActivities: 'workflows:read',
  StartExecution: 'executions:write',
  StopExecution: 'executions:write',
  RedriveExecution: 'executions:write',
  DescribeExecution: 'executions:read',
  ListExecutions: 'executions:read',
  GetExecutionHistory: 'executions:read',
  DescribeStateMachineForExecution: 'executions:read',
  SendTaskSuccess: 'tasks:write',
  SendTaskFailure: 'tasks:write',
  SendTaskHeartbeat: 'tasks:write',
  GetActivityTask: 'activities:poll',
};

const everyScopeBut = (scope: ApiScope) => API_SCOPES.filter((s) => s !== scope && s !== 'admin');
const clientWith = async (scopes: ApiScope[]) => sfnClient(await createApiKey({ name: 'scoped', scopes }));

let stateMachineArn: string;
let executionArn: string;
beforeAll(async () => {
  // No engine runs here: the callback execution stays RUNNING.
  const admin = await clientWith(['admin']);
  stateMachineArn = (
    await admin.send(
      new CreateStateMachineCommand({
        name: 'scoped-sfn',
        definition: callbackMachine(),
        roleArn: 'arn:aws:iam::000000000000:role/r',
      }),
    )
  ).stateMachineArn!;
  executionArn = (await admin.send(new StartExecutionCommand({ stateMachineArn, name: 'running' })))
    .executionArn!;
});

/** 'answered', or the SDK exception's name, message and HTTP status. */
async function refusal(sent: Promise<unknown>) {
  return sent.then(
    () => 'answered' as const,
    (error: { name: string; message: string; $metadata: { httpStatusCode?: number } }) => ({
      name: error.name,
      message: error.message,
      status: error.$metadata.httpStatusCode,
    }),
  );
}

describe('/api/sfn scopes', () => {
  it('refuses StartExecution without executions:write with AccessDeniedException (400), writing nothing', async () => {
    const client = await clientWith(everyScopeBut('executions:write'));
    const before = { executions: await db.execution.count(), audit: await db.auditEntry.count() };
    expect(
      await refusal(client.send(new StartExecutionCommand({ stateMachineArn, name: 'refused' }))),
    ).toEqual({
      name: 'AccessDeniedException',
      message: 'This API key lacks the scope executions:write.',
      status: 400,
    });
    expect({ executions: await db.execution.count(), audit: await db.auditEntry.count() }).toEqual(before);
  });

  it('refuses revoked and expired keys as unrecognized, writing nothing', async () => {
    const revoked = await createApiKey({ name: 'revoked' });
    await revokeApiKey({ id: revoked.id });
    const expired = await createApiKey({ name: 'expired', expiresAt: new Date(Date.now() + 60_000) });
    await db.apiKey.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    const before = await db.execution.count();
    for (const key of [revoked, expired]) {
      expect(
        await refusal(
          sfnClient(key).send(new StartExecutionCommand({ stateMachineArn, name: `by-${key.id}` })),
        ),
      ).toMatchObject({ name: 'UnrecognizedClientException', status: 403 });
    }
    expect(await db.execution.count()).toBe(before);
  });

  it('lets an executions:read key list and describe, but not stop', async () => {
    const reader = await clientWith(['executions:read']);
    const listed = await reader.send(new ListExecutionsCommand({ stateMachineArn }));
    expect(listed.executions?.map((e) => e.executionArn)).toContain(executionArn);
    expect((await reader.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('RUNNING');
    expect(await refusal(reader.send(new StopExecutionCommand({ executionArn })))).toMatchObject({
      name: 'AccessDeniedException',
      message: 'This API key lacks the scope executions:write.',
    });
    expect(await refusal(reader.send(new ListStateMachinesCommand({})))).toMatchObject({
      name: 'AccessDeniedException',
      message: 'This API key lacks the scope workflows:read.',
    });
    expect((await reader.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('RUNNING');
  });

  it('lets an admin key do anything', async () => {
    const admin = await clientWith(['admin']);
    const started = await admin.send(new StartExecutionCommand({ stateMachineArn, name: 'by-admin' }));
    await admin.send(new StopExecutionCommand({ executionArn: started.executionArn }));
    expect(
      (await admin.send(new DescribeExecutionCommand({ executionArn: started.executionArn }))).status,
    ).toBe('ABORTED');
  });

  it.each(Object.entries(expected))('%s needs %s', async (action, scope) => {
    expect(actionFor(`AWSStepFunctions.${action}`)?.scope).toBe(scope);
    const Command = (sfn as unknown as Record<string, new (input: object) => object>)[`${action}Command`];
    // Any command: the client's send() overloads cannot name one chosen at run time.
    const command = () => new Command({}) as never;
    const without = await refusal((await clientWith(everyScopeBut(scope))).send(command()));
    expect(without).toMatchObject({ name: 'AccessDeniedException', message: expect.stringContaining(scope) });
    // With only that scope the call gets past the check (an empty input then fails validation).
    const withOnly = await refusal((await clientWith([scope])).send(command()));
    expect(withOnly === 'answered' ? withOnly : withOnly.name).not.toBe('AccessDeniedException');
  });
});
