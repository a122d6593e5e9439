/** Two worker processes on one database: every execution completes exactly once. */
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import { isPostgres } from '../../db/database-url';
import { startTestExecution } from '../testing/harness';
import { sleep, spawnWorker, waitForExit } from '../testing/spawn-worker';
import { crashDefinition, crashMocks, expectedOutput } from './crash-workload';
import { checkExactlyOnce } from './exactly-once';

const COUNT = 150;

// On PostgreSQL, crash-postgres.test.ts runs four workers (and kills them).
describe.skipIf(isPostgres())('two workers', () => {
  it('share one database and complete every execution exactly once', async () => {
    const workers = [spawnWorker('worker-a'), spawnWorker('worker-b')];
    const ids: string[] = [];
    for (let i = 0; i < COUNT; i++)
      ids.push(await startTestExecution({ definition: crashDefinition, input: { i }, mocks: crashMocks }));
    const deadline = Date.now() + 60_000;
    while ((await db.execution.count({ where: { status: 'RUNNING' } })) > 0 && Date.now() < deadline)
      await sleep(200);
    for (const worker of workers) worker.kill('SIGTERM');
    await Promise.all(workers.map(waitForExit));
    const executions = await db.execution.findMany({ where: { id: { in: ids } } });
    for (const execution of executions) {
      const i = (JSON.parse(execution.input) as { i: number }).i;
      expect({ status: execution.status, output: JSON.parse(execution.output ?? 'null') }).toEqual({
        status: 'SUCCEEDED',
        output: expectedOutput(i),
      });
    }
    await checkExactlyOnce(ids);
    const firedBy = await db.timer.count({ where: { executionId: { in: ids }, status: 'FIRED' } });
    expect(firedBy).toBe(2 * COUNT);
    expect(await db.execution.count({ where: { leaseOwner: { not: null } } })).toBe(0);
  }, 120_000);
});
