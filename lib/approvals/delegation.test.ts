import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db/client';
import { createDelegation } from './create-delegation';
import { decideTaskByToken } from './decide-task-by-token';
import { endDelegation } from './end-delegation';
import { getLinkView } from './get-link-view';
import { listDelegations } from './list-delegations';
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
  await db.user.update({ where: { id: ids.manager }, data: { role: 'admin' } });
});

const hour = 3_600_000;
const as = (name: string) => ({ type: 'user' as const, id: ids[name], label: `${name}@example.com` });

describe('out of office', () => {
  it('hands pending tasks to the delegate, who decides on behalf of the person; the record says both', async () => {
    const executionId = await startWorkflow(
      approvalDefinition({ Title: 'Away', Approvers: ['alice@example.com'] }),
    );
    const [aliceLink] = await linksFor('alice@example.com');
    const { moved } = await createDelegation({
      fromUserId: ids.alice,
      toUserId: ids.bob,
      startsAt: new Date(Date.now() - 60_000),
      endsAt: new Date(Date.now() + hour),
      includePending: true,
      actor: as('alice'),
    });
    expect(moved).toBe(1);
    const task = await taskOf(executionId);
    expect(task.assignees.map((a) => [a.email, a.status, a.via])).toEqual([
      ['alice@example.com', 'CANCELLED', 'direct'],
      ['bob@example.com', 'PENDING', 'delegation'],
    ]);
    const aliceView = await getLinkView(aliceLink, { record: false });
    expect(aliceView.kind).toBe('cancelled');
    expect(aliceView.kind !== 'invalid' && aliceView.task.handedOver).toBe(true);
    const [bobLink] = (await linksFor('bob@example.com')).slice(-1);
    const bobMail = await db.outboxMessage.findFirstOrThrow({
      where: { approvalTaskId: task.id, to: 'bob@example.com' },
    });
    expect(bobMail.text).toContain('on behalf of alice@example.com');
    await decideTaskByToken({ token: bobLink, decision: 'approve' });
    await driveEngine();
    const execution = await executionOf(executionId);
    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.output!).approval.Decisions).toEqual([
      expect.objectContaining({
        By: 'bob@example.com',
        OnBehalfOf: 'alice@example.com',
        Decision: 'approved',
      }),
    ]);
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { action: 'DELEGATION_CREATED', targetId: ids.alice },
    });
    expect(JSON.parse(audit.data)).toMatchObject({ fromUserId: ids.alice, toUserId: ids.bob, movedTasks: 1 });
  });

  it('only the person or an admin may set it; ending it sends new tasks to the person again', async () => {
    const window = { startsAt: new Date(Date.now() - 60_000), endsAt: new Date(Date.now() + hour) };
    await expect(
      createDelegation({ fromUserId: ids.carol, toUserId: ids.dana, ...window, actor: as('bob') }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await db.delegation.count({ where: { fromUserId: ids.carol } })).toBe(0);
    const { id } = await createDelegation({
      fromUserId: ids.carol,
      toUserId: ids.dana,
      ...window,
      actor: as('manager'),
    });
    expect((await listDelegations({ userId: ids.dana })).taken.map((d) => [d.from, d.running])).toEqual([
      ['carol@example.com', true],
    ]);
    const during = await taskOf(
      await startWorkflow(approvalDefinition({ Title: 'During', Approvers: ['carol@example.com'] })),
    );
    expect(during.assignees.map((a) => a.email)).toEqual(['dana@example.com']);
    await expect(endDelegation({ id, actor: as('dana') })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await endDelegation({ id, actor: as('carol') });
    const after = await taskOf(
      await startWorkflow(approvalDefinition({ Title: 'After', Approvers: ['carol@example.com'] })),
    );
    expect(after.assignees.map((a) => a.email)).toEqual(['carol@example.com']);
    expect(await db.auditEntry.count({ where: { action: 'DELEGATION_ENDED', targetId: ids.carol } })).toBe(1);
  });
});
