/**
 * Nested workflows (`arn:aws:states:::states:startExecution`): the child runs in Signoff, the
 * parent waits for it (`.sync`, `.sync:2`) or its token (`.waitForTaskToken`), each carries the
 * other's ARN, a failing child fails the parent, and stopping the parent stops the child.
 */
import '../register-integrations';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Definition, JsonValue } from '../asl';
import { db } from '../db/client';
import { completeTask } from './complete-task';
import { getExecutionOrThrow } from './describe-execution';
import { getExecutionHistory } from './get-execution-history';
import { STARTED_BY } from './nested-executions';
import { startExecution } from './start-execution';
import { stopExecution } from './stop-execution';
import { callbackDefinition, createTestWorkflow, runEngineUntilIdle, testActor } from './test-support';

const ARN = 'arn:aws:states:us-east-1:123456789012';

beforeAll(async () => {
  await createTestWorkflow(
    'child-double',
    JSON.stringify({
      StartAt: 'Double',
      States: {
        Double: { Type: 'Pass', Parameters: { 'doubled.$': 'States.MathAdd($.n, $.n)' }, End: true },
      },
    }),
  );
  await createTestWorkflow(
    'child-fails',
    JSON.stringify({
      StartAt: 'No',
      States: { No: { Type: 'Fail', Error: 'Rejected', Cause: 'over budget' } },
    }),
  );
  await createTestWorkflow('child-waits', callbackDefinition());
});

async function runParent(name: string, definition: Definition, input: JsonValue = {}) {
  await createTestWorkflow(name, JSON.stringify(definition));
  const { execution } = await startExecution({
    workflowId: name,
    input: JSON.stringify(input),
    actor: testActor,
  });
  await runEngineUntilIdle();
  return execution.id;
}

const startTask = (resource: string, parameters: Record<string, JsonValue>, extra: object = {}): Definition =>
  ({
    StartAt: 'Child',
    States: { Child: { Type: 'Task', Resource: resource, Parameters: parameters, End: true, ...extra } },
  }) as Definition;

const childOf = (parentId: string) =>
  db.execution.findFirstOrThrow({ where: { parentExecutionId: parentId } });

describe('states:startExecution', () => {
  it(".sync waits for the child and answers DescribeExecution's shape, Input and Output as JSON text", async () => {
    const parentId = await runParent(
      'parent-sync',
      startTask('arn:aws:states:::states:startExecution.sync', {
        StateMachineArn: `${ARN}:stateMachine:child-double`,
        'Input.$': '$',
        Name: 'double-21',
      }),
      { n: 21 },
    );
    const parent = await getExecutionOrThrow({ id: parentId, actor: testActor });
    expect(parent.status).toBe('SUCCEEDED');
    const parentArn = `${ARN}:execution:parent-sync:${parent.name}`;
    expect(parent.output).toMatchObject({
      ExecutionArn: `${ARN}:execution:child-double:double-21`,
      StateMachineArn: `${ARN}:stateMachine:child-double`,
      Name: 'double-21',
      Status: 'SUCCEEDED',
      Output: JSON.stringify({ doubled: 42 }),
      StartDate: expect.any(Number),
      StopDate: expect.any(Number),
    });
    expect(JSON.parse((parent.output as { Input: string }).Input)).toEqual({
      n: 21,
      [STARTED_BY]: parentArn,
    });
    const child = await childOf(parentId);
    expect(child.name).toBe('double-21');
    expect(JSON.parse(child.input)).toMatchObject({ [STARTED_BY]: parentArn });
  });

  it('.sync:2 parses Input and Output; the parent history names the child', async () => {
    const parentId = await runParent(
      'parent-sync2',
      startTask('arn:aws:states:::states:startExecution.sync:2', {
        StateMachineArn: `${ARN}:stateMachine:child-double`,
        Input: { n: 5 },
      }),
    );
    const parent = await getExecutionOrThrow({ id: parentId, actor: testActor });
    expect(parent.output).toMatchObject({ Status: 'SUCCEEDED', Output: { doubled: 10 }, Input: { n: 5 } });
    const child = await childOf(parentId);
    const history = await getExecutionHistory({ executionId: parentId, actor: testActor });
    const succeeded = history.events.find((e) => e.type === 'TaskSucceeded') as unknown as {
      taskSucceededEventDetails: { output: string };
    };
    expect(JSON.parse(succeeded.taskSucceededEventDetails.output)).toMatchObject({
      ExecutionArn: `${ARN}:execution:child-double:${child.name}`,
    });
  });

  it('a failing child fails the parent with States.TaskFailed and the description as cause; Catch can route it', async () => {
    const parentId = await runParent(
      'parent-of-failure',
      startTask('arn:aws:states:::states:startExecution.sync:2', {
        StateMachineArn: `${ARN}:stateMachine:child-fails`,
      }),
    );
    const parent = await getExecutionOrThrow({ id: parentId, actor: testActor });
    expect(parent.status).toBe('FAILED');
    expect(parent.error).toBe('States.TaskFailed');
    expect(JSON.parse(parent.cause ?? '{}')).toMatchObject({
      Status: 'FAILED',
      Error: 'Rejected',
      Cause: 'over budget',
    });

    const caughtId = await runParent('parent-catches', {
      StartAt: 'Child',
      States: {
        Child: {
          Type: 'Task',
          Resource: 'arn:aws:states:::states:startExecution.sync',
          Parameters: { StateMachineArn: `${ARN}:stateMachine:child-fails` },
          Catch: [{ ErrorEquals: ['States.TaskFailed'], ResultPath: '$.failed', Next: 'Handled' }],
          End: true,
        },
        Handled: { Type: 'Pass', End: true },
      },
    });
    const caught = await getExecutionOrThrow({ id: caughtId, actor: testActor });
    expect(caught.status).toBe('SUCCEEDED');
    expect(caught.output).toMatchObject({ failed: { Error: 'States.TaskFailed' } });
  });

  it('stopping the parent stops the child it waits on, in the same transaction', async () => {
    const parentId = await runParent(
      'parent-stopped',
      startTask('arn:aws:states:::states:startExecution.sync', {
        StateMachineArn: `${ARN}:stateMachine:child-waits`,
      }),
    );
    const child = await childOf(parentId);
    expect(child.status).toBe('RUNNING');
    expect(child.parentTaskTokenId).not.toBeNull();
    await stopExecution({ id: parentId, actor: testActor, cause: 'changed our mind' });
    const stopped = await db.execution.findUniqueOrThrow({ where: { id: child.id } });
    expect(stopped.status).toBe('ABORTED');
    expect(stopped.cause).toContain('parent execution');
    await runEngineUntilIdle();
    expect((await getExecutionOrThrow({ id: parentId, actor: testActor })).status).toBe('ABORTED');
  });

  it('without a suffix the parent goes on at once with ExecutionArn and StartDate', async () => {
    const parentId = await runParent(
      'parent-async',
      startTask('arn:aws:states:::states:startExecution', {
        StateMachineArn: `${ARN}:stateMachine:child-waits`,
        Name: 'fire-and-forget',
      }),
    );
    const parent = await getExecutionOrThrow({ id: parentId, actor: testActor });
    expect(parent.status).toBe('SUCCEEDED');
    expect(parent.output).toEqual({
      ExecutionArn: `${ARN}:execution:child-waits:fire-and-forget`,
      StartDate: expect.any(Number),
    });
    const child = await childOf(parentId);
    expect(child.status).toBe('RUNNING'); // its own life: the parent does not wait or stop it
    expect(child.parentTaskTokenId).toBeNull();
  });

  it('.waitForTaskToken hands the token to the child, whose SendTaskSuccess resumes the parent', async () => {
    const parentId = await runParent(
      'parent-token',
      startTask('arn:aws:states:::states:startExecution.waitForTaskToken', {
        StateMachineArn: `${ARN}:stateMachine:child-double`,
        Input: { n: 1, 'token.$': '$$.Task.Token' },
      }),
    );
    const child = await childOf(parentId);
    expect(child.status).toBe('SUCCEEDED'); // the child ended, but only the token answers a waitForTaskToken task
    expect((await getExecutionOrThrow({ id: parentId, actor: testActor })).status).toBe('RUNNING');
    const token = (JSON.parse(child.input) as { token: string }).token;
    await completeTask({
      taskToken: token,
      result: { type: 'success', output: '{"answer":1}' },
      actor: testActor,
    });
    await runEngineUntilIdle();
    const parent = await getExecutionOrThrow({ id: parentId, actor: testActor });
    expect(parent.status).toBe('SUCCEEDED');
    expect(parent.output).toEqual({ answer: 1 });
  });

  it('a state machine that does not exist, or a name taken, fails with StepFunctions errors a Catch names', async () => {
    const definition: Definition = {
      StartAt: 'Missing',
      States: {
        Missing: {
          Type: 'Task',
          Resource: 'arn:aws:states:::states:startExecution.sync',
          Parameters: { StateMachineArn: `${ARN}:stateMachine:no-such-machine` },
          Catch: [
            {
              ErrorEquals: ['StepFunctions.StateMachineDoesNotExistException'],
              ResultPath: '$.missing',
              Next: 'Taken',
            },
          ],
          End: true,
        },
        Taken: {
          Type: 'Task',
          Resource: 'arn:aws:states:::states:startExecution',
          Parameters: { StateMachineArn: `${ARN}:stateMachine:child-double`, Name: 'double-21' },
          Catch: [
            {
              ErrorEquals: ['StepFunctions.ExecutionAlreadyExistsException'],
              ResultPath: '$.taken',
              Next: 'Done',
            },
          ],
          End: true,
        },
        Done: { Type: 'Pass', End: true },
      },
    };
    const parentId = await runParent('parent-errors', definition);
    const parent = await getExecutionOrThrow({ id: parentId, actor: testActor });
    expect(parent.status).toBe('SUCCEEDED');
    expect(parent.output).toMatchObject({
      missing: { Error: 'StepFunctions.StateMachineDoesNotExistException' },
      taken: { Error: 'StepFunctions.ExecutionAlreadyExistsException' },
    });
    expect(await db.execution.count({ where: { parentExecutionId: parentId } })).toBe(0);
  });
});
