import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db/client';
import { claimTask } from './claim-task';
import { decideTask } from './decide-task';
import { decideTaskByToken } from './decide-task-by-token';
import { getInboxTaskOrThrow } from './get-inbox-task-or-throw';
import { addApprover, reassignApprover } from './reassign-task';
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
const user = (name: string) => ({ type: 'user' as const, id: ids[name], label: `${name}@example.com` });

async function start(parameters: object, requester?: string) {
  const executionId = await startWorkflow(
    approvalDefinition({ Title: 'Reassign me', ...parameters }),
    requester ? { requesterId: ids[requester] } : {},
  );
  return { executionId, taskId: (await taskOf(executionId)).id };
}

/** What a refused call must leave as it was. */
async function snapshot(taskId: string) {
  return {
    assignees: await db.approvalAssignee.findMany({ where: { taskId }, orderBy: { email: 'asc' } }),
    mail: await db.outboxMessage.count({ where: { approvalTaskId: taskId } }),
    audit: await db.auditEntry.count({ where: { targetId: taskId } }),
  };
}

beforeAll(async () => {
  ids = await seedPeople();
  ids.admin = (await db.user.create({ data: { email: 'admin@example.com', role: 'admin' } })).id;
  ids.gone = (await db.user.create({ data: { email: 'gone@example.com', disabledAt: new Date() } })).id;
  await db.user.update({ where: { id: ids.manager }, data: { role: 'manager' } });
  const finance = await db.group.findUniqueOrThrow({ where: { name: 'finance' } });
  await db.membership.create({ data: { userId: ids.manager, groupId: finance.id, role: 'manager' } });
});

describe('reassignApprover', () => {
  it("hands alice's place to bob: bob's own link arrives and decides, alice's stops working", async () => {
    const { executionId, taskId } = await start({ Approvers: ['alice@example.com'] });
    const [alicesLink] = await linksFor('alice@example.com');
    const before = (await linksFor('bob@example.com')).length;
    const change = await reassignApprover({
      taskId,
      from: 'Alice@example.com',
      to: 'bob@example.com',
      actor: user('manager'),
    });
    expect(change).toMatchObject({
      added: { email: 'bob@example.com', onBehalfOf: null },
      removed: 'alice@example.com',
      policy: { asked: 1, summary: '0 of 1 approval, none rejected' },
    });
    await expect(decideTaskByToken({ token: alicesLink, decision: 'approve' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Your link to this request was withdrawn.',
    });
    await expect(decideTask({ taskId, actor: user('alice'), decision: 'approve' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const bobsLinks = await linksFor('bob@example.com');
    expect(bobsLinks).toHaveLength(before + 1);
    expect(await decideTaskByToken({ token: bobsLinks.at(-1)!, decision: 'approve' })).toMatchObject({
      taskStatus: 'APPROVED',
    });
    await driveEngine();
    expect((await executionOf(executionId)).status).toBe('SUCCEEDED');
    const [entry] = await db.auditEntry.findMany({ where: { targetId: taskId, action: 'TASK_REASSIGNED' } });
    expect(JSON.parse(entry.data)).toEqual({ taskId, from: 'alice@example.com', to: 'bob@example.com' });
  });

  it("ends the replaced person's claim, and refuses to replace someone who decided", async () => {
    const { taskId } = await start({ Approvers: ['group:finance'], Policy: { Mode: 'all' } });
    await claimTask({ taskId, actor: user('carol') });
    await reassignApprover({
      taskId,
      from: 'carol@example.com',
      to: 'dana@example.com',
      actor: user('admin'),
    });
    expect(await db.approvalTask.findUniqueOrThrow({ where: { id: taskId } })).toMatchObject({
      claimedById: null,
    });
    await decideTask({ taskId, actor: user('alice'), decision: 'approve' });
    await expect(
      reassignApprover({ taskId, from: 'alice@example.com', to: 'bob@example.com', actor: user('admin') }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      reassignApprover({ taskId, from: 'carol@example.com', to: 'bob@example.com', actor: user('admin') }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('addApprover', () => {
  it('asks one more person with a link of their own; an `all` policy then waits for them too', async () => {
    const { taskId } = await start({ Approvers: ['alice@example.com'], Policy: { Mode: 'all' } });
    const change = await addApprover({ taskId, email: 'bob@example.com', actor: user('manager') });
    expect(change.policy).toMatchObject({ asked: 2, needed: 2, summary: '0 of 2 approvals, none rejected' });
    expect((await decideTask({ taskId, actor: user('alice'), decision: 'approve' })).taskStatus).toBe(
      'PENDING',
    );
    const view = await getInboxTaskOrThrow({ taskId, viewer: { id: ids.manager, role: 'manager' } });
    expect(view.policyProgress.summary).toBe('1 of 2 approvals, none rejected');
    expect(view.assignees.map((a) => [a.email, a.via, a.status, a.decision])).toEqual([
      ['alice@example.com', 'direct', 'DECIDED', 'approved'],
      ['bob@example.com', 'added', 'PENDING', null],
    ]);
    const [token] = (await linksFor('bob@example.com')).slice(-1);
    expect((await decideTaskByToken({ token, decision: 'approve' })).taskStatus).toBe('APPROVED');
    const [entry] = await db.auditEntry.findMany({
      where: { targetId: taskId, action: 'TASK_APPROVER_ADDED' },
    });
    expect(JSON.parse(entry.data)).toEqual({ taskId, email: 'bob@example.com' });
  });

  it('asks a withdrawn person again with a new link (their old one stays dead)', async () => {
    const { taskId } = await start({ Approvers: ['carol@example.com'] });
    const [old] = (await linksFor('carol@example.com')).slice(-1);
    await reassignApprover({
      taskId,
      from: 'carol@example.com',
      to: 'alice@example.com',
      actor: user('admin'),
    });
    await addApprover({ taskId, email: 'carol@example.com', actor: user('admin') });
    await expect(decideTaskByToken({ token: old, decision: 'approve' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const [fresh] = (await linksFor('carol@example.com')).slice(-1);
    expect(fresh).not.toBe(old);
    expect((await decideTaskByToken({ token: fresh, decision: 'approve' })).taskStatus).toBe('APPROVED');
  });

  it('refuses, writing nothing: people who do not oversee the task, bad or taken addresses, the requester', async () => {
    const { taskId } = await start({ Approvers: ['bob@example.com'] }, 'requester');
    const before = await snapshot(taskId);
    const refusals: Array<[Promise<unknown>, string, RegExp?]> = [
      // bob is in operations, which the manager does not manage: not their team's task
      [addApprover({ taskId, email: 'dana@example.com', actor: user('manager') }), 'NOT_FOUND'],
      [addApprover({ taskId, email: 'dana@example.com', actor: user('bob') }), 'FORBIDDEN'],
      [
        addApprover({ taskId, email: 'dana@example.com', actor: { type: 'apiKey', id: 'k' } }),
        'UNAUTHORIZED',
      ],
      [addApprover({ taskId, email: 'not an email', actor: user('admin') }), 'INVALID_INPUT', /^email: /],
      [addApprover({ taskId, email: 'bob@example.com', actor: user('admin') }), 'CONFLICT', /already asked/],
      [
        addApprover({ taskId, email: 'gone@example.com', actor: user('admin') }),
        'INVALID_INPUT',
        /deactivated/,
      ],
      [
        addApprover({ taskId, email: 'requester@example.com', actor: user('admin') }),
        'INVALID_INPUT',
        /started this request/,
      ],
      [addApprover({ taskId: 'nope', email: 'dana@example.com', actor: user('admin') }), 'NOT_FOUND'],
      [
        reassignApprover({ taskId, from: 'bob@example.com', to: 'bob@example.com', actor: user('admin') }),
        'INVALID_INPUT',
        /^to: /,
      ],
    ];
    // They run at once (on PostgreSQL, truly concurrently): handled now, inspected one by one below.
    for (const [call] of refusals) call.catch(() => undefined);
    for (const [call, code, message] of refusals)
      await expect(call).rejects.toMatchObject({
        code,
        ...(message ? { message: expect.stringMatching(message) } : {}),
      });
    expect(await snapshot(taskId)).toEqual(before);
  });

  it("sends a delegating person's request to their delegate, on their behalf", async () => {
    await db.delegation.create({
      data: {
        fromUserId: ids.dana,
        toUserId: ids.carol,
        startsAt: new Date(Date.now() - 60_000),
        endsAt: new Date(Date.now() + 3_600_000),
      },
    });
    const { taskId } = await start({ Approvers: ['alice@example.com'] });
    const change = await addApprover({ taskId, email: 'dana@example.com', actor: user('manager') });
    expect(change.added).toEqual({ email: 'carol@example.com', onBehalfOf: 'dana@example.com' });
  });
});
