import { afterAll, describe, expect, it } from 'vitest';
import { validateDefinition } from '../../lib/asl/validate';
import { db } from '../../lib/db/client';
import { startEngine } from '../../lib/engine';
import '../../lib/register-integrations';
import { demoExecutions, demoSyncRuns, demoUsers, demoWorkflows } from './demo-people';
import { seedDemo } from './seed-demo';

async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('seedDemo', () => {
  const engine = startEngine({ pollMs: 50 });
  afterAll(() => engine.stop());

  it('seeds people, groups, valid workflows and running executions once, and leaves a seeded database alone', async () => {
    expect(await seedDemo(db)).toBe(true);
    expect(await db.user.count()).toBe(demoUsers.length);
    const carol = await db.user.findUniqueOrThrow({
      where: { email: 'carol@example.com' },
      include: { memberships: { include: { group: true } } },
    });
    expect(carol.memberships.map((m) => m.group.name).sort()).toEqual(['finance', 'operations']);
    const versions = await db.workflowVersion.findMany({ include: { workflow: true } });
    expect(versions.map((v) => v.workflow.name).sort()).toEqual(demoWorkflows.map((w) => w.name).sort());
    for (const version of versions) expect(validateDefinition(version.definition).errors).toEqual([]);
    expect(await db.auditEntry.count({ where: { action: 'WORKFLOW_CREATED' } })).toBe(demoWorkflows.length);

    expect(await seedDemo(db)).toBe(false);
    expect(await db.workflow.count()).toBe(demoWorkflows.length);
    expect(await db.execution.count()).toBe(demoExecutions.length + demoSyncRuns.length);
    expect(
      await db.execution.findMany({
        where: { workflow: { type: 'EXPRESS' } },
        select: { status: true },
        orderBy: { name: 'asc' },
      }),
    ).toEqual([
      { status: 'FAILED' }, // quote-large: above 1,000
      { status: 'SUCCEEDED' },
    ]);
  });

  it('leaves each demo execution waiting on an approval whose mail is in the outbox', async () => {
    const tasks = await waitFor(
      () =>
        db.approvalTask.findMany({
          where: { status: 'PENDING' },
          include: { execution: true, assignees: true },
        }),
      (found) => found.length === demoExecutions.length,
    );
    expect(tasks.map((task) => task.execution.name).sort()).toEqual(demoExecutions.map((e) => e.name).sort());
    const order = tasks.find((task) => task.execution.name === 'demo-order-1042')!;
    expect(order.title).toBe('Approve order ORD-1042 (2450 EUR)');
    expect(order.assignees.map((a) => a.email).sort()).toEqual([
      'alice@example.com',
      'carol@example.com',
      'manager@example.com',
    ]);
    const expense = tasks.find((task) => task.execution.name === 'demo-expense-311')!;
    // alice asked for it, so she is not asked to approve her own claim
    expect(expense.assignees.map((a) => a.email).sort()).toEqual([
      'carol@example.com',
      'manager@example.com',
    ]);
    const review = tasks.find((task) => task.execution.name === 'demo-dataset-q3')!;
    expect(review.title).toBe('Review the q3-sales run (3 records)');
    expect(review.assignees.map((a) => a.email).sort()).toEqual([
      'bob@example.com',
      'carol@example.com',
      'manager@example.com',
    ]);
    expect(await db.outboxMessage.count({ where: { kind: 'approval-request' } })).toBe(8);
    expect(await db.execution.count({ where: { status: 'RUNNING' } })).toBe(demoExecutions.length);
  });
});
