import { describe, expect, it } from 'vitest';
import { db } from '../db/client';
import { completeTask } from '../executions/complete-task';
import { getExecutionOrThrow } from '../executions/describe-execution';
import { startExecution } from '../executions/start-execution';
import { activityDefinition, createTestWorkflow, runEngineUntilIdle } from '../executions/test-support';
import { createActivity } from './create-activity';
import { deleteActivity } from './delete-activity';
import { getActivityOrThrow } from './describe-activity';
import { listActivities } from './list-activities';
import { pollActivity } from './poll-activity';

const actor = { type: 'system' as const };

describe('activities', () => {
  it('creates idempotently by name, describes, lists and deletes, auditing changes', async () => {
    const first = await createActivity({ name: 'render', tags: { tier: 'gpu' }, actor });
    expect(first).toMatchObject({ created: true, activity: { name: 'render', tags: { tier: 'gpu' } } });
    expect((await createActivity({ name: 'render', actor })).created).toBe(false);
    expect(await getActivityOrThrow({ name: first.activity.id, actor })).toEqual(first.activity);
    expect((await listActivities({ actor })).map((a) => a.name)).toEqual(['render']);
    await deleteActivity({ name: 'render', actor });
    await expect(getActivityOrThrow({ name: 'render', actor })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { awsErrorType: 'ActivityDoesNotExist' },
    });
    await expect(deleteActivity({ name: 'render', actor })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const actions = await db.auditEntry.findMany({
      where: { targetType: 'activity' },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual(['ACTIVITY_CREATED', 'ACTIVITY_DELETED']);
  });

  it('polls through the engine and 404s an unknown activity', async () => {
    await createActivity({ name: 'poll-me', actor });
    expect(await pollActivity({ name: 'poll-me', waitSeconds: 0, actor })).toBeNull();
    const workflow = await createTestWorkflow('uses-poll-me', activityDefinition('poll-me'));
    const { execution } = await startExecution({ workflowId: workflow.id, input: '{"n":4}', actor });
    await runEngineUntilIdle();
    const task = await pollActivity({ name: 'poll-me', workerName: 'w1', waitSeconds: 0, actor });
    expect(task).toEqual({ taskToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), input: '{"n":4}' });
    expect(await pollActivity({ name: 'poll-me', waitSeconds: 0, actor })).toBeNull();
    await completeTask({
      taskToken: task!.taskToken,
      result: { type: 'success', output: '{"done":4}' },
      actor,
    });
    await runEngineUntilIdle();
    expect(await getExecutionOrThrow({ id: execution.id, actor })).toMatchObject({
      status: 'SUCCEEDED',
      output: { done: 4 },
    });
    await expect(pollActivity({ name: 'ghost', waitSeconds: 0, actor })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
