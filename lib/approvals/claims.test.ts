import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db/client';
import { breakClaim, claimTask, releaseTask } from './claim-task';
import { claimMinutes, DEFAULT_CLAIM_MINUTES } from './claim-rules';
import { decideTask } from './decide-task';
import { decideTaskByToken } from './decide-task-by-token';
import { getInboxTaskOrThrow } from './get-inbox-task-or-throw';
import { advanceClock, approvalDefinition, resetClock, seedPeople, startWorkflow, taskOf } from './test-kit';

let ids: Record<string, string>;
const user = (name: string) => ({ type: 'user' as const, id: ids[name], label: `${name}@example.com` });

async function financeTask(title = 'Claim me'): Promise<string> {
  const executionId = await startWorkflow(approvalDefinition({ Title: title, Approvers: ['group:finance'] }));
  return (await taskOf(executionId)).id;
}

const auditOf = (taskId: string) =>
  db.auditEntry.findMany({
    where: { targetId: taskId },
    orderBy: { seq: 'asc' },
    select: { action: true, actorLabel: true, data: true },
  });

async function linkOf(taskId: string, to: string): Promise<string> {
  const mail = await db.outboxMessage.findFirstOrThrow({ where: { approvalTaskId: taskId, to } });
  return mail.text.match(/\/approve\/([A-Za-z0-9_-]{43})/)![1];
}

beforeAll(async () => {
  ids = await seedPeople();
  ids.admin = (await db.user.create({ data: { email: 'admin@example.com', role: 'admin' } })).id;
  await db.user.update({ where: { id: ids.manager }, data: { role: 'manager' } });
  const operations = await db.group.findUniqueOrThrow({ where: { name: 'operations' } });
  await db.membership.create({ data: { userId: ids.manager, groupId: operations.id, role: 'manager' } });
});

afterEach(() => {
  resetClock();
  delete process.env.SIGNOFF_CLAIM_MINUTES;
});

describe('claimTask', () => {
  it('holds the task for the claimer: others cannot decide it, in the inbox or by their link, and are told who holds it', async () => {
    const taskId = await financeTask();
    const claim = await claimTask({ taskId, actor: user('carol') });
    expect(claim).toMatchObject({ taskId, holder: 'carol@example.com' });
    expect(new Date(claim.expiresAt).getTime() - new Date(claim.claimedAt).getTime()).toBe(30 * 60_000);
    const refused = decideTask({ taskId, actor: user('alice'), decision: 'approve' });
    await expect(refused).rejects.toMatchObject({
      code: 'CLAIMED',
      message: expect.stringMatching(/^Claimed by carol@example\.com until \d{4}-\d\d-\d\d \d\d:\d\d UTC\.$/),
      details: { holder: 'carol@example.com', until: claim.expiresAt },
    });
    await expect(
      decideTaskByToken({ token: await linkOf(taskId, 'alice@example.com'), decision: 'approve' }),
    ).rejects.toMatchObject({ code: 'CLAIMED' });
    expect(await db.decision.count({ where: { taskId } })).toBe(0);
    expect(await getInboxTaskOrThrow({ taskId, viewer: { id: ids.alice, role: 'approver' } })).toMatchObject({
      canDecide: false,
      blockedReason: 'claimed',
      claim: { by: 'carol@example.com', byYou: false, expiresAt: claim.expiresAt },
      may: { claim: false, release: false, breakClaim: false },
    });
    expect((await auditOf(taskId)).map((e) => e.action)).toEqual(['TASK_CLAIMED']);
  });

  it("the holder's decision ends the claim, and the claim recorded its holder only while it held", async () => {
    const taskId = await financeTask();
    await claimTask({ taskId, actor: user('carol') });
    await claimTask({ taskId, actor: user('carol') }); // renewing one's own claim is fine
    const result = await decideTask({ taskId, actor: user('carol'), decision: 'approve' });
    expect(result.taskStatus).toBe('APPROVED');
    const task = await db.approvalTask.findUniqueOrThrow({ where: { id: taskId } });
    expect(task).toMatchObject({ claimedById: null, claimExpiresAt: null });
  });

  it('is refused to people not asked, to those who decided, and on closed tasks — writing nothing', async () => {
    const taskId = await financeTask();
    await expect(claimTask({ taskId, actor: user('bob') })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(claimTask({ taskId, actor: { type: 'apiKey', id: 'k' } })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    await expect(claimTask({ taskId: 'nope', actor: user('alice') })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const quorum = await startWorkflow(
      approvalDefinition({ Title: 'Q', Approvers: ['group:finance'], Policy: { Mode: 'all' } }),
    );
    const all = (await taskOf(quorum)).id;
    await decideTask({ taskId: all, actor: user('alice'), decision: 'approve' });
    await expect(claimTask({ taskId: all, actor: user('alice') })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const closed = await financeTask('Closed');
    await decideTask({ taskId: closed, actor: user('alice'), decision: 'approve' });
    await expect(claimTask({ taskId: closed, actor: user('carol') })).rejects.toMatchObject({
      code: 'ALREADY_DECIDED',
    });
    for (const id of [taskId, all, closed]) {
      expect((await auditOf(id)).filter((e) => e.action === 'TASK_CLAIMED')).toEqual([]);
      expect(await db.approvalTask.findUniqueOrThrow({ where: { id } })).toMatchObject({ claimedById: null });
    }
  });

  it('lapses after SIGNOFF_CLAIM_MINUTES: then others decide or claim it, and the holder cannot release it', async () => {
    process.env.SIGNOFF_CLAIM_MINUTES = '5';
    const taskId = await financeTask();
    const claim = await claimTask({ taskId, actor: user('carol') });
    expect(new Date(claim.expiresAt).getTime() - new Date(claim.claimedAt).getTime()).toBe(5 * 60_000);
    advanceClock(5 * 60 + 1);
    await expect(releaseTask({ taskId, actor: user('carol') })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await claimTask({ taskId, actor: user('alice') })).toMatchObject({ holder: 'alice@example.com' });
  });

  it('reads SIGNOFF_CLAIM_MINUTES as whole minutes up to a week, else 30', () => {
    expect(claimMinutes({})).toBe(DEFAULT_CLAIM_MINUTES);
    expect(claimMinutes({ SIGNOFF_CLAIM_MINUTES: '45' })).toBe(45);
    for (const bad of ['0', '-5', '1.5', 'ten', '99999', ''])
      expect(claimMinutes({ SIGNOFF_CLAIM_MINUTES: bad })).toBe(DEFAULT_CLAIM_MINUTES);
  });

  it('gives exactly one holder when two people claim at once', async () => {
    for (let round = 0; round < 5; round++) {
      const taskId = await financeTask(`Race ${round}`);
      const results = await Promise.allSettled([
        claimTask({ taskId, actor: user('alice') }),
        claimTask({ taskId, actor: user('carol') }),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0].reason).toMatchObject({ code: 'CLAIMED' });
      const holder = (won[0] as PromiseFulfilledResult<{ holder: string }>).value.holder;
      const task = await db.approvalTask.findUniqueOrThrow({
        where: { id: taskId },
        include: { claimedBy: true },
      });
      expect(task.claimedBy?.email).toBe(holder);
      expect((await auditOf(taskId)).map((e) => e.action)).toEqual(['TASK_CLAIMED']);
    }
  });
});

describe('releaseTask and breakClaim', () => {
  it('the holder releases; anyone else is told they hold no claim', async () => {
    const taskId = await financeTask();
    await claimTask({ taskId, actor: user('carol') });
    await expect(releaseTask({ taskId, actor: user('alice') })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(releaseTask({ taskId, actor: user('bob') })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await releaseTask({ taskId, actor: user('carol') });
    expect(await decideTask({ taskId, actor: user('alice'), decision: 'approve' })).toMatchObject({
      taskStatus: 'APPROVED',
    });
    expect((await auditOf(taskId)).map((e) => e.action)).toEqual([
      'TASK_CLAIMED',
      'TASK_RELEASED',
      'TASK_DECIDED',
    ]);
  });

  it("an admin, or a manager of a group the task was asked of, breaks someone's claim", async () => {
    const taskId = await financeTask();
    await claimTask({ taskId, actor: user('carol') });
    // the manager manages operations; carol is in operations, so carol's task is their team's
    await expect(breakClaim({ taskId, actor: user('alice') })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(breakClaim({ taskId, actor: user('bob') })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await getInboxTaskOrThrow({ taskId, viewer: { id: ids.manager, role: 'manager' } })).toMatchObject(
      { may: { breakClaim: true, reassign: true } },
    );
    await breakClaim({ taskId, actor: user('manager'), reason: 'Carol is away' });
    await expect(breakClaim({ taskId, actor: user('admin') })).rejects.toMatchObject({ code: 'CONFLICT' });
    await claimTask({ taskId, actor: user('alice') });
    await breakClaim({ taskId, actor: user('admin') });
    const entries = await auditOf(taskId);
    expect(entries.map((e) => e.action)).toEqual([
      'TASK_CLAIMED',
      'TASK_CLAIM_BROKEN',
      'TASK_CLAIMED',
      'TASK_CLAIM_BROKEN',
    ]);
    expect(JSON.parse(entries[1].data)).toEqual({ taskId, holderId: ids.carol, holder: 'carol@example.com' });
    expect(entries[1].actorLabel).toBe('manager@example.com');
  });
});
