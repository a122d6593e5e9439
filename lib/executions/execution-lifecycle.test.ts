import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db/client';
import { completeTask } from './complete-task';
import { getExecutionOrThrow } from './describe-execution';
import { getExecutionHistory } from './get-execution-history';
import { redriveExecution } from './redrive-execution';
import { startExecution } from './start-execution';
import { stopExecution } from './stop-execution';
import {
  callbackDefinition,
  createTestWorkflow,
  runEngineUntilIdle,
  taskTokenFromHistory,
  testActor,
} from './test-support';

/** Three Pass states: ExecutionStarted, entered/exited ×3, ExecutionSucceeded — 8 events. */
const threePasses = JSON.stringify({
  StartAt: 'S1',
  States: {
    S1: { Type: 'Pass', Next: 'S2' },
    S2: { Type: 'Pass', Next: 'S3' },
    S3: { Type: 'Pass', End: true },
  },
});

let callbackWorkflowId: string;
let passesWorkflowId: string;
beforeAll(async () => {
  callbackWorkflowId = (await createTestWorkflow('life', callbackDefinition())).id;
  passesWorkflowId = (await createTestWorkflow('life-passes', threePasses)).id;
});

/** Starts an execution of the callback workflow and runs the engine until it waits on its token. */
async function startWaiting(name: string, input?: string) {
  const { execution } = await startExecution({
    workflowId: callbackWorkflowId,
    name,
    input,
    actor: testActor,
  });
  await runEngineUntilIdle();
  const { events } = await getExecutionHistory({
    executionId: execution.id,
    maxResults: 1000,
    actor: testActor,
  });
  return { execution, token: taskTokenFromHistory(events) };
}

describe('execution lifecycle', () => {
  it('describes, stops (once) and redrives, auditing each', async () => {
    const { execution, token: before } = await startWaiting('stop-me');
    expect(await getExecutionOrThrow({ id: execution.id, actor: testActor })).toEqual(execution);
    const stopped = await stopExecution({
      id: execution.id,
      error: 'Manual',
      cause: 'testing',
      actor: testActor,
    });
    expect(stopped).toMatchObject({ status: 'ABORTED', error: 'Manual', cause: 'testing' });
    await expect(stopExecution({ id: execution.id, actor: testActor })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(
      completeTask({ taskToken: before, result: { type: 'success', output: '{}' }, actor: testActor }),
    ).rejects.toMatchObject({ details: { awsErrorType: 'TaskTimedOut' } });
    expect((await redriveExecution({ id: execution.id, actor: testActor })).status).toBe('RUNNING');
    await expect(redriveExecution({ id: execution.id, actor: testActor })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    // The redriven execution waits on its task again, under a new token; completing that one finishes it.
    await runEngineUntilIdle();
    const { events } = await getExecutionHistory({
      executionId: execution.id,
      reverseOrder: true,
      maxResults: 1000,
      actor: testActor,
    });
    await completeTask({
      taskToken: taskTokenFromHistory(events),
      result: { type: 'success', output: '{"again":true}' },
      actor: testActor,
    });
    await runEngineUntilIdle();
    expect(await getExecutionOrThrow({ id: execution.id, actor: testActor })).toMatchObject({
      status: 'SUCCEEDED',
      output: { again: true },
      redriveCount: 1,
    });
    const actions = await db.auditEntry.findMany({
      where: { targetId: execution.id },
      orderBy: { seq: 'asc' },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual([
      'EXECUTION_STARTED',
      'EXECUTION_STOPPED',
      'EXECUTION_REDRIVEN',
      'TASK_TOKEN_COMPLETED',
    ]);
    await expect(getExecutionOrThrow({ id: 'nope', actor: testActor })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(stopExecution({ id: 'nope', actor: testActor })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('pages history both ways with AWS-shaped events', async () => {
    const { execution } = await startExecution({
      workflowId: passesWorkflowId,
      name: 'history',
      input: '{"x":1}',
      actor: testActor,
    });
    await runEngineUntilIdle();
    const first = await getExecutionHistory({ executionId: execution.id, maxResults: 3, actor: testActor });
    expect(first.events[0]).toMatchObject({
      id: 1,
      previousEventId: 0,
      type: 'ExecutionStarted',
      executionStartedEventDetails: { input: '{"x":1}' },
    });
    expect(first.events[1]).toMatchObject({
      id: 2,
      type: 'PassStateEntered',
      stateEnteredEventDetails: { name: 'S1' },
    });
    const second = await getExecutionHistory({
      executionId: execution.id,
      maxResults: 3,
      nextToken: first.nextToken,
      actor: testActor,
    });
    const third = await getExecutionHistory({
      executionId: execution.id,
      maxResults: 3,
      nextToken: second.nextToken,
      actor: testActor,
    });
    const all = [...first.events, ...second.events, ...third.events];
    expect(all.map((e) => e.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(all.at(-1)?.type).toBe('ExecutionSucceeded');
    expect(third.nextToken).toBeUndefined();
    const reversed = await getExecutionHistory({
      executionId: execution.id,
      reverseOrder: true,
      maxResults: 2,
      actor: testActor,
    });
    expect(reversed.events.map((e) => e.id)).toEqual([8, 7]);
    await expect(
      getExecutionHistory({ executionId: execution.id, nextToken: reversed.nextToken, actor: testActor }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(getExecutionHistory({ executionId: 'nope', actor: testActor })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('completes a task token once, audited; heartbeats are not audited', async () => {
    const { execution, token } = await startWaiting('callback', '{"order":7}');
    expect(await completeTask({ taskToken: token, result: { type: 'heartbeat' }, actor: testActor })).toEqual(
      { executionId: execution.id, stateName: 'Await' },
    );
    expect(
      await completeTask({
        taskToken: token,
        result: { type: 'success', output: '{"ok":true}' },
        actor: testActor,
      }),
    ).toEqual({ executionId: execution.id, stateName: 'Await' });
    await expect(
      completeTask({ taskToken: token, result: { type: 'failure', error: 'E' }, actor: testActor }),
    ).rejects.toMatchObject({ code: 'LINK_EXPIRED', details: { awsErrorType: 'TaskTimedOut' } });
    await expect(
      completeTask({ taskToken: token, result: { type: 'success', output: 'nope' }, actor: testActor }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(
      completeTask({
        taskToken: 'x'.repeat(43),
        result: { type: 'success', output: '{}' },
        actor: testActor,
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { awsErrorType: 'InvalidToken' } });
    expect(
      await db.auditEntry.count({ where: { action: 'TASK_TOKEN_COMPLETED', targetId: execution.id } }),
    ).toBe(1);
    await runEngineUntilIdle();
    expect(await getExecutionOrThrow({ id: execution.id, actor: testActor })).toMatchObject({
      status: 'SUCCEEDED',
      output: { ok: true },
    });
  });

  it('fails the waiting state on SendTaskFailure, audited with the error', async () => {
    const { execution, token } = await startWaiting('callback-fails');
    await completeTask({
      taskToken: token,
      result: { type: 'failure', error: 'Rejected', cause: 'no stock' },
      actor: testActor,
    });
    await runEngineUntilIdle();
    expect(await getExecutionOrThrow({ id: execution.id, actor: testActor })).toMatchObject({
      status: 'FAILED',
      error: 'Rejected',
      cause: 'no stock',
    });
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { action: 'TASK_TOKEN_COMPLETED', targetId: execution.id },
    });
    expect(JSON.parse(audit.data)).toMatchObject({
      executionId: execution.id,
      stateName: 'Await',
      outcome: 'failure',
      error: 'Rejected',
    });
  });
});
