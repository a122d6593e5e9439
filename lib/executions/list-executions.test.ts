import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db/client';
import { listExecutions } from './list-executions';
import { startExecution } from './start-execution';
import { stopExecution } from './stop-execution';
import { createTestWorkflow, testActor } from './test-support';

const sameInstant = new Date('2026-01-01T00:00:00Z');

beforeAll(async () => {
  const a = await createTestWorkflow('alpha');
  const b = await createTestWorkflow('beta');
  for (let i = 0; i < 25; i += 1) {
    const { execution } = await startExecution({
      workflowId: i % 5 === 0 ? b.id : a.id,
      name: `run-${i}`,
      actor: testActor,
    });
    // Ten executions share one startedAt, so paging must break ties by id.
    if (i < 10) await db.execution.update({ where: { id: execution.id }, data: { startedAt: sameInstant } });
  }
  // No worker runs here: the others stay RUNNING; these two are stopped through the engine.
  for (const name of ['run-1', 'run-2']) {
    const { id } = await db.execution.findFirstOrThrow({ where: { name }, select: { id: true } });
    await stopExecution({ id, actor: testActor });
  }
});

describe('listExecutions', () => {
  it('pages through everything newest first with no duplicates or misses', async () => {
    const seen: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = await listExecutions({ maxResults: 4, nextToken, actor: testActor });
      seen.push(...page.executions.map((e) => e.id));
      nextToken = page.nextToken;
      pages += 1;
    } while (nextToken);
    expect(pages).toBe(7);
    expect(new Set(seen).size).toBe(25);
    const all = await listExecutions({ maxResults: 1000, actor: testActor });
    expect(all.nextToken).toBeUndefined();
    expect(all.executions.map((e) => e.id)).toEqual(seen);
    const times = all.executions.map((e) => e.startedAt.getTime());
    expect([...times].sort((x, y) => y - x)).toEqual(times);
  });

  it('filters by workflow (id or name), status and start time', async () => {
    expect((await listExecutions({ workflowId: 'beta', actor: testActor })).executions).toHaveLength(5);
    expect(
      (await listExecutions({ status: 'ABORTED', actor: testActor })).executions.map((e) => e.name).sort(),
    ).toEqual(['run-1', 'run-2']);
    expect(
      (await listExecutions({ status: 'RUNNING', maxResults: 100, actor: testActor })).executions,
    ).toHaveLength(23);
    expect(
      (await listExecutions({ startedBefore: new Date('2026-01-02T00:00:00Z'), actor: testActor }))
        .executions,
    ).toHaveLength(10);
    expect(
      (await listExecutions({ startedAfter: new Date('2026-01-02T00:00:00Z'), actor: testActor })).executions,
    ).toHaveLength(15);
    const page = await listExecutions({ workflowId: 'alpha', maxResults: 3, actor: testActor });
    const next = await listExecutions({
      workflowId: 'alpha',
      maxResults: 100,
      nextToken: page.nextToken,
      actor: testActor,
    });
    expect(page.executions.length + next.executions.length).toBe(20);
  });

  it('filters by name prefix and by the exact error name, paging within the filter', async () => {
    const names = async (options: { namePrefix?: string; error?: string }) =>
      (await listExecutions({ ...options, actor: testActor })).executions.map((e) => e.name).sort();
    expect(await names({ namePrefix: 'run-1' })).toEqual([
      'run-1',
      'run-10',
      'run-11',
      'run-12',
      'run-13',
      'run-14',
      'run-15',
      'run-16',
      'run-17',
      'run-18',
      'run-19',
    ]);
    expect(await names({ namePrefix: 'run_' })).toEqual([]); // a LIKE wildcard is taken literally
    expect(await names({ namePrefix: 'nothing' })).toEqual([]);
    expect(await names({ namePrefix: 'RUN-1' })).toEqual([]); // names are case-sensitive
    const { id } = await db.execution.findFirstOrThrow({ where: { name: 'run-3' }, select: { id: true } });
    await stopExecution({ id, error: 'Ops.Cancelled', cause: 'by hand', actor: testActor });
    expect(await names({ error: 'Ops.Cancelled' })).toEqual(['run-3']);
    expect(await names({ error: 'Ops' })).toEqual([]);
    expect(await names({ error: 'Ops.Cancelled', namePrefix: 'run-4' })).toEqual([]);
    const first = await listExecutions({ namePrefix: 'run-1', maxResults: 6, actor: testActor });
    const rest = await listExecutions({
      namePrefix: 'run-1',
      maxResults: 6,
      nextToken: first.nextToken,
      actor: testActor,
    });
    expect(first.executions.length + rest.executions.length).toBe(11);
    expect(rest.nextToken).toBeUndefined();
  });

  it('refuses a token it did not issue', async () => {
    await expect(listExecutions({ nextToken: 'garbage', actor: testActor })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});
