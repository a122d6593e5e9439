/**
 * Distributed Map runs its items as child executions of a map run: each child has its own
 * history, MaxConcurrency holds how many run at once, the parent resumes with every outcome in
 * item order, a failure beyond the threshold stops the rest, and stopping the parent stops them.
 */
import { describe, expect, it } from 'vitest';
import type { Definition, JsonValue } from '../../asl';
import { db } from '../../db/client';
import { retryTransaction } from '../tx-retry';
import { stopExecution } from '../control/stop-execution';
import { getExecution, getHistory, runUntilIdle, startTestExecution } from '../testing/harness';
import { updateMapRun } from './map-run';
import { seedPeople } from '../../approvals/test-kit';

function distributed(processor: object, extra: object = {}): Definition {
  return {
    StartAt: 'Each',
    States: {
      Each: {
        Type: 'Map',
        Label: 'numbers',
        ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, ...processor },
        End: true,
        ...extra,
      },
    },
  } as unknown as Definition;
}

const double = {
  StartAt: 'Double',
  States: { Double: { Type: 'Pass', Parameters: { 'n.$': 'States.MathAdd($.n, $.n)' }, End: true } },
};

const children = (parentId: string) =>
  db.execution.findMany({ where: { parentExecutionId: parentId }, orderBy: { mapIndex: 'asc' } });

describe('Distributed Map', () => {
  it('runs each item as a child execution with its own history; the parent gets the outputs in item order', async () => {
    const items: JsonValue = [1, 2, 3, 4, 5].map((n) => ({ n }));
    const id = await startTestExecution({
      definition: distributed(double, { MaxConcurrency: 2 }),
      input: items,
    });
    await runUntilIdle();
    const parent = await getExecution(id);
    expect(parent.status).toBe('SUCCEEDED');
    expect(parent.output).toEqual([2, 4, 6, 8, 10].map((n) => ({ n })));
    const kids = await children(id);
    expect(kids.map((k) => [k.mapIndex, k.status])).toEqual([0, 1, 2, 3, 4].map((i) => [i, 'SUCCEEDED']));
    const childHistory = (await getHistory(kids[0].id)).map((e) => e.type);
    expect(childHistory).toEqual([
      'ExecutionStarted',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
    const parentHistory = (await getHistory(id)).map((e) => e.type);
    expect(parentHistory).toContain('MapRunStarted');
    expect(parentHistory).not.toContain('MapIterationStarted');
    const run = await db.mapRun.findFirstOrThrow({ where: { executionId: id } });
    expect(run).toMatchObject({
      status: 'SUCCEEDED',
      total: 5,
      started: 5,
      succeeded: 5,
      failed: 0,
      label: 'numbers',
    });
  });

  it('MaxConcurrency holds the running children; UpdateMapRun lets more run', async () => {
    const waiting = {
      StartAt: 'Hold',
      States: { Hold: { Type: 'Task', Resource: 'arn:aws:states:::callback.waitForTaskToken', End: true } },
    };
    const id = await startTestExecution({
      definition: distributed(waiting, { MaxConcurrency: 2 }),
      input: [{}, {}, {}, {}, {}],
    });
    await runUntilIdle();
    const statuses = async () => (await children(id)).map((k) => k.status);
    expect(await statuses()).toEqual(['RUNNING', 'RUNNING', 'PENDING', 'PENDING', 'PENDING']);
    const run = await db.mapRun.findFirstOrThrow({ where: { executionId: id } });
    await retryTransaction((tx) => updateMapRun(tx, { mapRunId: run.id, maxConcurrency: 4 }));
    await runUntilIdle();
    expect(await statuses()).toEqual(['RUNNING', 'RUNNING', 'RUNNING', 'RUNNING', 'PENDING']);

    await retryTransaction((tx) => stopExecution(tx, { executionId: id, cause: 'enough' }));
    expect(await statuses()).toEqual(['ABORTED', 'ABORTED', 'ABORTED', 'ABORTED', 'ABORTED']);
    expect((await db.mapRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe('ABORTED');
  });

  it('a failure beyond the threshold stops the others and fails the Map; within it the Map succeeds', async () => {
    const failOdd = {
      StartAt: 'Odd?',
      States: {
        'Odd?': {
          Type: 'Choice',
          Choices: [{ Variable: '$.odd', BooleanEquals: true, Next: 'No' }],
          Default: 'Yes',
        },
        No: { Type: 'Fail', Error: 'Odd', Cause: 'odd item' },
        Yes: { Type: 'Pass', End: true },
      },
    };
    const items = [false, true, false, false].map((odd) => ({ odd }));
    const strict = await startTestExecution({ definition: distributed(failOdd), input: items });
    await runUntilIdle();
    const failed = await getExecution(strict);
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toBe('Odd');
    const tolerant = await startTestExecution({
      definition: distributed(failOdd, { ToleratedFailureCount: 1 }),
      input: items,
    });
    await runUntilIdle();
    const ok = await getExecution(tolerant);
    expect(ok.status).toBe('SUCCEEDED');
    expect(ok.output).toEqual([
      { odd: false },
      { Error: 'Odd', Cause: 'odd item' },
      { odd: false },
      { odd: false },
    ]);
    expect(await db.mapRun.findFirstOrThrow({ where: { executionId: tolerant } })).toMatchObject({
      succeeded: 3,
      failed: 1,
      status: 'SUCCEEDED',
    });
  });

  it('a child that fails the run in the same pass as its siblings ask for approvals leaves no approval open', async () => {
    await seedPeople();
    const askOrFail = {
      StartAt: 'Odd?',
      States: {
        'Odd?': {
          Type: 'Choice',
          Choices: [{ Variable: '$.odd', BooleanEquals: true, Next: 'No' }],
          Default: 'Ask',
        },
        No: { Type: 'Fail', Error: 'Odd' },
        Ask: {
          Type: 'Task',
          Resource: 'approval',
          Parameters: { Title: 'Item', Approvers: ['alice@example.com'] },
          End: true,
        },
      },
    };
    const items = [true, false, false, false].map((odd) => ({ odd }));
    const id = await startTestExecution({ definition: distributed(askOrFail), input: items });
    await runUntilIdle();
    expect(await getExecution(id)).toMatchObject({ status: 'FAILED', error: 'Odd' });
    const kids = await children(id);
    expect(kids.map((k) => k.status)).toEqual(['FAILED', 'ABORTED', 'ABORTED', 'ABORTED']);
    const open = await db.approvalTask.count({
      where: { executionId: { in: kids.map((k) => k.id) }, status: 'PENDING' },
    });
    expect(open).toBe(0);
    expect(
      await db.taskToken.count({ where: { executionId: { in: kids.map((k) => k.id) }, status: 'PENDING' } }),
    ).toBe(0);
  });

  it('a Map run started in a pass that also aborts its frame is stopped with it', async () => {
    const definition = {
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel',
          Branches: [
            {
              StartAt: 'Each',
              States: {
                Each: {
                  Type: 'Map',
                  ItemsPath: '$.items',
                  ItemProcessor: {
                    ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
                    ...double,
                  },
                  End: true,
                },
              },
            },
            { StartAt: 'Boom', States: { Boom: { Type: 'Fail', Error: 'Boom' } } },
          ],
          End: true,
        },
      },
    } as unknown as Definition;
    const id = await startTestExecution({ definition, input: { items: [{ n: 1 }, { n: 2 }] } });
    await runUntilIdle();
    expect(await getExecution(id)).toMatchObject({ status: 'FAILED', error: 'Boom' });
    expect(await db.mapRun.findFirstOrThrow({ where: { executionId: id } })).toMatchObject({
      status: 'ABORTED',
    });
    expect((await children(id)).map((k) => k.status)).toEqual(['ABORTED', 'ABORTED']);
  });
});
