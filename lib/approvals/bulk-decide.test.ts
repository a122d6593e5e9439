import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db/client';
import { bulkDecide } from './bulk-decide';
import { claimTask } from './claim-task';
import { decideTask } from './decide-task';
import { inboxQuerySchema } from './inbox-query';
import { listInboxTasks } from './list-inbox-tasks';
import { approvalDefinition, seedPeople, startWorkflow, taskOf } from './test-kit';

let ids: Record<string, string>;
const user = (name: string) => ({ type: 'user' as const, id: ids[name], label: `${name}@example.com` });

async function start(title: string, parameters: object = {}, requester?: string): Promise<string> {
  const executionId = await startWorkflow(
    approvalDefinition({ Title: title, Approvers: ['group:finance'], ...parameters }),
    requester ? { requesterId: ids[requester] } : {},
  );
  return (await taskOf(executionId)).id;
}

beforeAll(async () => {
  ids = await seedPeople();
  await db.user.update({ where: { id: ids.manager }, data: { role: 'manager' } });
  const finance = await db.group.findUniqueOrThrow({ where: { name: 'finance' } });
  await db.membership.create({ data: { userId: ids.manager, groupId: finance.id, role: 'manager' } });
});

describe('bulkDecide', () => {
  it('decides each task on its own and says which were not decided and why', async () => {
    const mine = await Promise.all(Array.from({ length: 9 }, (_, i) => start(`Order ${i + 1}`)));
    // the manager's own request: asked of finance, but never of the person who started it
    const own = await start('My own order', {}, 'manager');
    const result = await bulkDecide({
      taskIds: [...mine, own],
      decision: 'approve',
      comment: 'Within budget',
      actor: user('manager'),
    });
    expect(result.summary).toBe('9 approved, 1 not decided');
    expect(result).toMatchObject({ decided: 9, notDecided: 1 });
    expect(result.results.at(-1)).toEqual({
      taskId: own,
      title: 'My own order',
      ok: false,
      reason: 'You started this request, so you may not approve it yourself.',
    });
    expect(result.results.slice(0, 9).every((r) => r.ok && r.status === 'APPROVED')).toBe(true);
    const decisions = await db.decision.findMany({ where: { taskId: { in: mine } } });
    expect(decisions).toHaveLength(9);
    expect(decisions.every((d) => d.comment === 'Within budget' && d.via === 'inbox')).toBe(true);
  });

  it('keeps a task whose form requires more than the comment out, on the list row and in the result', async () => {
    const form = await start('Needs a discount', {
      Form: [{ Name: 'discount', Type: 'number', Label: 'Discount %', RequiredOn: ['approve'] }],
    });
    const plain = await start('Plain');
    const { rows } = await listInboxTasks({
      viewer: { id: ids.alice, role: 'approver' },
      query: inboxQuerySchema.parse({ q: 'discount' }),
    });
    const reason = 'Its form asks for more than a comment (Discount %): decide it on its own page.';
    expect(rows.find((r) => r.id === form)?.bulk).toEqual({ decidable: false, reason });
    const result = await bulkDecide({ taskIds: [form, plain], decision: 'approve', actor: user('alice') });
    expect(result.results).toEqual([
      { taskId: form, title: 'Needs a discount', ok: false, reason },
      { taskId: plain, title: 'Plain', ok: true, status: 'APPROVED' },
    ]);
    expect(await db.decision.count({ where: { taskId: form } })).toBe(0);
  });

  it('gives each refusal in words: no comment on a rejection, a claim, a task outside the inbox', async () => {
    const a = await start('Reject me');
    const b = await start('Claimed by carol');
    const c = await start('Not finance', { Approvers: ['bob@example.com'] });
    await claimTask({ taskId: b, actor: user('carol') });
    const result = await bulkDecide({ taskIds: [a, b, c, a], decision: 'reject', actor: user('alice') });
    expect(result.results).toEqual([
      { taskId: a, title: 'Reject me', ok: false, reason: 'Say why you reject the request.' },
      {
        taskId: b,
        title: 'Claimed by carol',
        ok: false,
        reason: expect.stringMatching(/^Claimed by carol@example\.com until /),
      },
      { taskId: c, title: null, ok: false, reason: 'There is no such request in your inbox.' },
    ]);
    expect(result.summary).toBe('0 rejected, 3 not decided');
  });

  it('refuses malformed input as a whole', async () => {
    await expect(
      bulkDecide({ taskIds: [], decision: 'approve', actor: user('alice') }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'taskIds: Select at least one request.',
    });
    await expect(
      bulkDecide({ taskIds: ['x'], decision: 'maybe' as 'approve', actor: user('alice') }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', message: 'decision: Choose Approve or Reject.' });
    await expect(
      bulkDecide({ taskIds: ['x'], decision: 'approve', actor: { type: 'link', id: 'l' } }),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('racing single decisions on the same tasks, records exactly one decision per person per task', async () => {
    const tasks = await Promise.all(
      Array.from({ length: 6 }, (_, i) => start(`Race ${i}`, { Policy: { Mode: 'all' } })),
    );
    const singles = tasks.flatMap((taskId) => [
      decideTask({ taskId, actor: user('alice'), decision: 'approve' }),
      decideTask({ taskId, actor: user('carol'), decision: 'approve' }),
    ]);
    const [bulkAlice, bulkCarol, ...rest] = await Promise.allSettled([
      bulkDecide({ taskIds: tasks, decision: 'approve', actor: user('alice') }),
      bulkDecide({ taskIds: [...tasks].reverse(), decision: 'approve', actor: user('carol') }),
      ...singles,
    ]);
    expect(bulkAlice.status).toBe('fulfilled');
    expect(bulkCarol.status).toBe('fulfilled');
    for (const settled of rest)
      if (settled.status === 'rejected') expect(settled.reason).toMatchObject({ code: 'ALREADY_DECIDED' });
    for (const taskId of tasks) {
      const decisions = await db.decision.findMany({ where: { taskId }, select: { byEmail: true } });
      expect(decisions.map((d) => d.byEmail).sort()).toEqual(['alice@example.com', 'carol@example.com']);
    }
    // per person and task, exactly one of their two attempts (bulk or single) succeeded
    const bulkResults = [bulkAlice, bulkCarol].flatMap((s) =>
      s.status === 'fulfilled' ? s.value.results : [],
    );
    const singleWins = rest.filter((s) => s.status === 'fulfilled').length;
    expect(bulkResults.filter((r) => r.ok).length + singleWins).toBe(tasks.length * 2);
  });
});
