import { beforeAll, describe, expect, it } from 'vitest';
import { runInMemory } from '../asl/driver';
import type { Definition } from '../asl';
import { db } from '../db/client';
import { historyRow } from '../engine/advance/history-row';
import { getHistory, startTestExecution } from '../engine/testing/harness';
import { completeTask } from './complete-task';
import { getHistoryPage } from './history-page';
import { redriveExecution } from './redrive-execution';
import { getExecutionProgress } from './state-summary';
import { createTestWorkflow, runEngineUntilIdle, taskTokenFromHistory, testActor } from './test-support';

const callback = (name: string) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::callback.waitForTaskToken',
  Parameters: { 'token.$': '$$.Task.Token', branch: name },
  End: true,
});

const progressOf = async (executionId: string) =>
  (await getExecutionProgress({ executionId, actor: testActor })).progress;

describe("getExecutionProgress on the engine's history", () => {
  it('keeps interleaved Parallel branches apart while both wait, then joins', async () => {
    const id = await startTestExecution({
      definition: {
        StartAt: 'Fork',
        States: {
          Fork: {
            Type: 'Parallel',
            Branches: [
              { StartAt: 'Left', States: { Left: callback('left') } },
              { StartAt: 'Right', States: { Right: callback('right') } },
            ],
            Next: 'Join',
          },
          Join: { Type: 'Pass', End: true },
        },
      },
    });
    await runEngineUntilIdle();
    const waiting = await progressOf(id);
    expect(Object.fromEntries(Object.entries(waiting.states).map(([n, s]) => [n, s.status]))).toEqual({
      Fork: 'running',
      Left: 'waiting',
      Right: 'waiting',
    });
    const events = await getHistory(id);
    for (const scheduled of events.filter((e) => e.type === 'TaskScheduled').reverse()) {
      await completeTask({
        taskToken: taskTokenFromHistory([scheduled]),
        result: { type: 'success', output: '{"ok":true}' },
        actor: testActor,
      });
      await runEngineUntilIdle();
    }
    const done = await progressOf(id);
    expect(done.taken).toEqual(['Fork->Join']);
    expect(done.states.Right).toMatchObject({ status: 'succeeded', output: '{"ok":true}' });
    expect(done.states.Join.status).toBe('succeeded');
  });

  it('shows a failure, then the redriven run that succeeded', async () => {
    const id = await startTestExecution({
      definition: {
        StartAt: 'Prepare',
        States: {
          Prepare: { Type: 'Pass', Next: 'Call' },
          Call: { Type: 'Task', Resource: 'arn:aws:states:::mock', Next: 'Finish' },
          Finish: { Type: 'Pass', End: true },
        },
      },
      mocks: { Call: [{ Throw: { Error: 'Down', Cause: 'try later' } }, { Return: 'up' }] },
    });
    await runEngineUntilIdle();
    expect((await progressOf(id)).states.Call).toMatchObject({
      status: 'failed',
      error: 'Down',
      cause: 'try later',
    });
    await redriveExecution({ id, actor: testActor });
    await runEngineUntilIdle();
    const after = await progressOf(id);
    expect(after.states.Call).toMatchObject({ status: 'succeeded', entries: 2, output: '"up"' });
    expect(after.states.Call.error).toBeUndefined();
    expect(after.taken).toEqual(['Prepare->Call', 'Call->Finish']);
  });

  it('answers NOT_FOUND for an unknown execution and FORBIDDEN to a non-admin person', async () => {
    await expect(getExecutionProgress({ executionId: 'nope', actor: testActor })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const user = await db.user.create({ data: { email: 'approver-progress@example.com', role: 'approver' } });
    const actor = { type: 'user' as const, id: user.id, label: user.email };
    const id = await startTestExecution({
      definition: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
    });
    await expect(getExecutionProgress({ executionId: id, actor })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(getHistoryPage({ executionId: id, actor })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('getHistoryPage', () => {
  let id: string;
  beforeAll(async () => {
    id = await startTestExecution({
      definition: {
        StartAt: 'Wait1',
        States: {
          Wait1: { Type: 'Pass', Next: 'Call' },
          Call: {
            Type: 'Task',
            Resource: 'arn:aws:states:::mock',
            Retry: [{ ErrorEquals: ['Flaky'], IntervalSeconds: 0 }],
            End: true,
          },
        },
      },
      mocks: { Call: [{ Throw: { Error: 'Flaky' } }, { Return: '<img src=x onerror=alert(1)>' }] },
    });
    await runEngineUntilIdle();
  });

  it("names each event's state through previousEventId, across pages", async () => {
    const all = await getHistoryPage({ executionId: id, actor: testActor });
    expect(all.events.map((e) => [e.type, e.step])).toEqual([
      ['ExecutionStarted', null],
      ['PassStateEntered', 'Wait1'],
      ['PassStateExited', 'Wait1'],
      ['TaskStateEntered', 'Call'],
      ['TaskScheduled', 'Call'],
      ['TaskStarted', 'Call'],
      ['TaskFailed', 'Call'],
      ['TaskScheduled', 'Call'],
      ['TaskStarted', 'Call'],
      ['TaskSucceeded', 'Call'],
      ['TaskStateExited', 'Call'],
      ['ExecutionSucceeded', null],
    ]);
    expect(all.events[0].sincePreviousMs).toBeNull();
    expect(all.events.find((e) => e.type === 'TaskFailed')?.failure).toBe(true);
    expect(all.events.at(-1)?.details).toContain('<img src=x onerror=alert(1)>');
    // Page 3 of 5 starts at TaskFailed: its state lies two pages back.
    let page = await getHistoryPage({ executionId: id, pageSize: 3, actor: testActor });
    page = await getHistoryPage({
      executionId: id,
      pageSize: 3,
      nextToken: page.nextToken,
      actor: testActor,
    });
    page = await getHistoryPage({
      executionId: id,
      pageSize: 3,
      nextToken: page.nextToken,
      actor: testActor,
    });
    expect(page.events.map((e) => [e.id, e.step])).toEqual([
      [7, 'Call'],
      [8, 'Call'],
      [9, 'Call'],
    ]);
    expect(page.events[0].sincePreviousMs).toBe(all.events[6].sincePreviousMs);
    expect(page.events[0].sincePreviousMs).not.toBeNull();
  });

  it('reads newest first with its own token, and refuses a token of the other order', async () => {
    const newest = await getHistoryPage({
      executionId: id,
      newestFirst: true,
      pageSize: 5,
      actor: testActor,
    });
    expect(newest.events.map((e) => e.id)).toEqual([12, 11, 10, 9, 8]);
    expect(newest.events.at(-1)?.sincePreviousMs).not.toBeNull();
    await expect(
      getHistoryPage({ executionId: id, nextToken: newest.nextToken, actor: testActor }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('a 25,000-event execution', () => {
  it('summarizes every event and opens a page of history quickly', async () => {
    const definition: Definition = {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemsPath: '$.items',
          ItemProcessor: { StartAt: 'Check', States: { Check: { Type: 'Pass', Result: 'ok', End: true } } },
          ResultPath: null,
          Next: 'Report',
        },
        Report: { Type: 'Pass', End: true },
      },
    };
    const items = Array.from({ length: 6245 }, (_, i) => `item-${i}`);
    const run = await runInMemory(definition, { items });
    expect(run.status).toBe('SUCCEEDED');
    expect(run.history.length).toBeGreaterThanOrEqual(24_980);
    const workflow = await createTestWorkflow('big-history', JSON.stringify(definition));
    const version = await db.workflowVersion.findFirstOrThrow({ where: { workflowId: workflow.id } });
    const { id } = await db.execution.create({
      data: {
        name: 'big',
        workflowId: workflow.id,
        workflowVersionId: version.id,
        input: JSON.stringify({ items }),
        status: 'SUCCEEDED',
        stoppedAt: new Date(),
        runnable: false,
      },
    });
    const rows = run.history.map((event) => historyRow(id, event));
    for (let i = 0; i < rows.length; i += 5000)
      await db.historyEvent.createMany({ data: rows.slice(i, i + 5000) });

    let started = performance.now();
    const { progress } = await getExecutionProgress({ executionId: id, actor: testActor });
    const summaryMs = performance.now() - started;
    started = performance.now();
    const page = await getHistoryPage({ executionId: id, newestFirst: true, actor: testActor });
    const pageMs = performance.now() - started;
    console.info(
      `25k events: summary ${summaryMs.toFixed(0)} ms, a page of 100 events ${pageMs.toFixed(0)} ms`,
    );

    expect(progress.states.Check).toMatchObject({ status: 'succeeded', entries: 6245 });
    expect(progress.taken).toEqual(['Each->Report']);
    expect(page.events).toHaveLength(100);
    expect(summaryMs).toBeLessThan(2000); // about 200 ms on a laptop; generous for CI
    expect(pageMs).toBeLessThan(500);
  });
});
