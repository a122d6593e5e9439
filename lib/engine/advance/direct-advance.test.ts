import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Definition } from '../../asl';
import { db } from '../../db/client';
import { databaseFilePath, isPostgres } from '../../db/database-url';
import { setEngineClock } from '../clock';
import { getExecution, getHistory, startTestExecution } from '../testing/harness';
import { advanceExecutions } from './advance-execution';
import { advanceDirect } from './direct-advance';

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

const withCallback: Definition = {
  StartAt: 'A',
  States: {
    A: { Type: 'Pass', Next: 'Ask' },
    Ask: {
      Type: 'Task',
      Resource: 'orders.waitForTaskToken',
      Parameters: { 'token.$': '$$.Task.Token' },
      End: true,
    },
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

describe('the direct path', () => {
  it('runs Pass, Choice, Wait 0 and Succeed without a Prisma transaction and writes what the Prisma path writes', async () => {
    const id = await startTestExecution({ definition: passes, input: { x: 1 } });
    const { results, fallback } = await advanceDirect([id], 'w1');
    expect(fallback).toEqual([]);
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

  it('hands back an execution whose step needs other rows (a task token) and writes nothing for it', async () => {
    const id = await startTestExecution({ definition: withCallback });
    const { results, fallback } = await advanceDirect([id], 'w1');
    expect(fallback).toEqual([id]);
    expect(await db.taskToken.count({ where: { executionId: id } })).toBe(0);
    expect(results.get(id)?.claimed).toBe(false);
    expect(await historyCount(id)).toBe(1); // ExecutionStarted only
    expect((await getExecution(id)).leaseOwner).toBe('w1'); // claimed, for the Prisma path to take on
    const after = await advanceExecutions([id], 'w1');
    expect(after.get(id)?.claimed).toBe(true);
    expect((await getHistory(id)).map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'PassStateEntered',
      'PassStateExited',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
    ]);
    expect(await db.taskToken.count({ where: { executionId: id } })).toBe(1);
  });

  it('answers a mocked task in memory and keeps the mock book it used', async () => {
    const definition: Definition = {
      StartAt: 'Ask',
      States: { Ask: { Type: 'Task', Resource: 'arn:aws:states:::mock', End: true } },
    };
    const id = await startTestExecution({ definition, mocks: { Ask: [{ Return: { ok: true } }] } });
    const { fallback } = await advanceDirect([id], 'w1');
    expect(fallback).toEqual([]);
    const execution = await getExecution(id);
    expect(execution).toMatchObject({ status: 'SUCCEEDED', output: { ok: true } });
    expect(JSON.parse(execution.mocks ?? '{}')).toMatchObject({ calls: { Ask: 1 } });
  });

  // Another process's write on SQLite's synchronous connection, made from inside the step.
  it.skipIf(isPostgres())(
    'writes nothing for an execution that moved on while it was being stepped, and the Prisma path then runs it',
    async () => {
      const id = await startTestExecution({ definition: passes });
      const other = otherConnection();
      let calls = 0;
      setEngineClock(() => {
        // The second reading of the clock is the session's, after the claim: another process
        // completes a token or stops the execution right then (deliverEvent bumps the version).
        if (++calls === 2)
          other.prepare('UPDATE "Execution" SET "version" = "version" + 1 WHERE "id" = ?').run(id);
        return Date.now();
      });
      const { results, fallback } = await advanceDirect([id], 'w1');
      setEngineClock(undefined);
      other.close();
      expect(calls).toBeGreaterThanOrEqual(2);
      expect(fallback).toEqual([id]);
      expect(results.get(id)?.claimed).toBe(false);
      expect(await historyCount(id)).toBe(1);
      expect((await getExecution(id)).status).toBe('RUNNING');
      await advanceExecutions([id], 'w1');
      expect((await getExecution(id)).status).toBe('SUCCEEDED');
      expect((await getHistory(id)).map((e) => e.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
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
      const { results } = await advanceDirect([id], 'w1');
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
    const { results, fallback } = await advanceDirect([id], 'w1');
    expect(fallback).toEqual([]);
    expect(results.get(id)?.claimed).toBe(false);
    expect(await historyCount(id)).toBe(1);
  });
});
