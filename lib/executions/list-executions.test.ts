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

  it('refuses a token it did not issue', async () => {
    await expect(listExecutions({ nextToken: 'garbage', actor: testActor })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});
