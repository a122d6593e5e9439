import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db/client';
import { claimTask } from './claim-task';
import { decideTask } from './decide-task';
import { exportTeamDecisionsCsv, getTeamStats } from './team-stats';
import { advanceClock, approvalDefinition, resetClock, seedPeople, startWorkflow, taskOf } from './test-kit';

let ids: Record<string, string>;
const user = (name: string) => ({ type: 'user' as const, id: ids[name], label: `${name}@example.com` });
const manager = () => ({ id: ids.manager, role: 'manager' });
const t: Record<string, string> = {};

async function start(key: string, title: string, approvers: string[], timeout?: number) {
  const executionId = await startWorkflow(
    approvalDefinition({ Title: title, Approvers: approvers }, timeout ? { TimeoutSeconds: timeout } : {}),
  );
  t[key] = (await taskOf(executionId)).id;
}

const workflowOf = async (key: string) =>
  (
    await db.approvalTask.findUniqueOrThrow({
      where: { id: t[key] },
      select: { execution: { select: { workflow: { select: { name: true } } } } },
    })
  ).execution.workflow.name;

beforeAll(async () => {
  ids = await seedPeople();
  ids.admin = (await db.user.create({ data: { email: 'admin@example.com', role: 'admin' } })).id;
  await db.user.update({ where: { id: ids.manager }, data: { role: 'manager' } });
  const finance = await db.group.findUniqueOrThrow({ where: { name: 'finance' } });
  await db.membership.create({ data: { userId: ids.manager, groupId: finance.id, role: 'manager' } });
  await start('late', 'Late', ['group:finance'], 60);
  await start('claimed', 'Claimed', ['alice@example.com']);
  await start('ops', 'Operations', ['bob@example.com']);
  await start('quick', 'Quick', ['alice@example.com']);
  await start('odd', 'Laptop, "big" one', ['carol@example.com']);
  await claimTask({ taskId: t.claimed, actor: user('alice') });
  advanceClock(600);
  await decideTask({ taskId: t.quick, actor: user('alice'), decision: 'approve', comment: 'ok' });
  await decideTask({
    taskId: t.odd,
    actor: user('carol'),
    decision: 'reject',
    comment: '=SUM(A1)\nsee "notes"',
  });
});

afterAll(() => resetClock());

describe('getTeamStats', () => {
  it("counts a manager's open tasks per member and per group, overdue ones, and time to decision per workflow", async () => {
    const stats = await getTeamStats({ viewer: manager() });
    expect(stats).toMatchObject({ scope: 'groups', groups: ['finance'] });
    expect(stats.perPerson).toEqual([
      { email: 'alice@example.com', open: 2, overdue: 1, claimed: 1 },
      { email: 'carol@example.com', open: 1, overdue: 1, claimed: 0 },
      { email: 'manager@example.com', open: 1, overdue: 1, claimed: 0 },
    ]);
    expect(stats.perGroup).toEqual([{ group: 'finance', open: 2, overdue: 1 }]);
    const times = new Map(stats.decisionTimes.map((d) => [d.workflowName, d]));
    expect(times.size).toBe(2);
    const quick = times.get(await workflowOf('quick'));
    expect(quick?.decided).toBe(1);
    expect(quick?.medianMs).toBeGreaterThanOrEqual(600_000);
    expect(quick?.medianMs).toBeLessThan(630_000);
    expect(quick?.p90Ms).toBe(quick?.medianMs);
    expect(times.has(await workflowOf('ops'))).toBe(false);
  });

  it('shows an admin everyone, and refuses approvers', async () => {
    const stats = await getTeamStats({ viewer: { id: ids.admin, role: 'admin' } });
    expect(stats.scope).toBe('all');
    expect(stats.perPerson.map((p) => p.email)).toContain('bob@example.com');
    // operations is bob and carol: bob's task and the late finance one carol is also asked
    expect(stats.perGroup.find((g) => g.group === 'operations')).toEqual({
      group: 'operations',
      open: 2,
      overdue: 1,
    });
    await expect(getTeamStats({ viewer: { id: ids.alice, role: 'approver' } })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(getTeamStats({ viewer: manager(), days: 0 })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});

describe('exportTeamDecisionsCsv', () => {
  it('writes one line per decision, quoted by RFC 4180, with formulas defused', async () => {
    const csv = await exportTeamDecisionsCsv({ viewer: manager() });
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'taskId,title,workflow,requester,requestedAt,outcome,settledAt,decidedBy,onBehalfOf,decision,decidedAt,comment,via',
    );
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv).toContain(`${t.quick},Quick,`);
    expect(csv).toContain(`${t.odd},"Laptop, ""big"" one",`);
    expect(csv).toContain(`,carol@example.com,,rejected,`);
    expect(csv).toContain(`"'=SUM(A1)\nsee ""notes""",inbox\r\n`);
    expect(csv).not.toContain(t.ops);
  });

  it('takes a window, and refuses an empty one', async () => {
    const future = new Date(Date.now() + 365 * 86_400_000);
    const csv = await exportTeamDecisionsCsv({
      viewer: manager(),
      from: future,
      to: new Date(future.getTime() + 1000),
    });
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(1);
    await expect(
      exportTeamDecisionsCsv({ viewer: manager(), from: new Date(), to: new Date(Date.now() - 1000) }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
