import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db/client';
import { createDelegation } from './create-delegation';
import { decideTask } from './decide-task';
import { getInboxTaskOrThrow } from './get-inbox-task-or-throw';
import { inboxQuerySchema, type InboxTab } from './inbox-query';
import { listInboxTasks } from './list-inbox-tasks';
import { approvalDefinition, driveEngine, executionOf, seedPeople, startWorkflow, taskOf } from './test-kit';

let ids: Record<string, string>;
const tasks: Record<string, string> = {};
const viewer = (name: string, role = 'approver') => ({ id: ids[name], role });
async function visibleTo(name: string, role?: string, tab: InboxTab = 'todo') {
  const { rows } = await listInboxTasks({
    viewer: viewer(name, role),
    query: inboxQuerySchema.parse({ tab }),
  });
  return Object.entries(tasks)
    .filter(([, id]) => rows.some((r) => r.id === id))
    .map(([key]) => key)
    .sort();
}

async function startApproval(approvers: string[]): Promise<string> {
  const executionId = await startWorkflow(
    approvalDefinition({ Title: `Approve ${approvers.join(', ')}`, Approvers: approvers }),
  );
  return (await taskOf(executionId)).id;
}

beforeAll(async () => {
  ids = await seedPeople();
  ids.admin = (await db.user.create({ data: { email: 'admin@example.com', role: 'admin' } })).id;
  await db.user.update({ where: { id: ids.manager }, data: { role: 'manager' } });
  const finance = await db.group.findUniqueOrThrow({ where: { name: 'finance' } });
  await db.membership.create({ data: { userId: ids.manager, groupId: finance.id, role: 'manager' } });
  await createDelegation({
    fromUserId: ids.dana,
    toUserId: ids.alice,
    startsAt: new Date(Date.now() - 60_000),
    endsAt: new Date(Date.now() + 3_600_000),
    actor: { type: 'system', label: 'test' },
  });
  tasks.direct = await startApproval(['alice@example.com']);
  tasks.group = await startApproval(['group:operations']);
  tasks.delegated = await startApproval(['dana@example.com']);
  tasks.outside = await startApproval(['bob@example.com']);
});

describe('listInboxTasks', () => {
  it('shows an approver the tasks asked of them directly, through a group, or delegated to them, and no others', async () => {
    expect(await visibleTo('alice')).toEqual(['delegated', 'direct']);
    expect(await visibleTo('bob')).toEqual(['group', 'outside']);
    expect(await visibleTo('carol')).toEqual(['group']);
    expect(await visibleTo('dana')).toEqual([]);
  });

  it('shows a manager the tasks of the groups they manage, and an admin every task (team tab)', async () => {
    // finance is alice and carol: alice's tasks and the operations task carol is asked; not bob's own
    expect(await visibleTo('manager', 'manager', 'team')).toEqual(['delegated', 'direct', 'group']);
    expect(await visibleTo('admin', 'admin', 'team')).toEqual(['delegated', 'direct', 'group', 'outside']);
    expect(await visibleTo('manager', 'manager')).toEqual([]);
  });

  it('an approver with the manager role of a group gets nothing extra without the manager role', async () => {
    expect(await visibleTo('manager', 'approver')).toEqual([]);
    await expect(visibleTo('manager', 'approver', 'team')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('deciding from the inbox', () => {
  it('lets a manager see a task they were not asked, but not decide it', async () => {
    const view = await getInboxTaskOrThrow({ taskId: tasks.direct, viewer: viewer('manager', 'manager') });
    expect(view).toMatchObject({ canDecide: false, blockedReason: 'not-asked' });
    const decision = decideTask({
      taskId: tasks.direct,
      actor: { type: 'user', id: ids.manager },
      decision: 'approve',
      via: 'inbox',
    });
    await expect(decision).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await db.approvalTask.findUniqueOrThrow({ where: { id: tasks.direct } })).status).toBe('PENDING');
  });

  it('hides a task from someone outside its scope', async () => {
    await expect(getInboxTaskOrThrow({ taskId: tasks.direct, viewer: viewer('bob') })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('lets the assignee decide; the task leaves their pending list and the execution goes on', async () => {
    expect(await getInboxTaskOrThrow({ taskId: tasks.direct, viewer: viewer('alice') })).toMatchObject({
      canDecide: true,
      blockedReason: null,
    });
    const result = await decideTask({
      taskId: tasks.direct,
      actor: { type: 'user', id: ids.alice, label: 'alice@example.com' },
      decision: 'approve',
      comment: 'Fine',
      via: 'inbox',
    });
    expect(result.taskStatus).toBe('APPROVED');
    await driveEngine();
    expect((await executionOf(result.executionId)).status).toBe('SUCCEEDED');
    expect(await visibleTo('alice')).toEqual(['delegated']);
    expect(await visibleTo('alice', 'approver', 'decided')).toEqual(['direct']);
    const view = await getInboxTaskOrThrow({ taskId: tasks.direct, viewer: viewer('alice') });
    expect(view).toMatchObject({ status: 'APPROVED', canDecide: false, blockedReason: 'closed' });
    expect(view.decisions).toEqual([
      expect.objectContaining({
        by: 'alice@example.com',
        decision: 'approved',
        comment: 'Fine',
        via: 'inbox',
      }),
    ]);
    await expect(
      decideTask({
        taskId: tasks.direct,
        actor: { type: 'user', id: ids.alice },
        decision: 'reject',
        comment: 'no',
        via: 'inbox',
      }),
    ).rejects.toMatchObject({ code: 'ALREADY_DECIDED' });
  });

  it('sorts by due time with undated tasks last, and flags nothing overdue that is not', async () => {
    const { rows } = await listInboxTasks({
      viewer: viewer('admin', 'admin'),
      query: inboxQuerySchema.parse({ tab: 'team', sort: 'due' }),
    });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => !r.overdue)).toBe(true);
    expect(rows.find((r) => r.id === tasks.group)?.mine).toBe('not-asked');
  });
});
