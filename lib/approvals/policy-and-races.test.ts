import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db/client';
import { decideTask } from './decide-task';
import { decideTaskByToken } from './decide-task-by-token';
import { getLinkView } from './get-link-view';
import {
  approvalDefinition,
  driveEngine,
  executionOf,
  linksFor,
  seedPeople,
  startWorkflow,
  taskOf,
} from './test-kit';

let ids: Record<string, string>;
beforeAll(async () => {
  ids = await seedPeople();
});

const user = (name: string) => ({ type: 'user' as const, id: ids[name], label: `${name}@example.com` });

describe('policies', () => {
  it('quorum 2 of 3: one approval waits, the second settles', async () => {
    const executionId = await startWorkflow(
      approvalDefinition({
        Title: 'Q',
        Approvers: ['alice@example.com', 'bob@example.com', 'carol@example.com'],
        Policy: { Mode: 'quorum', Count: 2 },
      }),
    );
    const task = await taskOf(executionId);
    expect(
      (await decideTask({ taskId: task.id, actor: user('alice'), decision: 'approve' })).taskStatus,
    ).toBe('PENDING');
    await driveEngine();
    expect((await executionOf(executionId)).status).toBe('RUNNING');
    expect((await decideTask({ taskId: task.id, actor: user('bob'), decision: 'approve' })).taskStatus).toBe(
      'APPROVED',
    );
    await driveEngine();
    const output = JSON.parse((await executionOf(executionId)).output!);
    expect(output.approval.Decisions.map((d: { By: string }) => d.By)).toEqual([
      'alice@example.com',
      'bob@example.com',
    ]);
    await expect(
      decideTask({ taskId: task.id, actor: user('carol'), decision: 'approve' }),
    ).rejects.toMatchObject({ code: 'ALREADY_DECIDED' });
  });

  it('a rejection vetoes a quorum after one approval', async () => {
    const executionId = await startWorkflow(
      approvalDefinition({
        Title: 'V',
        Approvers: ['alice@example.com', 'bob@example.com', 'carol@example.com'],
        Policy: { Mode: 'quorum', Count: 2 },
      }),
    );
    const task = await taskOf(executionId);
    await decideTask({ taskId: task.id, actor: user('alice'), decision: 'approve' });
    expect(
      (await decideTask({ taskId: task.id, actor: user('bob'), decision: 'reject', comment: 'No' }))
        .taskStatus,
    ).toBe('REJECTED');
    await driveEngine();
    expect((await executionOf(executionId)).error).toBe('OrderRejected');
  });

  it('all: every assignee must approve', async () => {
    const executionId = await startWorkflow(
      approvalDefinition({
        Title: 'A',
        Approvers: ['alice@example.com', 'bob@example.com'],
        Policy: { Mode: 'all' },
      }),
    );
    const task = await taskOf(executionId);
    expect(
      (await decideTask({ taskId: task.id, actor: user('alice'), decision: 'approve' })).taskStatus,
    ).toBe('PENDING');
    expect((await decideTask({ taskId: task.id, actor: user('bob'), decision: 'approve' })).taskStatus).toBe(
      'APPROVED',
    );
  });

  it('the same person in two groups is asked and counted once', async () => {
    const executionId = await startWorkflow(
      approvalDefinition({
        Title: 'G',
        Approvers: ['group:finance', 'group:operations', 'carol@example.com'],
        Policy: { Mode: 'all' },
      }),
    );
    const task = await taskOf(executionId);
    expect(task.assignees.map((a) => a.email).sort()).toEqual([
      'alice@example.com',
      'bob@example.com',
      'carol@example.com',
    ]);
    expect(
      await db.outboxMessage.count({ where: { approvalTaskId: task.id, to: 'carol@example.com' } }),
    ).toBe(1);
  });

  it('self-approval is refused unless AllowSelfApproval', async () => {
    const executionId = await startWorkflow(
      approvalDefinition({ Title: 'S', Approvers: ['requester@example.com', 'alice@example.com'] }),
      { requesterId: ids.requester },
    );
    const task = await taskOf(executionId);
    expect(task.assignees.map((a) => a.email)).toEqual(['alice@example.com']);
    await expect(
      decideTask({ taskId: task.id, actor: user('requester'), decision: 'approve' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const allowed = await startWorkflow(
      approvalDefinition({ Title: 'S2', Approvers: ['requester@example.com'], AllowSelfApproval: true }),
      { requesterId: ids.requester },
    );
    const own = await taskOf(allowed);
    expect(
      (await decideTask({ taskId: own.id, actor: user('requester'), decision: 'approve' })).taskStatus,
    ).toBe('APPROVED');
  });

  it('someone not asked gets NOT_FOUND; form values are checked', async () => {
    const executionId = await startWorkflow(
      approvalDefinition({
        Title: 'F',
        Approvers: ['alice@example.com'],
        Form: [{ Name: 'discount', Type: 'number', Label: 'Discount %', Required: true }],
      }),
    );
    const task = await taskOf(executionId);
    await expect(
      decideTask({ taskId: task.id, actor: user('bob'), decision: 'approve' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      decideTask({
        taskId: task.id,
        actor: user('alice'),
        decision: 'approve',
        values: { discount: 'lots' },
      }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { fieldErrors: { discount: ['Enter a number.'] } },
    });
    await decideTask({
      taskId: task.id,
      actor: user('alice'),
      decision: 'approve',
      values: { discount: '5' },
    });
    await driveEngine();
    expect(JSON.parse((await executionOf(executionId)).output!).approval.Decisions[0].Form).toEqual({
      discount: 5,
    });
  });
});

describe('exactly once', () => {
  it('50 concurrent decisions on one task: one decision, one transition, 49 already decided', async () => {
    const executionId = await startWorkflow(
      approvalDefinition({ Title: 'Race', Approvers: ['alice@example.com'] }),
    );
    const [token] = await linksFor('alice@example.com').then((l) => l.slice(-1));
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () => decideTaskByToken({ token, decision: 'approve', comment: 'ok' })),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(refused.map((r) => (r.reason as { code: string }).code)).toEqual(
      Array(49).fill('ALREADY_DECIDED'),
    );
    const task = await taskOf(executionId);
    expect(task.decisions).toHaveLength(1);
    expect(await db.historyEvent.count({ where: { executionId, type: 'TaskSucceeded' } })).toBe(0);
    await driveEngine();
    expect(await db.historyEvent.count({ where: { executionId, type: 'TaskSucceeded' } })).toBe(1);
    expect(await db.auditEntry.count({ where: { action: 'TASK_DECIDED', targetId: task.id } })).toBe(1);
  });

  it('opening every link (GET) changes nothing but the LINK_OPENED record', async () => {
    const executionId = await startWorkflow(
      approvalDefinition({ Title: 'Scan', Approvers: ['group:finance', 'bob@example.com'] }),
    );
    const task = await taskOf(executionId);
    for (const email of ['alice@example.com', 'bob@example.com', 'carol@example.com']) {
      const [token] = (await linksFor(email)).slice(-1);
      expect((await getLinkView(token)).kind).toBe('open');
    }
    const after = await taskOf(executionId);
    expect(after.decisions).toHaveLength(0);
    expect(after.status).toBe('PENDING');
    expect(after.assignees.every((a) => a.status === 'PENDING' && a.linkUsedAt === null)).toBe(true);
    expect((await db.taskToken.findUniqueOrThrow({ where: { id: task.taskTokenId } })).status).toBe(
      'PENDING',
    );
    expect(await db.auditEntry.count({ where: { action: 'LINK_OPENED', targetId: task.id } })).toBe(3);
  });

  it('used, foreign and garbage links are told apart', async () => {
    const executionId = await startWorkflow(
      approvalDefinition({ Title: 'Used', Approvers: ['alice@example.com', 'bob@example.com'] }),
    );
    const [alice] = (await linksFor('alice@example.com')).slice(-1);
    const [bob] = (await linksFor('bob@example.com')).slice(-1);
    await decideTaskByToken({ token: alice, decision: 'approve' });
    expect((await getLinkView(alice)).kind).toBe('used');
    expect((await getLinkView(bob)).kind).toBe('decided');
    await expect(decideTaskByToken({ token: alice, decision: 'approve' })).rejects.toMatchObject({
      code: 'ALREADY_DECIDED',
      details: { status: 'APPROVED' },
    });
    await expect(
      decideTaskByToken({ token: bob, decision: 'reject', comment: 'late' }),
    ).rejects.toMatchObject({ code: 'ALREADY_DECIDED' });
    expect((await getLinkView('A'.repeat(43))).kind).toBe('invalid');
    expect((await getLinkView('not a token')).kind).toBe('invalid');
    await expect(decideTaskByToken({ token: 'x', decision: 'approve' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(executionId).toBeTruthy();
  });
});
