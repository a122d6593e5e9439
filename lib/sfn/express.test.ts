/**
 * EXPRESS state machines through the real SFNClient: created with type EXPRESS (refused when
 * they would wait outside the run), run by StartSyncExecution within the request (success,
 * failure, timeout), kept and described afterwards, and purged after their retention.
 */
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  GetExecutionHistoryCommand,
  StartSyncExecutionCommand,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/verify-audit-chain';
import { db } from '../db/client';
import { purgeExpressExecutions } from '../engine/worker/purge-express';
import { newKeyAndClient, passMachine } from './test-support';

let client: SFNClient;
beforeAll(async () => {
  client = (await newKeyAndClient('express')).client;
});

const role = 'arn:aws:iam::000000000000:role/r';

async function machine(name: string, definition: object | string, type: 'EXPRESS' | 'STANDARD' = 'EXPRESS') {
  const text = typeof definition === 'string' ? definition : JSON.stringify(definition);
  return (await client.send(new CreateStateMachineCommand({ name, definition: text, roleArn: role, type })))
    .stateMachineArn as string;
}

/** Five states: Pass, a registered function, a Choice, and two ends. */
const quote = {
  StartAt: 'Prepare',
  States: {
    Prepare: { Type: 'Pass', Parameters: { 'a.$': '$.net', 'b.$': '$.tax' }, Next: 'Add' },
    Add: { Type: 'Task', Resource: 'function:add-numbers', Next: 'Large?' },
    'Large?': {
      Type: 'Choice',
      Choices: [{ Variable: '$.sum', NumericGreaterThan: 1000, Next: 'Needs review' }],
      Default: 'Quoted',
    },
    'Needs review': { Type: 'Fail', Error: 'TooLarge', Cause: 'above 1000' },
    Quoted: { Type: 'Succeed' },
  },
};

describe('EXPRESS state machines and StartSyncExecution', () => {
  it('answers the output in the same response, and the run is kept with its history', async () => {
    const stateMachineArn = await machine('quote', quote);
    const described = await client.send(new DescribeStateMachineCommand({ stateMachineArn }));
    expect(described.type).toBe('EXPRESS');
    const run = await client.send(
      new StartSyncExecutionCommand({
        stateMachineArn,
        name: 'q-1',
        input: JSON.stringify({ net: 100, tax: 20 }),
      }),
    );
    expect(run).toMatchObject({
      status: 'SUCCEEDED',
      name: 'q-1',
      stateMachineArn,
      executionArn: expect.stringContaining(':execution:quote:q-1'),
      output: JSON.stringify({ sum: 120 }),
      input: JSON.stringify({ net: 100, tax: 20 }),
    });
    expect(run.stopDate?.getTime()).toBeGreaterThanOrEqual(run.startDate?.getTime() ?? Infinity);
    const kept = await client.send(new DescribeExecutionCommand({ executionArn: run.executionArn }));
    expect(kept.status).toBe('SUCCEEDED');
    const history = await client.send(new GetExecutionHistoryCommand({ executionArn: run.executionArn }));
    // its audit entry, written on the synchronous connection, continues the hash chain
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
    const entries = await db.auditEntry.findMany({
      where: { action: 'EXECUTION_STARTED' },
      select: { data: true },
    });
    expect(entries.map((e) => JSON.parse(e.data) as object)).toContainEqual(
      expect.objectContaining({ name: 'q-1', expressStatus: 'SUCCEEDED' }),
    );
    expect(history.events?.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'PassStateEntered',
      'PassStateExited',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSucceeded',
      'TaskStateExited',
      'ChoiceStateEntered',
      'ChoiceStateExited',
      'SucceedStateEntered',
      'SucceedStateExited',
      'ExecutionSucceeded',
    ]);
  });

  it('answers a failure with its error and cause', async () => {
    const stateMachineArn = await machine('quote-fails', quote);
    const run = await client.send(
      new StartSyncExecutionCommand({ stateMachineArn, input: JSON.stringify({ net: 1000, tax: 200 }) }),
    );
    expect(run).toMatchObject({ status: 'FAILED', error: 'TooLarge', cause: 'above 1000' });
    expect(run.output).toBeUndefined();
  });

  it("times out at the definition's TimeoutSeconds, on the wall clock", async () => {
    const stateMachineArn = await machine('slow', {
      StartAt: 'Wait',
      TimeoutSeconds: 1,
      States: { Wait: { Type: 'Wait', Seconds: 30, End: true } },
    });
    const started = Date.now();
    const run = await client.send(new StartSyncExecutionCommand({ stateMachineArn }));
    const took = Date.now() - started;
    expect(run).toMatchObject({ status: 'TIMED_OUT', error: 'States.Timeout' });
    expect(took).toBeGreaterThanOrEqual(900);
    expect(took).toBeLessThan(10_000);
  });

  it('a Wait really waits', async () => {
    const stateMachineArn = await machine('short-wait', {
      StartAt: 'Wait',
      States: { Wait: { Type: 'Wait', Seconds: 1, Next: 'Done' }, Done: { Type: 'Pass', End: true } },
    });
    const started = Date.now();
    const run = await client.send(new StartSyncExecutionCommand({ stateMachineArn, input: '{"x":1}' }));
    expect(run.status).toBe('SUCCEEDED');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('refuses at create what waits outside the run, each at its path, with AWS’s words', async () => {
    const waiting = {
      StartAt: 'Ask',
      States: {
        Ask: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', Next: 'Both' },
        Both: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'Work', States: { Work: { Type: 'Task', Resource: 'activity:printer', End: true } } },
            {
              StartAt: 'Job',
              States: {
                Job: { Type: 'Task', Resource: 'arn:aws:states:::glue:startJobRun.sync', End: true },
              },
            },
          ],
          End: true,
        },
      },
    };
    const refused = await machine('waits', waiting).catch((error: Error) => error);
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error).name).toBe('InvalidDefinition');
    const message = (refused as Error).message;
    expect(message).toContain(
      "Express state machine does not support '.waitForTaskToken' service integration. at /States/Ask/Resource",
    );
    expect(message).toContain('does not support Activities. at /States/Both/Branches/0/States/Work/Resource');
    expect(message).toContain("'.sync' service integration. at /States/Both/Branches/1/States/Job/Resource");
    expect(await db.workflow.count({ where: { name: 'waits' } })).toBe(0);
    // the same definition is a fine STANDARD machine
    await expect(machine('waits-standard', waiting, 'STANDARD')).resolves.toContain('waits-standard');
  });

  it('StartSyncExecution on a STANDARD machine is StateMachineTypeNotSupported; nothing is written', async () => {
    const stateMachineArn = await machine('standard-one', passMachine(), 'STANDARD');
    const before = await db.execution.count();
    const refused = await client
      .send(new StartSyncExecutionCommand({ stateMachineArn }))
      .catch((error: Error) => error);
    expect((refused as Error).name).toBe('StateMachineTypeNotSupported');
    expect(await db.execution.count()).toBe(before);
  });

  it('starts a child execution with states:startExecution; a missing machine is a StepFunctions error', async () => {
    await machine('express-child', passMachine('child'), 'STANDARD');
    const stateMachineArn = await machine('express-parent', {
      StartAt: 'Start child',
      States: {
        'Start child': {
          Type: 'Task',
          Resource: 'arn:aws:states:::states:startExecution',
          Parameters: { 'StateMachineArn.$': '$.target', Input: { from: 'express' } },
          End: true,
        },
      },
    });
    const started = await client.send(
      new StartSyncExecutionCommand({
        stateMachineArn,
        name: 'p-1',
        input: JSON.stringify({ target: 'express-child' }),
      }),
    );
    expect(started.status).toBe('SUCCEEDED');
    expect(JSON.parse(started.output ?? '{}')).toMatchObject({
      ExecutionArn: expect.stringContaining(':execution:express-child:'),
    });
    const child = await db.execution.findFirstOrThrow({ where: { workflow: { name: 'express-child' } } });
    expect(JSON.parse(child.input)).toMatchObject({
      from: 'express',
      AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID: expect.stringContaining(':execution:express-parent:p-1'),
    });
    const missing = await client.send(
      new StartSyncExecutionCommand({ stateMachineArn, input: JSON.stringify({ target: 'nowhere' }) }),
    );
    expect(missing).toMatchObject({
      status: 'FAILED',
      error: 'StepFunctions.StateMachineDoesNotExistException',
    });
  });

  it('purges Express runs past their retention, and nothing else', async () => {
    const stateMachineArn = await machine('short-lived', passMachine());
    const old = await client.send(new StartSyncExecutionCommand({ stateMachineArn, name: 'old' }));
    await client.send(new StartSyncExecutionCommand({ stateMachineArn, name: 'fresh' }));
    const standardArn = await machine('long-lived', passMachine(), 'STANDARD');
    const standardWorkflow = await db.workflow.findUniqueOrThrow({ where: { name: 'long-lived' } });
    const longAgo = new Date(Date.now() - 48 * 3_600_000);
    await db.execution.updateMany({ where: { name: 'old' }, data: { stoppedAt: longAgo } });
    const standard = await db.execution.create({
      data: {
        name: 'ancient',
        workflowId: standardWorkflow.id,
        workflowVersionId: (
          await db.workflowVersion.findFirstOrThrow({ where: { workflowId: standardWorkflow.id } })
        ).id,
        input: '{}',
        status: 'SUCCEEDED',
        stoppedAt: longAgo,
        runnable: false,
      },
    });
    expect(standardArn).toContain('long-lived');
    expect(await purgeExpressExecutions()).toBe(1);
    const names = (await db.execution.findMany({ where: { workflow: { name: 'short-lived' } } })).map(
      (e) => e.name,
    );
    expect(names).toEqual(['fresh']);
    expect(await db.historyEvent.count({ where: { execution: { name: 'old' } } })).toBe(0);
    expect(await db.execution.findUnique({ where: { id: standard.id } })).not.toBeNull();
    expect(old.status).toBe('SUCCEEDED');
  });
});
