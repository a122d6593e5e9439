import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Definition } from '../../asl';
import { db } from '../../db/client';
import { databaseFilePath, isPostgres } from '../../db/database-url';
import { setEngineClock } from '../clock';
import { fireDueTimers } from '../timers/fire-due-timers';
import { approvalDefinition, seedPeople } from '../../approvals/test-kit';
import { taskTokenFromHistory } from '../../executions/test-support';
import { getExecution, getHistory, startTestExecution } from '../testing/harness';
import { hashToken } from '../tokens/hash-token';
import { completeTaskToken } from '../tokens/complete-task-token';
import { advanceExecutions } from './advance-execution';
import { advanceBatch } from './advance-batch';
import { readOnlyClient, WriteOutsideBatch } from './read-only-client';

const passes: Definition = {
  StartAt: 'A',
  States: {
    A: { Type: 'Pass', Result: 1, ResultPath: '$.a', Next: 'Pick' },
    Pick: { Type: 'Choice', Choices: [{ Variable: '$.a', NumericEquals: 1, Next: 'Hold' }], Default: 'Bad' },
    Hold: { Type: 'Wait', Seconds: 0, Next: 'Done' },
    Done: { Type: 'Succeed' },
    Bad: { Type: 'Fail', Error: 'Bad' },
  },
};

/** Parallel and inline Map children, a Wait in a branch, and an execution timeout to cancel. */
const branching: Definition = {
  StartAt: 'Both',
  TimeoutSeconds: 600,
  States: {
    Both: {
      Type: 'Parallel',
      Branches: [
        { StartAt: 'Left', States: { Left: { Type: 'Pass', Result: 'l', End: true } } },
        { StartAt: 'Hold', States: { Hold: { Type: 'Wait', Seconds: 0, End: true } } },
      ],
      ResultPath: '$.both',
      Next: 'Each',
    },
    Each: {
      Type: 'Map',
      ItemsPath: '$.items',
      MaxConcurrency: 1,
      ItemProcessor: { StartAt: 'Double', States: { Double: { Type: 'Pass', End: true } } },
      ResultPath: '$.each',
      End: true,
    },
  },
};

/** A failed branch aborts its sibling, which waits on a timer; the Parallel retries once, then catches. */
const failing: Definition = {
  StartAt: 'Both',
  States: {
    Both: {
      Type: 'Parallel',
      Branches: [
        { StartAt: 'Long', States: { Long: { Type: 'Wait', Seconds: 3600, End: true } } },
        { StartAt: 'Boom', States: { Boom: { Type: 'Fail', Error: 'Boom' } } },
      ],
      Retry: [{ ErrorEquals: ['Boom'], IntervalSeconds: 1, MaxAttempts: 1 }],
      Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Caught' }],
      End: true,
    },
    Caught: { Type: 'Pass', End: true },
  },
};

/** A second connection to the test's database file, as another process would have. */
function otherConnection(): Database.Database {
  const other = new Database(databaseFilePath());
  other.pragma('busy_timeout = 10000');
  return other;
}

const historyCount = (executionId: string) => db.historyEvent.count({ where: { executionId } });

afterEach(() => setEngineClock(undefined));

/**
 * One pass over `id` during which another process (a second connection to the SQLite file)
 * moves the execution on: the second reading of the clock is the session's, after the claim,
 * where a completed token or a stop would bump the version.
 */
async function advanceWhileMoved(id: string) {
  const other = otherConnection();
  let calls = 0;
  setEngineClock(() => {
    if (++calls === 2)
      other.prepare('UPDATE "Execution" SET "version" = "version" + 1 WHERE "id" = ?').run(id);
    return Date.now();
  });
  try {
    return await advanceBatch([id], 'w1');
  } finally {
    setEngineClock(undefined);
    other.close();
    expect(calls).toBeGreaterThanOrEqual(2);
  }
}

/** One pass that claimed, stepped and wrote `id` with no race and no error. */
async function pass(id: string) {
  const outcome = await advanceBatch([id], 'w1');
  expect(outcome.conflicts).toEqual([]);
  expect([...outcome.failures.values()]).toEqual([]);
  return outcome;
}

describe("a worker's pass", () => {
  it('runs Pass, Choice, Wait 0 and Succeed through the store and writes every row of them', async () => {
    const id = await startTestExecution({ definition: passes, input: { x: 1 } });
    const { results } = await pass(id);
    expect(results.get(id)).toEqual({ claimed: true, runnable: false, invocations: [] });
    const execution = await getExecution(id);
    expect(execution).toMatchObject({
      status: 'SUCCEEDED',
      output: { x: 1, a: 1 },
      version: 2,
      runnable: false,
      leaseOwner: null,
    });
    expect(execution.stoppedAt).toBeInstanceOf(Date);
    const history = await getHistory(id);
    expect(history.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'PassStateEntered',
      'PassStateExited',
      'ChoiceStateEntered',
      'ChoiceStateExited',
      'WaitStateEntered',
      'WaitStateExited',
      'SucceedStateEntered',
      'SucceedStateExited',
      'ExecutionSucceeded',
    ]);
    expect(history.map((e) => e.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(history.every((e) => !Number.isNaN(Date.parse(e.timestamp)))).toBe(true);
    const root = await db.executionFrame.findFirstOrThrow({ where: { executionId: id } });
    expect(root).toMatchObject({ status: 'SUCCEEDED', stateName: 'Done', lastEventId: 9 });
    expect(root.updatedAt).toBeInstanceOf(Date);
  });

  it('runs Parallel branches and inline Map iterations, and cancels the execution timeout when it ends', async () => {
    const id = await startTestExecution({ definition: branching, input: { items: [1, 2, 3] } });
    const { results } = await pass(id);
    expect(results.get(id)).toMatchObject({ claimed: true, runnable: false });
    const execution = await getExecution(id);
    expect(execution).toMatchObject({
      status: 'SUCCEEDED',
      output: { items: [1, 2, 3], both: ['l', { items: [1, 2, 3] }], each: [1, 2, 3] },
    });
    const types = (await getHistory(id)).map((e) => e.type);
    expect(types.filter((t) => t === 'MapIterationSucceeded')).toHaveLength(3);
    expect(types.at(-1)).toBe('ExecutionSucceeded');
    const frames = await db.executionFrame.findMany({ where: { executionId: id } });
    // the root and the Map's iterations: a frame's children are its current state's (the Parallel's went)
    expect(
      frames
        .filter((f) => f.parentFrameId !== null)
        .map((f) => f.index)
        .sort(),
    ).toEqual([0, 1, 2]);
    expect(frames).toHaveLength(1 + 3);
    expect(frames.every((f) => f.status === 'SUCCEEDED')).toBe(true);
    const timers = await db.timer.findMany({ where: { executionId: id, purpose: 'ExecutionTimeout' } });
    expect(timers.map((t) => t.status)).toEqual(['CANCELLED']);
  });

  it('aborts the siblings of a failed branch with their timers, and enters a retried Parallel with new children', async () => {
    const start = Date.now();
    setEngineClock(() => start);
    const id = await startTestExecution({ definition: failing });
    await pass(id);
    const first = await db.executionFrame.findMany({
      where: { executionId: id, parentFrameId: { not: null } },
    });
    expect(first.map((f) => f.status).sort()).toEqual(['ABORTED', 'FAILED']);
    const waits = await db.timer.findMany({ where: { executionId: id, purpose: 'Wait' } });
    expect(waits.map((t) => t.status)).toEqual(['CANCELLED']);

    setEngineClock(() => start + 2000); // the retry's interval has passed
    expect(await fireDueTimers()).toBe(1);
    await pass(id);
    const second = await db.executionFrame.findMany({
      where: { executionId: id, parentFrameId: { not: null } },
    });
    expect(second).toHaveLength(2); // the first attempt's children were deleted
    expect(second.some((f) => first.some((g) => g.id === f.id))).toBe(false);
    const execution = await getExecution(id);
    expect(execution).toMatchObject({ status: 'SUCCEEDED', output: { error: { Error: 'Boom' } } });
    const types = (await getHistory(id)).map((e) => e.type);
    expect(types.filter((t) => t === 'ParallelStateStarted')).toHaveLength(2);
    expect(
      (await db.timer.findMany({ where: { executionId: id, purpose: 'Wait' } })).map((t) => t.status),
    ).toEqual(['CANCELLED', 'CANCELLED']);
  });

  it("writes a waiting task's token (its hash) and timers with the batch, and resumes on the token", async () => {
    const definition: Definition = {
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Next: 'Ask' },
        Ask: {
          Type: 'Task',
          Resource: 'orders.waitForTaskToken',
          Parameters: { 'token.$': '$$.Task.Token' },
          TimeoutSeconds: 60,
          HeartbeatSeconds: 10,
          End: true,
        },
      },
    };
    const id = await startTestExecution({ definition });
    const { results } = await pass(id);
    expect(results.get(id)).toEqual({ claimed: true, runnable: false, invocations: [] });
    const history = await getHistory(id);
    expect(history.map((e) => e.type).slice(-2)).toEqual(['TaskScheduled', 'TaskStarted']);
    const token = taskTokenFromHistory(history);
    const rows = await db.taskToken.findMany({ where: { executionId: id } });
    expect(rows).toMatchObject([
      { kind: 'callback', status: 'PENDING', stateName: 'Ask', heartbeatSeconds: 10 },
    ]);
    expect(rows[0].tokenHash).toBe(hashToken(token));
    expect(rows[0].tokenHash).not.toContain(token);
    const timers = await db.timer.findMany({ where: { executionId: id }, orderBy: { purpose: 'asc' } });
    expect(timers.map((t) => [t.purpose, t.status, t.taskTokenId])).toEqual([
      ['Heartbeat', 'PENDING', rows[0].id],
      ['Timeout', 'PENDING', rows[0].id],
    ]);
    await db.$transaction((tx) =>
      completeTaskToken(tx, { token, outcome: { type: 'success', output: 'ok' } }),
    );
    await pass(id);
    expect(await getExecution(id)).toMatchObject({ status: 'SUCCEEDED', output: 'ok' });
  });

  it("commits an approval's task, assignees and mail with the pause, in one transaction after its token", async () => {
    await seedPeople();
    const id = await startTestExecution({
      definition: approvalDefinition({ Title: 'Ship it?', Approvers: ['alice@example.com'] }) as Definition,
    });
    const { results } = await pass(id);
    expect(results.get(id)).toEqual({ claimed: true, runnable: false, invocations: [] });
    const token = await db.taskToken.findFirstOrThrow({ where: { executionId: id } });
    const task = await db.approvalTask.findFirstOrThrow({ where: { taskTokenId: token.id } });
    expect(task).toMatchObject({ title: 'Ship it?', status: 'PENDING' });
    expect(await db.approvalAssignee.count({ where: { taskId: task.id } })).toBe(1);
    expect(
      await db.outboxMessage.count({ where: { approvalTaskId: task.id, kind: 'approval-request' } }),
    ).toBe(1);
    expect((await getHistory(id)).map((e) => e.type).slice(-2)).toEqual(['TaskScheduled', 'TaskStarted']);
    expect(await getExecution(id)).toMatchObject({ status: 'RUNNING', leaseOwner: null });
  });

  it('fails an approval its check refuses at once, reading people without writing', async () => {
    await seedPeople();
    const id = await startTestExecution({
      definition: approvalDefinition({
        Title: 'Ship it?',
        Approvers: ['alice@example.com'],
        Policy: { Mode: 'quorum', Count: 2 },
      }) as Definition,
    });
    await pass(id);
    expect(await getExecution(id)).toMatchObject({
      status: 'FAILED',
      error: 'Approval.InvalidConfiguration',
    });
    expect(await db.taskToken.count({ where: { executionId: id } })).toBe(0);
    expect(await db.approvalTask.count({ where: { executionId: id } })).toBe(0);
  });

  it('refuses a write a step makes outside its batch, and lets reads through', async () => {
    const query = readOnlyClient(db);
    expect(() => query.execution.create).toThrow(WriteOutsideBatch);
    expect(() => query.$executeRawUnsafe).toThrow(WriteOutsideBatch);
    expect(() => query.$transaction).toThrow(WriteOutsideBatch);
    const id = await startTestExecution({ definition: passes });
    expect(await query.execution.count({ where: { id } })).toBe(1);
    expect(await query.$queryRawUnsafe("SELECT 'yes' AS one")).toEqual([{ one: 'yes' }]);
  });

  it('writes nothing for an execution whose step throws, and hands the error back after a few passes', async () => {
    const id = await startTestExecution({ definition: passes });
    await db.executionFrame.updateMany({ where: { executionId: id }, data: { stateInput: '{not json' } });
    const first = await advanceBatch([id], 'w1');
    expect([...first.failures.keys()]).toEqual([id]);
    expect(first.results.get(id)?.claimed).toBe(false);
    const result = (await advanceExecutions([id], 'w1')).get(id);
    expect(result).toMatchObject({ claimed: true, runnable: false });
    expect(result?.error).toBeInstanceOf(Error);
    expect(await historyCount(id)).toBe(1);
    expect((await getExecution(id)).status).toBe('RUNNING');
  });

  it('answers a mocked task in memory and keeps the mock book it used', async () => {
    const definition: Definition = {
      StartAt: 'Ask',
      States: { Ask: { Type: 'Task', Resource: 'arn:aws:states:::mock', End: true } },
    };
    const id = await startTestExecution({ definition, mocks: { Ask: [{ Return: { ok: true } }] } });
    await pass(id);
    const execution = await getExecution(id);
    expect(execution).toMatchObject({ status: 'SUCCEEDED', output: { ok: true } });
    expect(JSON.parse(execution.mocks ?? '{}')).toMatchObject({ calls: { Ask: 1 } });
  });

  // Another process's write on SQLite's synchronous connection, made from inside the step.
  it.skipIf(isPostgres())(
    'writes nothing for an execution that moved on while it was being stepped, and steps it again',
    async () => {
      const id = await startTestExecution({ definition: passes });
      const { results, conflicts } = await advanceWhileMoved(id);
      expect(conflicts).toEqual([id]);
      expect(results.get(id)?.claimed).toBe(false);
      expect(await historyCount(id)).toBe(1);
      expect((await getExecution(id)).status).toBe('RUNNING');
      await advanceExecutions([id], 'w1');
      expect((await getExecution(id)).status).toBe('SUCCEEDED');
      expect((await getHistory(id)).map((e) => e.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    },
  );

  // The same race for a step with service writes: they roll back with the engine's rows.
  it.skipIf(isPostgres())(
    "rolls an approval's task and mail back with its pause when the execution moved meanwhile",
    async () => {
      await seedPeople();
      const id = await startTestExecution({
        definition: approvalDefinition({ Title: 'Ship it?', Approvers: ['alice@example.com'] }) as Definition,
      });
      const { conflicts } = await advanceWhileMoved(id);
      expect(conflicts).toEqual([id]);
      expect(await db.taskToken.count({ where: { executionId: id } })).toBe(0);
      expect(await db.approvalTask.count({ where: { executionId: id } })).toBe(0);
      expect(await db.outboxMessage.count({ where: { executionId: id } })).toBe(0);
      expect(await historyCount(id)).toBe(1);
      await advanceExecutions([id], 'w1');
      expect(await db.taskToken.count({ where: { executionId: id } })).toBe(1);
      expect(await db.approvalTask.count({ where: { executionId: id } })).toBe(1);
    },
  );

  it.skipIf(isPostgres())(
    "waits for SQLite's write lock held elsewhere without blocking the event loop",
    async () => {
      const id = await startTestExecution({ definition: passes });
      const other = otherConnection();
      other.exec('BEGIN IMMEDIATE');
      let ticks = 0;
      let released = false;
      const ticker = setInterval(() => (ticks += 1), 5);
      // Runs only if the event loop is free; the advance cannot finish before it. (How many 5 ms
      // ticks fit in the wait depends on the machine's load: any shows the loop kept turning.)
      setTimeout(() => {
        other.exec('COMMIT');
        released = true;
      }, 100);
      const { results } = await pass(id);
      const releasedFirst = released;
      clearInterval(ticker);
      other.close();
      expect(releasedFirst).toBe(true);
      expect(ticks).toBeGreaterThan(0);
      expect(results.get(id)?.claimed).toBe(true);
      expect((await getExecution(id)).status).toBe('SUCCEEDED');
    },
  );

  it('runs beside an open Prisma transaction of the same process without a deadlock', async () => {
    const id = await startTestExecution({ definition: passes });
    const holding = db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('UPDATE "Execution" SET "version" = "version" WHERE FALSE'); // takes SQLite's write lock
      await new Promise((resolve) => setTimeout(resolve, 100));
      return tx.execution.count();
    });
    const [advanced, count] = await Promise.all([advanceExecutions([id], 'w1'), holding]);
    expect(count).toBeGreaterThan(0);
    expect(advanced.get(id)?.claimed).toBe(true);
    expect((await getExecution(id)).status).toBe('SUCCEEDED');
  });

  it('claims nothing another worker holds a live lease on', async () => {
    const id = await startTestExecution({ definition: passes });
    await db.execution.update({
      where: { id },
      data: { leaseOwner: 'w2', leaseUntil: new Date(Date.now() + 60_000) },
    });
    const { results } = await pass(id);
    expect(results.get(id)?.claimed).toBe(false);
    expect(await historyCount(id)).toBe(1);
  });
});
