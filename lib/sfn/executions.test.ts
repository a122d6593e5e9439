import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  DescribeStateMachineForExecutionCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  RedriveExecutionCommand,
  UpdateStateMachineCommand,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  StopExecutionCommand,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db/client';
import { startEngine } from '../engine';
import { callbackMachine, newKeyAndClient, passMachine } from './test-support';

let client: SFNClient;
let keyId: string;
let engine: { stop(): Promise<void> };
beforeAll(async () => {
  const { key, client: c } = await newKeyAndClient('executions');
  client = c;
  keyId = key.id;
  engine = startEngine({ pollMs: 50 });
});
afterAll(() => engine.stop());

async function machine(name: string, definition: string) {
  return (
    await client.send(
      new CreateStateMachineCommand({ name, definition, roleArn: 'arn:aws:iam::000000000000:role/r' }),
    )
  ).stateMachineArn as string;
}

async function statusOf(executionArn: string) {
  return (await client.send(new DescribeExecutionCommand({ executionArn }))).status;
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The token the callback task handed out, read from TaskScheduled's parameters. */
async function taskTokenOf(executionArn: string): Promise<string> {
  const scheduled = await waitFor(
    async () =>
      (await client.send(new GetExecutionHistoryCommand({ executionArn }))).events?.find(
        (e) => e.type === 'TaskScheduled',
      ),
    (event) => event !== undefined,
  );
  return (JSON.parse(scheduled?.taskScheduledEventDetails?.parameters ?? '{}') as { token: string }).token;
}

describe('executions over /api/sfn', () => {
  it('starts an execution as the signing key, describes and lists it', async () => {
    const stateMachineArn = await machine('pass', passMachine({ ok: true }));
    const { executionArn, startDate } = await client.send(
      new StartExecutionCommand({ stateMachineArn, name: 'first', input: '{"a":1}' }),
    );
    expect(executionArn).toBe('arn:aws:states:us-east-1:000000000000:execution:pass:first');
    expect(startDate).toBeInstanceOf(Date);
    expect(
      await waitFor(
        () => statusOf(executionArn as string),
        (s) => s === 'SUCCEEDED',
      ),
    ).toBe('SUCCEEDED');
    const described = await client.send(new DescribeExecutionCommand({ executionArn }));
    expect(described).toMatchObject({
      stateMachineArn,
      name: 'first',
      input: '{"a":1}',
      output: '{"ok":true}',
    });
    expect(described.stopDate).toBeInstanceOf(Date);
    expect(
      await db.execution.findFirst({ where: { name: 'first' }, select: { requesterApiKeyId: true } }),
    ).toEqual({ requesterApiKeyId: keyId });
    const audit = await db.auditEntry.findFirst({
      where: { action: 'EXECUTION_STARTED' },
      orderBy: { seq: 'desc' },
      select: { actorType: true, actorId: true, actorLabel: true },
    });
    expect(audit).toEqual({ actorType: 'apiKey', actorId: keyId, actorLabel: 'executions' });
    const listed = await client.send(
      new ListExecutionsCommand({ stateMachineArn, statusFilter: 'SUCCEEDED' }),
    );
    expect(listed.executions?.map((e) => e.executionArn)).toEqual([executionArn]);
    const forExecution = await client.send(new DescribeStateMachineForExecutionCommand({ executionArn }));
    expect(forExecution).toMatchObject({ stateMachineArn, definition: passMachine({ ok: true }) });
  });

  it('lists the executions of one version by its version ARN, a full page at a time', async () => {
    const stateMachineArn = await machine('listed-by-version', passMachine('v1'));
    const onV1 = [];
    for (const name of ['one', 'two'])
      onV1.push((await client.send(new StartExecutionCommand({ stateMachineArn, name }))).executionArn);
    await client.send(
      new UpdateStateMachineCommand({ stateMachineArn, definition: passMachine('v2'), publish: true }),
    );
    const onV2 = (await client.send(new StartExecutionCommand({ stateMachineArn, name: 'three' })))
      .executionArn;
    const pages: (string | undefined)[][] = [];
    let nextToken: string | undefined;
    do {
      const page = await client.send(
        new ListExecutionsCommand({ stateMachineArn: `${stateMachineArn}:1`, maxResults: 1, nextToken }),
      );
      pages.push((page.executions ?? []).map((e) => e.executionArn));
      nextToken = page.nextToken;
    } while (nextToken);
    expect(pages).toEqual([[onV1[1]], [onV1[0]]]); // newest first; never an empty page for the newer version's execution
    const v2 = await client.send(new ListExecutionsCommand({ stateMachineArn: `${stateMachineArn}:2` }));
    expect(v2.executions?.map((e) => e.executionArn)).toEqual([onV2]);
  });

  it('is idempotent by name and raises the typed errors', async () => {
    const stateMachineArn = await machine('idem-exec', passMachine());
    const first = await client.send(
      new StartExecutionCommand({ stateMachineArn, name: 'same', input: '{}' }),
    );
    expect(
      (await client.send(new StartExecutionCommand({ stateMachineArn, name: 'same', input: '{}' })))
        .executionArn,
    ).toBe(first.executionArn);
    await expect(
      client.send(new StartExecutionCommand({ stateMachineArn, name: 'same', input: '{"x":1}' })),
    ).rejects.toMatchObject({ name: 'ExecutionAlreadyExists' });
    await expect(
      client.send(new StartExecutionCommand({ stateMachineArn, input: 'not json' })),
    ).rejects.toMatchObject({ name: 'InvalidExecutionInput' });
    await expect(
      client.send(new StartExecutionCommand({ stateMachineArn: `${stateMachineArn}-gone` })),
    ).rejects.toMatchObject({ name: 'StateMachineDoesNotExist' });
    await expect(
      client.send(new DescribeExecutionCommand({ executionArn: `${first.executionArn}-gone` })),
    ).rejects.toMatchObject({ name: 'ExecutionDoesNotExist' });
    await waitFor(
      () => statusOf(first.executionArn as string),
      (s) => s === 'SUCCEEDED',
    );
    await expect(
      client.send(new RedriveExecutionCommand({ executionArn: first.executionArn })),
    ).rejects.toMatchObject({ name: 'ExecutionNotRedrivable' });
  });

  it('pages history forwards and in reverse, without payloads on request', async () => {
    const stateMachineArn = await machine('history', passMachine());
    const { executionArn } = await client.send(
      new StartExecutionCommand({ stateMachineArn, input: '{"secret":1}' }),
    );
    await waitFor(
      () => statusOf(executionArn as string),
      (s) => s === 'SUCCEEDED',
    );
    const all = (await client.send(new GetExecutionHistoryCommand({ executionArn }))).events ?? [];
    expect(all.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
    expect(all[0]).toMatchObject({ id: 1, previousEventId: 0, timestamp: expect.any(Date) });
    const ids: number[] = [];
    let nextToken: string | undefined;
    do {
      const page = await client.send(
        new GetExecutionHistoryCommand({ executionArn, maxResults: 3, reverseOrder: true, nextToken }),
      );
      ids.push(...(page.events ?? []).map((e) => e.id as number));
      nextToken = page.nextToken;
    } while (nextToken);
    expect(ids).toEqual([4, 3, 2, 1]);
    const bare = await client.send(
      new GetExecutionHistoryCommand({ executionArn, includeExecutionData: false }),
    );
    expect(bare.events?.[0].executionStartedEventDetails?.input).toBeUndefined();
    await expect(
      client.send(new GetExecutionHistoryCommand({ executionArn, nextToken: 'bad' })),
    ).rejects.toMatchObject({ name: 'InvalidToken' });
  });

  it('completes a task token with SendTaskSuccess, then refuses it again', async () => {
    const stateMachineArn = await machine('callback-ok', callbackMachine());
    const { executionArn } = await client.send(
      new StartExecutionCommand({ stateMachineArn, input: '{"order":7}' }),
    );
    const taskToken = await taskTokenOf(executionArn as string);
    await client.send(new SendTaskHeartbeatCommand({ taskToken }));
    await client.send(new SendTaskSuccessCommand({ taskToken, output: '{"shipped":true}' }));
    expect(
      await waitFor(
        () => statusOf(executionArn as string),
        (s) => s === 'SUCCEEDED',
      ),
    ).toBe('SUCCEEDED');
    await expect(client.send(new SendTaskSuccessCommand({ taskToken, output: '{}' }))).rejects.toMatchObject({
      name: 'TaskTimedOut',
    });
    await expect(
      client.send(new SendTaskSuccessCommand({ taskToken: 'no-such-token', output: '{}' })),
    ).rejects.toMatchObject({ name: 'InvalidToken' });
    await expect(
      client.send(new SendTaskSuccessCommand({ taskToken, output: 'nope' })),
    ).rejects.toMatchObject({ name: 'InvalidOutput' });
  });

  it('fails a task with SendTaskFailure, then redrives and stops', async () => {
    const stateMachineArn = await machine('callback-fail', callbackMachine());
    const { executionArn } = await client.send(
      new StartExecutionCommand({ stateMachineArn, input: '{"order":8}' }),
    );
    await client.send(
      new SendTaskFailureCommand({
        taskToken: await taskTokenOf(executionArn as string),
        error: 'Shipping.Down',
        cause: 'carrier offline',
      }),
    );
    const failed = await waitFor(
      () => client.send(new DescribeExecutionCommand({ executionArn })),
      (d) => d.status === 'FAILED',
    );
    expect(failed).toMatchObject({
      status: 'FAILED',
      error: 'Shipping.Down',
      cause: 'carrier offline',
      redriveStatus: 'REDRIVABLE',
    });
    const { redriveDate } = await client.send(new RedriveExecutionCommand({ executionArn }));
    expect(redriveDate).toBeInstanceOf(Date);
    expect(await statusOf(executionArn as string)).toBe('RUNNING');
    const { stopDate } = await client.send(
      new StopExecutionCommand({ executionArn, error: 'Ops.Stop', cause: 'by test' }),
    );
    expect(stopDate).toBeInstanceOf(Date);
    expect(await client.send(new DescribeExecutionCommand({ executionArn }))).toMatchObject({
      status: 'ABORTED',
      redriveCount: 1,
    });
    const { executionArn: untouched } = await client.send(
      new StartExecutionCommand({ stateMachineArn, input: '{"order":9}' }),
    );
    const arns = async (redriveFilter: 'REDRIVEN' | 'NOT_REDRIVEN') =>
      (
        (await client.send(new ListExecutionsCommand({ stateMachineArn, redriveFilter }))).executions ?? []
      ).map((e) => e.executionArn);
    expect(await arns('REDRIVEN')).toEqual([executionArn]);
    expect(await arns('NOT_REDRIVEN')).toEqual([untouched]);
  });
});
