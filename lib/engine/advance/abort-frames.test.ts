import { describe, expect, it } from 'vitest';
import type { Definition } from '../../asl';
import { db } from '../../db/client';
import { isAppError } from '../../errors';
import { taskTokenFromHistory } from '../../executions/test-support';
import { getExecution, getHistory, startTestExecution } from '../testing/harness';
import { completeTaskToken } from '../tokens/complete-task-token';
import { seedPeople } from '../../approvals/test-kit';
import { abortFrames } from './abort-frames';
import { advanceBatch } from './advance-batch';
import { openSession } from './open-session';

const ACTIVE = ['PENDING', 'RUNNING', 'WAITING'];

describe('abortFrames', () => {
  it('cancels the tokens a session made for the frames it aborts, and drops their invocations', async () => {
    const definition: Definition = {
      StartAt: 'All',
      States: {
        All: {
          Type: 'Parallel',
          Branches: [
            {
              StartAt: 'Ask',
              States: {
                Ask: {
                  Type: 'Task',
                  Resource: 'orders.waitForTaskToken',
                  Parameters: { 'token.$': '$$.Task.Token' },
                  TimeoutSeconds: 60,
                  End: true,
                },
              },
            },
            {
              StartAt: 'Call',
              States: { Call: { Type: 'Task', Resource: 'function:never-called', End: true } },
            },
            { StartAt: 'Boom', States: { Boom: { Type: 'Fail', Error: 'Boom' } } },
          ],
          End: true,
        },
      },
    };
    const id = await startTestExecution({ definition });
    const { results, conflicts, failures } = await advanceBatch([id], 'w1');
    expect(conflicts).toEqual([]);
    expect(failures.size).toBe(0);
    expect(results.get(id)).toEqual({ claimed: true, runnable: false, invocations: [] });
    expect(await getExecution(id)).toMatchObject({ status: 'FAILED', error: 'Boom' });
    const tokens = await db.taskToken.findMany({ where: { executionId: id }, orderBy: { stateName: 'asc' } });
    expect(tokens.map((t) => [t.stateName, t.status])).toEqual([
      ['Ask', 'CANCELLED'],
      ['Call', 'CANCELLED'],
    ]);
    expect(tokens.every((t) => t.completedAt instanceof Date)).toBe(true);
    expect(await db.timer.count({ where: { executionId: id, status: 'PENDING' } })).toBe(0);
    const token = taskTokenFromHistory(await getHistory(id));
    const late = await db
      .$transaction((tx) => completeTaskToken(tx, { token, outcome: { type: 'success', output: 1 } }))
      .catch((error: unknown) => error);
    expect(isAppError(late) && (late.details as { awsErrorType?: string }).awsErrorType).toBe('TaskTimedOut');
  });

  it('closes the approval task a session asked for when it aborts its frame before the commit', async () => {
    await seedPeople();
    const definition = {
      StartAt: 'All',
      States: {
        All: {
          Type: 'Parallel',
          Branches: [
            {
              StartAt: 'Approve',
              States: {
                Approve: {
                  Type: 'Task',
                  Resource: 'approval',
                  Parameters: { Title: 'Ship it?', Approvers: ['alice@example.com'] },
                  End: true,
                },
              },
            },
            { StartAt: 'Boom', States: { Boom: { Type: 'Fail', Error: 'Boom' } } },
          ],
          End: true,
        },
      },
    } as Definition;
    const id = await startTestExecution({ definition });
    const { conflicts, failures } = await advanceBatch([id], 'w1');
    expect(conflicts).toEqual([]);
    expect(failures.size).toBe(0);
    expect(await getExecution(id)).toMatchObject({ status: 'FAILED', error: 'Boom' });
    const token = await db.taskToken.findFirstOrThrow({ where: { executionId: id } });
    expect(token.status).toBe('CANCELLED');
    const task = await db.approvalTask.findFirstOrThrow({ where: { taskTokenId: token.id } });
    expect(task.status).not.toBe('PENDING');
  });

  it('leaves frames it aborted without loading them out of later reads in the same session', async () => {
    const definition: Definition = {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemProcessor: { StartAt: 'Hold', States: { Hold: { Type: 'Wait', Seconds: 3600, End: true } } },
          End: true,
        },
      },
    };
    const id = await startTestExecution({ definition, input: [1, 2] });
    await advanceBatch([id], 'w1');
    const root = await db.executionFrame.findFirstOrThrow({
      where: { executionId: id, parentFrameId: null },
    });
    expect(await db.executionFrame.count({ where: { parentFrameId: root.id, status: 'WAITING' } })).toBe(2);
    await db.$transaction(async (tx) => {
      const session = await openSession(tx, id); // holds no frame yet
      await abortFrames(session, [root.id], { kind: 'stopped' });
      expect(session.abortedRows.size).toBe(2);
      expect(session.history.map((e) => e.type)).toEqual(['MapIterationAborted', 'MapIterationAborted']);
      expect(await session.framesUnder([root.id], ACTIVE)).toEqual([]);
      await abortFrames(session, [root.id], { kind: 'stopped' }); // nothing is left to abort
      expect(session.history).toHaveLength(2);
    });
  });
});
