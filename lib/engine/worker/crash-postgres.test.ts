/**
 * Scale-out on PostgreSQL: four worker processes on one database, killed with SIGKILL at random
 * moments and their connections cut by the server (pg_terminate_backend) mid-transaction, while
 * the test approves waiting executions from outside. Every execution ends once with its
 * expected output; no event, timer, frame or token is written twice. PostgreSQL runs only.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { Definition } from '../../asl';
import { db } from '../../db/client';
import { databaseUrl, isPostgres } from '../../db/database-url';
import { completeTaskToken } from '../tokens/complete-task-token';
import { retryTransaction } from '../tx-retry';
import { getHistory, startTestExecution } from '../testing/harness';
import { sleep, spawnWorker, waitForExit } from '../testing/spawn-worker';
import { crashDefinition, crashMocks, expectedOutput } from './crash-workload';
import { checkExactlyOnce } from './exactly-once';

const COUNT = 150;
const APPROVALS = 60;
const WORKERS = 4;
/** The workers' connections, named so the test cuts theirs and not its own. */
const APP_NAME = 'signoff-crash-worker';

/** An approval as the engine sees it: a task that waits for its token, then moves on. */
const approve: Definition = {
  StartAt: 'Approve',
  States: {
    Approve: {
      Type: 'Task',
      Resource: 'arn:aws:states:::callback.waitForTaskToken',
      Parameters: { 'token.$': '$$.Task.Token', 'i.$': '$.i' },
      ResultPath: '$.decision',
      Next: 'Record',
    },
    Record: { Type: 'Pass', Parameters: { 'i.$': '$.i', 'approved.$': '$.decision.approved' }, End: true },
  },
};

const workers = (round: number) =>
  Array.from({ length: WORKERS }, (_, w) =>
    spawnWorker(`pg-worker-${w}`, { PGAPPNAME: APP_NAME, SIGNOFF_POLL_MS: String(20 + round) }),
  );

/** The token of an approval once the engine scheduled it (read from its history). */
async function tokenOf(executionId: string): Promise<string | undefined> {
  const scheduled = (await getHistory(executionId)).find((e) => e.type === 'TaskScheduled') as
    { taskScheduledEventDetails: { parameters: string } } | undefined;
  return scheduled && (JSON.parse(scheduled.taskScheduledEventDetails.parameters) as { token: string }).token;
}

/** Approves every scheduled approval not approved yet; returns how many it approved. */
async function approveWaiting(ids: string[], approved: Set<string>): Promise<number> {
  let count = 0;
  for (const id of ids) {
    if (approved.has(id)) continue;
    const token = await tokenOf(id);
    if (!token) continue;
    await retryTransaction((tx) =>
      completeTaskToken(tx, { token, outcome: { type: 'success', output: { approved: true } } }),
    );
    approved.add(id);
    count += 1;
  }
  return count;
}

async function cutWorkerConnections(): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ cut: boolean }>(
      'SELECT pg_terminate_backend(pid) AS cut FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()',
      [APP_NAME],
    );
    return rows.filter((row) => row.cut).length;
  } finally {
    await client.end();
  }
}

describe.runIf(isPostgres())('crash safety on PostgreSQL with four workers', () => {
  it('survives SIGKILLs and cut connections: every execution ends once with the expected output', async () => {
    const ids: string[] = [];
    const approvals: string[] = [];
    for (let i = 0; i < COUNT; i++)
      ids.push(await startTestExecution({ definition: crashDefinition, input: { i }, mocks: crashMocks }));
    for (let i = 0; i < APPROVALS; i++)
      approvals.push(await startTestExecution({ definition: approve, input: { i } }));
    const approved = new Set<string>();
    let cut = 0;
    let killedMidway = 0;
    let lastEvents = await db.historyEvent.count();
    for (let round = 0; round < 3; round++) {
      const running = workers(round);
      const before = await db.historyEvent.count();
      for (let waited = 0; waited < 30_000 && (await db.historyEvent.count()) === before; waited += 50)
        await sleep(50);
      await approveWaiting(approvals, approved);
      await sleep(Math.random() * 400);
      if (round !== 1) cut += await cutWorkerConnections(); // mid-transaction, from the server's side
      await sleep(Math.random() * 400);
      for (const worker of running) {
        worker.kill('SIGKILL');
        await sleep(Math.random() * 100);
      }
      await Promise.all(running.map(waitForExit));
      const events = await db.historyEvent.count();
      const done = await db.execution.count({ where: { status: 'SUCCEEDED' } });
      if (events > lastEvents && done < COUNT + APPROVALS) killedMidway += 1; // killed while making progress
      lastEvents = events;
    }
    const last = workers(9);
    const deadline = Date.now() + 90_000;
    while ((await db.execution.count({ where: { status: 'RUNNING' } })) > 0 && Date.now() < deadline) {
      await approveWaiting(approvals, approved);
      await sleep(200);
    }
    for (const worker of last) worker.kill('SIGTERM');
    await Promise.all(last.map(waitForExit));

    expect(cut).toBeGreaterThan(0);
    expect(killedMidway).toBeGreaterThan(0);
    const executions = await db.execution.findMany({ where: { id: { in: ids } } });
    for (const execution of executions) {
      const i = (JSON.parse(execution.input) as { i: number }).i;
      expect({ status: execution.status, output: JSON.parse(execution.output ?? 'null') }).toEqual({
        status: 'SUCCEEDED',
        output: expectedOutput(i),
      });
    }
    await checkExactlyOnce(ids);
    for (const id of approvals) {
      const history = await getHistory(id);
      const execution = await db.execution.findUniqueOrThrow({ where: { id } });
      expect(execution.status).toBe('SUCCEEDED');
      expect(JSON.parse(execution.output ?? 'null')).toMatchObject({ approved: true });
      expect(history.filter((e) => e.type === 'TaskScheduled')).toHaveLength(1);
      expect(history.filter((e) => e.type === 'TaskSucceeded')).toHaveLength(1);
      expect(history.map((e) => e.id)).toEqual(history.map((_, k) => k + 1));
    }
    expect(await db.taskToken.count({ where: { executionId: { in: approvals } } })).toBe(APPROVALS);
    expect(await db.execution.count({ where: { leaseOwner: { not: null } } })).toBe(0);
  }, 240_000);
});
