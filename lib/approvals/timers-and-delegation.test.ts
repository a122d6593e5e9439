import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db/client';
import { createDelegation } from './create-delegation';
import { decideTaskByToken } from './decide-task-by-token';
import { getLinkView } from './get-link-view';
import { inboxQuerySchema } from './inbox-query';
import { listInboxTasks } from './list-inbox-tasks';
import {
  advanceClock,
  approvalDefinition,
  driveEngine,
  executionOf,
  linksFor,
  resetClock,
  seedPeople,
  startWorkflow,
  taskOf,
} from './test-kit';

let ids: Record<string, string>;
beforeAll(async () => {
  ids = await seedPeople();
});
afterEach(() => resetClock());

const mails = (taskId: string, kind: string) =>
  db.outboxMessage.findMany({ where: { approvalTaskId: taskId, kind }, orderBy: { createdAt: 'asc' } });

describe('durable approval timers', () => {
  it('TimeoutSeconds expires the request with States.Timeout and marks the task EXPIRED', async () => {
    const executionId = await startWorkflow(
      approvalDefinition({ Title: 'T', Approvers: ['alice@example.com'] }, { TimeoutSeconds: 3600 }),
    );
    const [token] = (await linksFor('alice@example.com')).slice(-1);
    advanceClock(3601);
    await driveEngine();
    expect(await executionOf(executionId)).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    expect((await taskOf(executionId)).status).toBe('EXPIRED');
    expect((await getLinkView(token)).kind).toBe('expired');
    await expect(decideTaskByToken({ token, decision: 'approve' })).rejects.toMatchObject({
      code: 'LINK_EXPIRED',
    });
  });

  it('reminders every N seconds, at most Max, with fresh links; escalation adds approvers once', async () => {
    const executionId = await startWorkflow(
      approvalDefinition({
        Title: 'R',
        Approvers: ['alice@example.com'],
        Reminders: { EverySeconds: 60, Max: 2 },
        Escalation: { AfterSeconds: 150, To: ['group:managers'] },
      }),
    );
    const task = await taskOf(executionId);
    await driveEngine();
    expect(await mails(task.id, 'reminder')).toHaveLength(0);
    advanceClock(61);
    await driveEngine();
    expect(await mails(task.id, 'reminder')).toHaveLength(1);
    advanceClock(60);
    await driveEngine();
    expect(await mails(task.id, 'reminder')).toHaveLength(2);
    advanceClock(60); // 181 s: escalation due (150 s), no third reminder (Max 2)
    await driveEngine();
    expect(await mails(task.id, 'reminder')).toHaveLength(2);
    const escalated = await mails(task.id, 'escalation');
    expect(escalated.map((m) => m.to)).toEqual(['manager@example.com']);
    const after = await taskOf(executionId);
    expect(after.assignees.find((a) => a.email === 'manager@example.com')?.via).toBe('escalation');
    const [managerLink] = (await linksFor('manager@example.com')).slice(-1);
    await decideTaskByToken({ token: managerLink, decision: 'approve' });
    await driveEngine();
    expect((await executionOf(executionId)).status).toBe('SUCCEEDED');
  });

  it('a reminder mails a link of its own; the link of the first mail still works, and one decision spends both', async () => {
    const executionId = await startWorkflow(
      approvalDefinition({
        Title: 'R2',
        Approvers: ['bob@example.com'],
        Reminders: { EverySeconds: 30, Max: 1 },
      }),
    );
    const [first] = (await linksFor('bob@example.com')).slice(-1);
    advanceClock(31);
    await driveEngine();
    const [second] = (await linksFor('bob@example.com')).slice(-1);
    expect(second).not.toBe(first);
    expect((await getLinkView(first)).kind).toBe('open');
    expect((await getLinkView(second)).kind).toBe('open');
    const task = await taskOf(executionId);
    expect(await db.approvalLink.count({ where: { assignee: { taskId: task.id } } })).toBe(2);
    await decideTaskByToken({ token: first, decision: 'approve' });
    await driveEngine();
    expect((await executionOf(executionId)).status).toBe('SUCCEEDED');
    expect((await getLinkView(second)).kind).toBe('used');
    await expect(
      decideTaskByToken({ token: second, decision: 'reject', comment: 'too late' }),
    ).rejects.toMatchObject({ code: 'ALREADY_DECIDED' });
    expect(await db.decision.count({ where: { taskId: task.id } })).toBe(1);
  });
});

describe('delegation', () => {
  it('a task assigned during a delegation goes to the delegate, and the record says so', async () => {
    const now = Date.now();
    await createDelegation({
      fromUserId: ids.alice,
      toUserId: ids.dana,
      startsAt: new Date(now - 60_000),
      endsAt: new Date(now + 3_600_000),
      reason: 'holiday',
      actor: { type: 'user', id: ids.alice },
    });
    await expect(
      createDelegation({
        fromUserId: ids.alice,
        toUserId: ids.alice,
        startsAt: new Date(now),
        endsAt: new Date(now + 1000),
        actor: { type: 'user', id: ids.alice },
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const executionId = await startWorkflow(
      approvalDefinition({ Title: 'D', Approvers: ['alice@example.com'] }),
    );
    const task = await taskOf(executionId);
    expect(task.assignees).toMatchObject([
      { email: 'dana@example.com', via: 'delegation', delegatedFromUserId: ids.alice },
    ]);
    const mail = await db.outboxMessage.findFirstOrThrow({
      where: { approvalTaskId: task.id, to: 'dana@example.com' },
    });
    expect(mail.text).toContain('on behalf of alice@example.com');
  });
});

describe('due, overdue and escalated', () => {
  it('an escalated task is marked escalated, not overdue, while its due time is ahead; its mail says escalated', async () => {
    const executionId = await startWorkflow(
      approvalDefinition(
        {
          Title: 'Escalate me',
          Approvers: ['alice@example.com'],
          Escalation: { AfterSeconds: 60, To: ['group:managers'] },
        },
        { TimeoutSeconds: 3600 },
      ),
    );
    const task = await taskOf(executionId);
    advanceClock(61);
    await driveEngine();
    const { rows } = await listInboxTasks({
      viewer: { id: ids.manager, role: 'approver' },
      query: inboxQuerySchema.parse({}),
    });
    const row = rows.find((r) => r.id === task.id);
    expect(row).toMatchObject({
      overdue: false,
      escalatedTo: ['group:managers'],
      dueAt: task.dueAt?.toISOString(),
    });
    expect(row?.escalatedAt).not.toBeNull();
    const [mail] = await mails(task.id, 'escalation');
    expect(`${mail.subject} ${mail.text}`).not.toMatch(/overdue/i);
    expect(mail.text).toContain('Escalated to you: this request waited 1 minute without a decision');
  });

  it('a quorum link page says the holder decided, and how many approvals are still needed', async () => {
    const executionId = await startWorkflow(
      approvalDefinition({
        Title: 'Quorum',
        Approvers: ['carol@example.com', 'bob@example.com', 'manager@example.com'], // alice delegated to dana above
        Policy: { Mode: 'quorum', Count: 2 },
      }),
    );
    const task = await taskOf(executionId);
    const link = async (who: string) =>
      (await db.outboxMessage.findFirstOrThrow({ where: { approvalTaskId: task.id, to: who } })).text.match(
        /\/approve\/([A-Za-z0-9_-]{43})/,
      )![1];
    const carol = await link('carol@example.com');
    await decideTaskByToken({ token: carol, decision: 'approve', comment: 'Fine' });
    const mine = await getLinkView(carol, { record: false });
    expect(mine.kind).toBe('used');
    if (mine.kind === 'invalid') return;
    expect(mine.task).toMatchObject({
      status: 'PENDING',
      policy: { mode: 'quorum', count: 2, stillNeeded: 1 },
    });
    expect(mine.task.decisions).toEqual([
      expect.objectContaining({ by: 'carol@example.com', you: true, comment: 'Fine' }),
    ]);
    const bobs = await getLinkView(await link('bob@example.com'), { record: false });
    expect(bobs.kind === 'open' && bobs.task.decisions.map((d) => d.you)).toEqual([false]);
  });
});
