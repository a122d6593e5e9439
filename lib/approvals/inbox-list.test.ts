import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db/client';
import { claimTask, releaseTask } from './claim-task';
import { createDelegation } from './create-delegation';
import { decideTask } from './decide-task';
import { inboxQuerySchema } from './inbox-query';
import { inboxVersion } from './inbox-version';
import { countInboxTabs, listInboxTasks, type InboxTaskRow } from './list-inbox-tasks';
import {
  advanceClock,
  approvalDefinition,
  driveEngine,
  resetClock,
  seedPeople,
  startWorkflow,
  taskOf,
} from './test-kit';

let ids: Record<string, string>;
const t: Record<string, string> = {};
const viewer = (name: string, role = 'approver') => ({ id: ids[name], role });
const user = (name: string) => ({ type: 'user' as const, id: ids[name], label: `${name}@example.com` });

async function start(
  key: string,
  parameters: object,
  options: { requester?: string; timeout?: number } = {},
) {
  const executionId = await startWorkflow(
    approvalDefinition(parameters, options.timeout ? { TimeoutSeconds: options.timeout } : {}),
    options.requester ? { requesterId: ids[options.requester] } : {},
  );
  t[key] = (await taskOf(executionId)).id;
}

/** The test's names of the rows, in the order listed. */
const named = (rows: InboxTaskRow[]) =>
  rows.map((row) => Object.keys(t).find((key) => t[key] === row.id) ?? row.title);

async function list(name: string, params: Record<string, string> = {}, role?: string) {
  const { rows } = await listInboxTasks({
    viewer: viewer(name, role),
    query: inboxQuerySchema.parse(params),
  });
  return named(rows);
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
    endsAt: new Date(Date.now() + 86_400_000),
    actor: { type: 'system', label: 'test' },
  });
  await start(
    'laptop',
    {
      Title: 'Laptop for the new hire',
      Approvers: ['alice@example.com'],
      Details: { vendor: 'Zephyrcorp', items: [{ name: 'ThinkPad', qty: 2 }], total: 2400 },
    },
    { requester: 'requester' },
  );
  await start(
    'budget',
    { Title: 'Budget', Approvers: ['group:finance'], Details: { note: 'quarterly budget' } },
    { timeout: 3600 },
  );
  await start('delegated', { Title: 'For Dana', Approvers: ['dana@example.com'] });
  await start('bobs', { Title: 'Only Bob', Approvers: ['bob@example.com'] });
  await start('escalated', {
    Title: 'Waits long',
    Approvers: ['bob@example.com'],
    Escalation: { AfterSeconds: 60, To: ['alice@example.com'] },
  });
  advanceClock(61);
  await driveEngine();
});

afterAll(() => resetClock());

describe('the tabs', () => {
  it('To do holds what the viewer still has to decide, newest first', async () => {
    expect(await list('alice')).toEqual(['escalated', 'delegated', 'budget', 'laptop']);
    expect(await list('carol')).toEqual(['budget']);
    expect(await list('bob')).toEqual(['escalated', 'bobs']);
    expect(await list('dana')).toEqual([]);
  });

  it('a row says how the viewer was asked, who else was, and whether it can go in a bulk decision', async () => {
    const { rows } = await listInboxTasks({ viewer: viewer('alice'), query: inboxQuerySchema.parse({}) });
    const row = (key: string) => rows.find((r) => r.id === t[key]) as InboxTaskRow;
    expect(row('delegated')).toMatchObject({ mine: 'pending', onBehalfOf: 'dana@example.com' });
    // finance's members: alice, carol, and the manager (who manages it)
    expect(row('budget')).toMatchObject({
      askedCount: 3,
      asked: [
        { email: 'alice@example.com', decided: false },
        { email: 'carol@example.com', decided: false },
        { email: 'manager@example.com', decided: false },
      ],
      dueAt: expect.any(String),
      overdue: false,
      claimedBy: null,
      bulk: { decidable: true, reason: null },
    });
    expect(row('escalated')).toMatchObject({ escalated: true, escalatedTo: ['alice@example.com'] });
    expect(row('laptop')).toMatchObject({ requester: 'requester@example.com', requestedByYou: false });
  });

  it('Team shows a manager the tasks asked of their groups, an admin all of them, and an approver nothing', async () => {
    expect(await list('manager', { tab: 'team' }, 'manager')).toEqual([
      'escalated',
      'delegated',
      'budget',
      'laptop',
    ]);
    expect(await list('admin', { tab: 'team' }, 'admin')).toEqual([
      'escalated',
      'bobs',
      'delegated',
      'budget',
      'laptop',
    ]);
    await expect(list('alice', { tab: 'team' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const { rows } = await listInboxTasks({
      viewer: viewer('manager', 'manager'),
      query: inboxQuerySchema.parse({ tab: 'team' }),
    });
    expect(named(rows.filter((row) => row.mine === 'pending'))).toEqual(['budget']);
    expect(rows[0].bulk).toEqual({ decidable: false, reason: 'You are not asked to decide it.' });
  });
});

describe('filters', () => {
  it('by how the viewer was asked: directly, through a group, delegated', async () => {
    expect(await list('alice', { scope: 'me' })).toEqual(['escalated', 'laptop']);
    expect(await list('alice', { scope: 'group' })).toEqual(['budget']);
    expect(await list('alice', { scope: 'delegated' })).toEqual(['delegated']);
  });

  it('by workflow, requester, due time and escalation', async () => {
    const laptop = await db.approvalTask.findUniqueOrThrow({
      where: { id: t.laptop },
      select: { execution: { select: { workflow: { select: { name: true } } } } },
    });
    expect(await list('alice', { workflow: laptop.execution.workflow.name })).toEqual(['laptop']);
    expect(await list('alice', { workflow: 'no-such-workflow' })).toEqual([]);
    expect(await list('alice', { requester: 'REQUESTER@example.com' })).toEqual(['laptop']);
    const soon = new Date(Date.now() + 2 * 3_600_000).toISOString();
    expect(await list('alice', { dueBefore: soon })).toEqual(['budget']);
    expect(await list('alice', { escalated: '1' })).toEqual(['escalated']);
  });

  it('searches title, details (nested values too) and requester', async () => {
    expect(await list('alice', { q: 'zephyrcorp' })).toEqual(['laptop']);
    expect(await list('alice', { q: 'THINKPAD' })).toEqual(['laptop']);
    expect(await list('alice', { q: 'quarterly budg' })).toEqual(['budget']);
    expect(await list('alice', { q: 'requester@example.com' })).toEqual(['laptop']);
    expect(await list('alice', { q: 'laptop zephyrcorp' })).toEqual(['laptop']);
    expect(await list('alice', { q: 'laptop budget' })).toEqual([]);
    expect(await list('bob', { q: 'zephyrcorp' })).toEqual([]);
  });

  it('never fails on text that is FTS5 syntax', async () => {
    for (const q of [
      '"',
      'AND(',
      '*',
      'NEAR(a b',
      'title:x',
      '-',
      '^',
      '(',
      "'",
      '"unbalanced',
      'a OR',
      '{title}:x',
    ])
      await expect(list('alice', { q })).resolves.toBeInstanceOf(Array);
    expect(await list('alice', { q: '"' })).toHaveLength(4);
  });
});

describe('order and pages', () => {
  it('sorts oldest first and by due time (undated last)', async () => {
    expect(await list('alice', { sort: 'oldest' })).toEqual(['laptop', 'budget', 'delegated', 'escalated']);
    expect((await list('alice', { sort: 'due' }))[0]).toBe('budget');
  });

  it('pages by cursor with no row twice and none missed, even when a task arrives between pages', async () => {
    for (const sort of ['newest', 'oldest', 'due']) {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const query = inboxQuerySchema.parse({
          tab: 'team',
          sort,
          limit: '2',
          ...(cursor ? { cursor } : {}),
        });
        const page = await listInboxTasks({ viewer: viewer('admin', 'admin'), query });
        seen.push(...named(page.rows));
        cursor = page.nextCursor ?? undefined;
        if (pages++ === 0 && sort === 'newest')
          await start(`late-${sort}`, { Title: 'Arrived later', Approvers: ['bob@example.com'] });
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      // A task that arrives ahead of the cursor shows on the next first page, not in the middle.
      const all = await list('admin', { tab: 'team', sort, limit: '100' }, 'admin');
      expect(seen).toEqual(all.filter((key) => key !== 'late-newest' || sort !== 'newest'));
    }
  });

  it('starts over on a cursor of another view or a garbled one', async () => {
    const first = await listInboxTasks({
      viewer: viewer('admin', 'admin'),
      query: inboxQuerySchema.parse({ tab: 'team', limit: '1' }),
    });
    const other = inboxQuerySchema.parse({
      tab: 'team',
      sort: 'oldest',
      limit: '1',
      cursor: first.nextCursor,
    });
    expect(named((await listInboxTasks({ viewer: viewer('admin', 'admin'), query: other })).rows)).toEqual([
      'laptop',
    ]);
    const garbled = inboxQuerySchema.parse({ tab: 'team', limit: '1', cursor: 'bm90LWpzb24' });
    expect((await listInboxTasks({ viewer: viewer('admin', 'admin'), query: garbled })).rows).toHaveLength(1);
  });
});

describe('claims, decisions and counts', () => {
  it("a claim moves the task from the others' To do; the holder keeps it and finds it under Claimed", async () => {
    await claimTask({ taskId: t.budget, actor: user('carol') });
    expect(await list('alice')).not.toContain('budget');
    expect(await list('carol')).toEqual(['budget']);
    expect(await list('carol', { tab: 'claimed' })).toEqual(['budget']);
    const { rows } = await listInboxTasks({
      viewer: viewer('manager', 'manager'),
      query: inboxQuerySchema.parse({ tab: 'team' }),
    });
    expect(rows.find((r) => r.id === t.budget)).toMatchObject({
      claimedBy: 'carol@example.com',
      claimedByYou: false,
      claimExpiresAt: expect.any(String),
    });
  });

  it('Decided holds what the viewer decided, with their decision and comment', async () => {
    await decideTask({ taskId: t.laptop, actor: user('alice'), decision: 'approve', comment: 'Fine by me' });
    const { rows } = await listInboxTasks({
      viewer: viewer('alice'),
      query: inboxQuerySchema.parse({ tab: 'decided' }),
    });
    expect(named(rows)).toEqual(['laptop']);
    expect(rows[0]).toMatchObject({
      status: 'APPROVED',
      mine: 'decided',
      myDecision: { decision: 'approved', comment: 'Fine by me', at: expect.any(String) },
    });
    expect(await list('alice')).not.toContain('laptop');
  });

  it('a task someone else settled leaves To do; the person it no longer waits for shows as withdrawn', async () => {
    await start('shared', { Title: 'Shared', Approvers: ['alice@example.com', 'bob@example.com'] });
    await decideTask({ taskId: t.shared, actor: user('bob'), decision: 'approve' });
    expect(await list('alice')).not.toContain('shared');
    expect(await list('alice', { tab: 'decided' })).toEqual(['laptop']);
    expect(await list('bob', { tab: 'decided' })).toEqual(['shared']);
    const { rows } = await listInboxTasks({
      viewer: viewer('manager', 'manager'),
      query: inboxQuerySchema.parse({ tab: 'team', status: 'closed' }),
    });
    expect(rows.find((row) => row.id === t.shared)).toMatchObject({
      status: 'APPROVED',
      asked: [
        { email: 'alice@example.com', decided: false },
        { email: 'bob@example.com', decided: true },
      ],
    });
    const alices = await listInboxTasks({
      viewer: viewer('alice'),
      query: inboxQuerySchema.parse({ q: 'shared', tab: 'decided' }),
    });
    expect(alices.rows).toEqual([]);
  });

  it('counts each tab with the filters applied', async () => {
    expect(await countInboxTabs({ viewer: viewer('alice') })).toEqual({
      todo: 2,
      claimed: 0,
      decided: 1,
      team: null,
    });
    expect(await countInboxTabs({ viewer: viewer('carol') })).toMatchObject({ todo: 1, claimed: 1 });
    expect(
      await countInboxTabs({
        viewer: viewer('manager', 'manager'),
        query: inboxQuerySchema.parse({ q: 'budget' }),
      }),
    ).toEqual({ todo: 0, claimed: 0, decided: 0, team: 1 });
  });

  it('flags a pending task past its due time as overdue, and filters on it', async () => {
    advanceClock(3600);
    try {
      expect(await list('carol', { overdue: '1' })).toEqual(['budget']);
      const { rows } = await listInboxTasks({ viewer: viewer('carol'), query: inboxQuerySchema.parse({}) });
      expect(rows[0]).toMatchObject({
        overdue: true,
        bulk: { decidable: false, reason: 'It is past its deadline.' },
      });
    } finally {
      advanceClock(-3600);
    }
  });
});

describe('inboxVersion', () => {
  it('changes when a task the viewer can act on arrives, is claimed, released or decided — and only then', async () => {
    const before = await inboxVersion({ viewer: viewer('bob') });
    expect(await inboxVersion({ viewer: viewer('bob') })).toBe(before);
    await start('version', {
      Title: 'Version',
      Approvers: ['bob@example.com', 'carol@example.com'],
      Policy: { Mode: 'all' },
    });
    const arrived = await inboxVersion({ viewer: viewer('bob') });
    expect(arrived).not.toBe(before);
    const alices = await inboxVersion({ viewer: viewer('alice') });
    await claimTask({ taskId: t.version, actor: user('carol') });
    const held = await inboxVersion({ viewer: viewer('bob') });
    expect(held).not.toBe(arrived);
    expect(await inboxVersion({ viewer: viewer('alice') })).toBe(alices);
    await releaseTask({ taskId: t.version, actor: user('carol') });
    const released = await inboxVersion({ viewer: viewer('bob') });
    expect(released).not.toBe(held);
    await claimTask({ taskId: t.version, actor: user('carol') });
    const claimed = await inboxVersion({ viewer: viewer('bob') });
    expect(claimed).not.toBe(released);
    await decideTask({ taskId: t.version, actor: user('carol'), decision: 'approve' });
    const decided = await inboxVersion({ viewer: viewer('bob') });
    expect(decided).not.toBe(claimed);
    const admins = await inboxVersion({ viewer: viewer('admin', 'admin') });
    await decideTask({ taskId: t.version, actor: user('bob'), decision: 'approve' });
    expect(await inboxVersion({ viewer: viewer('bob') })).not.toBe(decided);
    expect(await inboxVersion({ viewer: viewer('admin', 'admin') })).not.toBe(admins);
  });
});
