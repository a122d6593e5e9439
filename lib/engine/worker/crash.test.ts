/**
 * Kill the worker process with SIGKILL at random moments, restart it, and check that every
 * execution still ends with the expected output and nothing happened twice.
 */
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import { isPostgres } from '../../db/database-url';
import { startTestExecution } from '../testing/harness';
import { sleep, spawnWorker, waitForExit } from '../testing/spawn-worker';
import { crashDefinition, crashMocks, expectedOutput } from './crash-workload';
import { checkExactlyOnce } from './exactly-once';

const COUNT = 200;

// On PostgreSQL, crash-postgres.test.ts kills four workers instead of one.
describe.skipIf(isPostgres())('crash safety', () => {
  it('survives SIGKILL at random moments: every execution ends once with the expected output', async () => {
    const ids: string[] = [];
    const t0 = Date.now();
    for (let i = 0; i < COUNT; i++)
      ids.push(await startTestExecution({ definition: crashDefinition, input: { i }, mocks: crashMocks }));
    const t1 = Date.now();
    let killedMidway = 0;
    let lastEvents = await db.historyEvent.count();
    for (let round = 0; round < 5; round++) {
      const worker = spawnWorker('crash-worker');
      // Kill only once it is working (startup through tsx takes seconds on a busy machine).
      const before = await db.historyEvent.count();
      for (let waited = 0; waited < 30_000 && (await db.historyEvent.count()) === before; waited += 50)
        await sleep(50);
      await sleep(Math.random() * 600);
      worker.kill('SIGKILL');
      await waitForExit(worker);
      const events = await db.historyEvent.count();
      const done = await db.execution.count({ where: { status: 'SUCCEEDED' } });
      if (events > lastEvents && done < COUNT) killedMidway += 1; // it was killed while making progress
      lastEvents = events;
    }
    const t2 = Date.now();
    const worker = spawnWorker('crash-worker');
    const deadline = Date.now() + 60_000;
    while ((await db.execution.count({ where: { status: 'RUNNING' } })) > 0 && Date.now() < deadline)
      await sleep(200);
    console.log({ seed: t1 - t0, kills: t2 - t1, finish: Date.now() - t2, killedMidway });
    expect(killedMidway).toBeGreaterThan(0);
    worker.kill('SIGTERM');
    await waitForExit(worker);
    const executions = await db.execution.findMany({ where: { id: { in: ids } } });
    for (const execution of executions) {
      const i = (JSON.parse(execution.input) as { i: number }).i;
      expect({ status: execution.status, output: JSON.parse(execution.output ?? 'null') }).toEqual({
        status: 'SUCCEEDED',
        output: expectedOutput(i),
      });
    }
    await checkExactlyOnce(ids);
  }, 120_000);
});
