import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '../db/client';
import { completeTask } from './complete-task';
import { getExecutionOrThrow } from './describe-execution';
import { hashToken } from './fake-engine';
import { getExecutionHistory } from './get-execution-history';
import { redriveExecution } from './redrive-execution';
import { startExecution } from './start-execution';
import { stopExecution } from './stop-execution';
import { createTestWorkflow, testActor } from './test-support';

vi.mock('../engine', () => import('./fake-engine'));

let workflowId: string;
beforeAll(async () => {
  workflowId = (await createTestWorkflow('life')).id;
});

async function addEvents(executionId: string, count: number) {
  const base = await db.historyEvent.count({ where: { executionId } });
  for (let i = 1; i <= count; i += 1) {
    const seq = base + i;
    await db.historyEvent.create({ data: { executionId, seq, previousEventId: seq - 1, type: 'PassStateEntered', details: JSON.stringify({ stateEnteredEventDetails: { name: `S${seq}` } }) } });
  }
}

describe('execution lifecycle', () => {
  it('describes, stops (once) and redrives, auditing each', async () => {
    const { execution } = await startExecution({ workflowId, name: 'stop-me', actor: testActor });
    expect(await getExecutionOrThrow({ id: execution.id })).toEqual(execution);
    const stopped = await stopExecution({ id: execution.id, error: 'Manual', cause: 'testing', actor: testActor });
    expect(stopped).toMatchObject({ status: 'ABORTED', error: 'Manual', cause: 'testing' });
    await expect(stopExecution({ id: execution.id, actor: testActor })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await redriveExecution({ id: execution.id, actor: testActor })).status).toBe('RUNNING');
    await expect(redriveExecution({ id: execution.id, actor: testActor })).rejects.toMatchObject({ code: 'CONFLICT' });
    const actions = await db.auditEntry.findMany({ where: { targetId: execution.id }, orderBy: { seq: 'asc' }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(['EXECUTION_STARTED', 'EXECUTION_STOPPED', 'EXECUTION_REDRIVEN']);
    await expect(getExecutionOrThrow({ id: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(stopExecution({ id: 'nope', actor: testActor })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('pages history both ways with AWS-shaped events', async () => {
    const { execution } = await startExecution({ workflowId, name: 'history', input: '{"x":1}', actor: testActor });
    await addEvents(execution.id, 6);
    const first = await getExecutionHistory({ executionId: execution.id, maxResults: 3 });
    expect(first.events[0]).toMatchObject({ id: 1, previousEventId: 0, type: 'ExecutionStarted', executionStartedEventDetails: { input: '{"x":1}' } });
    expect(first.events[1]).toMatchObject({ id: 2, stateEnteredEventDetails: { name: 'S2' } });
    const second = await getExecutionHistory({ executionId: execution.id, maxResults: 3, nextToken: first.nextToken });
    const third = await getExecutionHistory({ executionId: execution.id, maxResults: 3, nextToken: second.nextToken });
    expect([...first.events, ...second.events, ...third.events].map((e) => e.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(third.nextToken).toBeUndefined();
    const reversed = await getExecutionHistory({ executionId: execution.id, reverseOrder: true, maxResults: 2 });
    expect(reversed.events.map((e) => e.id)).toEqual([7, 6]);
    await expect(getExecutionHistory({ executionId: execution.id, nextToken: reversed.nextToken })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(getExecutionHistory({ executionId: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('completes a task token once, audited; heartbeats are not audited', async () => {
    const { execution } = await startExecution({ workflowId, name: 'callback', actor: testActor });
    await db.taskToken.create({ data: { tokenHash: hashToken('tok-1'), executionId: execution.id, frameId: 'f', stateName: 'Wait', resource: 'x.waitForTaskToken' } });
    await completeTask({ taskToken: 'tok-1', result: { type: 'heartbeat' }, actor: testActor });
    expect(await completeTask({ taskToken: 'tok-1', result: { type: 'success', output: '{"ok":true}' }, actor: testActor })).toEqual({ executionId: execution.id, stateName: 'Wait' });
    await expect(completeTask({ taskToken: 'tok-1', result: { type: 'failure', error: 'E' }, actor: testActor })).rejects.toMatchObject({ code: 'LINK_EXPIRED', details: { awsErrorType: 'TaskTimedOut' } });
    await expect(completeTask({ taskToken: 'tok-1', result: { type: 'success', output: 'nope' }, actor: testActor })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await db.auditEntry.count({ where: { action: 'TASK_TOKEN_COMPLETED', targetId: execution.id } })).toBe(1);
  });
});
