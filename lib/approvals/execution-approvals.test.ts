import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db/client';
import { getExecutionProgress } from '../executions/state-summary';
import { decideTask } from './decide-task';
import { listExecutionApprovals } from './execution-approvals';
import { approvalDefinition, driveEngine, seedPeople, startWorkflow, taskOf } from './test-kit';

const system = { type: 'system' as const, label: 'test' };
let ids: Record<string, string>;
let executionId: string;

beforeAll(async () => {
  ids = await seedPeople();
  executionId = await startWorkflow(
    approvalDefinition({ Title: 'Approve order A-1', Approvers: ['dana@example.com', 'group:finance'] }),
  );
});

describe('listExecutionApprovals', () => {
  it('names who was asked, how, and the groups behind them', async () => {
    const [task] = await listExecutionApprovals({ executionId, actor: system });
    expect(task).toMatchObject({
      stateName: 'Approve',
      title: 'Approve order A-1',
      status: 'PENDING',
      policy: { mode: 'any', count: 1 },
      groups: ['finance'],
    });
    expect(task.assignees.map((a) => [a.email, a.via, a.status])).toEqual([
      ['dana@example.com', 'direct', 'PENDING'],
      ['alice@example.com', 'group:finance', 'PENDING'],
      ['carol@example.com', 'group:finance', 'PENDING'],
    ]);
    expect(task.taskId).toBe((await taskOf(executionId)).id);
    // The graph's summary agrees: the approval state waits on a person.
    const { progress } = await getExecutionProgress({ executionId, actor: system });
    expect(progress.states.Approve.status).toBe('waiting');
  });

  it('lets an active admin read them and refuses anyone else', async () => {
    const admin = await db.user.create({ data: { email: 'admin-reader@example.com', role: 'admin' } });
    const asAdmin = { type: 'user' as const, id: admin.id, label: admin.email };
    expect(await listExecutionApprovals({ executionId, actor: asAdmin })).toHaveLength(1);
    const approver = await db.user.create({ data: { email: 'nosy@example.com', role: 'approver' } });
    const asApprover = { type: 'user' as const, id: approver.id, label: approver.email };
    await expect(listExecutionApprovals({ executionId, actor: asApprover })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    // Even one of the people asked may not read the execution's approvals here.
    const alice = { type: 'user' as const, id: ids.alice, label: 'alice@example.com' };
    await expect(listExecutionApprovals({ executionId, actor: alice })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const readKey = { type: 'apiKey' as const, id: 'k', label: 'k', scopes: ['executions:read'] };
    expect(await listExecutionApprovals({ executionId, actor: readKey })).toHaveLength(1);
  });

  it('shows the decision once it is made', async () => {
    const task = await taskOf(executionId);
    await decideTask({
      taskId: task.id,
      actor: { type: 'user', id: ids.alice, label: 'alice@example.com' },
      decision: 'approve',
    });
    await driveEngine();
    const [after] = await listExecutionApprovals({ executionId, actor: system });
    expect(after.status).toBe('APPROVED');
    expect(after.assignees.find((a) => a.email === 'alice@example.com')?.status).toBe('DECIDED');
    const { progress } = await getExecutionProgress({ executionId, actor: system });
    expect(progress.states.Approve.status).toBe('succeeded');
    expect(progress.taken).toEqual(['Approve->Done']);
  });

  it('is empty for an execution without approvals', async () => {
    expect(await listExecutionApprovals({ executionId: 'no-such-execution', actor: system })).toEqual([]);
  });
});
