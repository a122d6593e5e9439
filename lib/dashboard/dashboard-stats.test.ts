import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor';
import { db } from '../db/client';
import { createTestWorkflow, testActor } from '../executions/test-support';
import { getDashboardStats } from './dashboard-stats';

// Rows are written straight through `db` at chosen times: the figures are about when things happened.
const now = new Date('2026-03-15T12:30:00.000Z');
const MIN = 60_000;
const HOUR = 60 * MIN;
let seq = 0;

interface Wf {
  id: string;
  versionId: string;
}
const wf: Record<'alpha' | 'beta' | 'gamma', Wf> = {} as never;

async function workflow(name: string): Promise<Wf> {
  const { id } = await createTestWorkflow(name);
  const version = await db.workflowVersion.findFirstOrThrow({
    where: { workflowId: id },
    select: { id: true },
  });
  return { id, versionId: version.id };
}

async function execution(
  w: Wf,
  status: string,
  startedAt: string,
  error: string | null = null,
  mapRunId: string | null = null,
) {
  const row = await db.execution.create({
    data: {
      mapRunId,
      name: `run-${++seq}`,
      workflowId: w.id,
      workflowVersionId: w.versionId,
      status,
      input: '{}',
      error,
      startedAt: new Date(startedAt),
      runnable: false,
    },
  });
  return row.id;
}

/** An approval task on a (finished, long ago) execution of `w`, settled `minutes` after creation when decided. */
async function task(
  w: Wf,
  options: { status?: string; createdAt?: Date; minutes?: number; dueAt?: Date | null } = {},
) {
  const { status = 'PENDING', createdAt = new Date('2026-03-01T00:00:00Z'), minutes, dueAt = null } = options;
  const executionId = await execution(w, 'SUCCEEDED', '2025-06-01T00:00:00Z');
  const token = await db.taskToken.create({
    data: {
      tokenHash: `hash-${++seq}`,
      executionId,
      frameId: 'root',
      stateName: 'Approve',
      resource: 'approval',
    },
  });
  const decidedAt = minutes === undefined ? null : new Date(createdAt.getTime() + minutes * MIN);
  const created = await db.approvalTask.create({
    data: {
      executionId,
      taskTokenId: token.id,
      stateName: 'Approve',
      title: 'Approve',
      status,
      createdAt,
      decidedAt,
      dueAt,
    },
  });
  if (decidedAt && (status === 'APPROVED' || status === 'REJECTED'))
    await db.decision.create({
      data: {
        taskId: created.id,
        byEmail: 'alice@example.com',
        decision: status.toLowerCase(),
        via: 'inbox',
        at: decidedAt,
      },
    });
}

beforeAll(async () => {
  wf.alpha = await workflow('alpha');
  wf.beta = await workflow('beta');
  wf.gamma = await workflow('gamma');
  const { alpha, beta } = wf;
  // In the 14 days [2026-03-02, 2026-03-16): the first bucket's very first instant counts…
  await execution(alpha, 'SUCCEEDED', '2026-03-02T00:00:00.000Z');
  await execution(alpha, 'SUCCEEDED', '2026-03-02T10:00:00.000Z');
  await execution(beta, 'SUCCEEDED', '2026-03-02T23:59:59.999Z');
  await execution(alpha, 'ABORTED', '2026-03-05T08:00:00.000Z');
  await execution(alpha, 'PENDING_REDRIVE', '2026-03-06T08:00:00.000Z');
  await execution(alpha, 'FAILED', '2026-03-10T08:00:00.000Z', 'States.TaskFailed');
  await execution(alpha, 'RUNNING', '2026-03-14T08:00:00.000Z');
  await execution(alpha, 'FAILED', '2026-03-15T01:00:00.000Z', 'Boom');
  await execution(beta, 'FAILED', '2026-03-15T12:00:00.000Z', 'Boom');
  await execution(beta, 'FAILED', '2026-03-15T12:10:00.000Z', 'Boom');
  await execution(beta, 'TIMED_OUT', '2026-03-15T12:20:00.000Z', 'States.Timeout');
  await execution(beta, 'FAILED', '2026-03-15T12:25:00.000Z', null);
  // …the instant before it does not, nor does a failure outside the range; a run started long ago still runs now.
  await execution(alpha, 'SUCCEEDED', '2026-03-01T23:59:59.999Z');
  await execution(alpha, 'FAILED', '2026-03-01T12:00:00.000Z', 'Boom');
  await execution(beta, 'RUNNING', '2026-02-01T00:00:00.000Z');
  // A Distributed Map's child executions belong to its map run (ListExecutions leaves them out
  // too): none of them counts, running, failed or done.
  const parent = await execution(beta, 'SUCCEEDED', '2025-12-01T00:00:00.000Z');
  const mapRun = await db.mapRun.create({
    data: { executionId: parent, frameId: 'root', stateName: 'Fan out', total: 3 },
  });
  await execution(beta, 'RUNNING', '2026-03-15T12:00:00.000Z', null, mapRun.id);
  await execution(beta, 'FAILED', '2026-03-15T12:00:00.000Z', 'Boom', mapRun.id);
  await execution(beta, 'SUCCEEDED', '2026-03-10T00:00:00.000Z', null, mapRun.id);

  // Waiting now: alpha 3 (one overdue), beta 1 (due exactly now: overdue, as in the inbox).
  await task(alpha, { dueAt: new Date(now.getTime() - HOUR) });
  await task(alpha, { dueAt: new Date(now.getTime() + HOUR) });
  await task(alpha);
  await task(beta, { dueAt: now });
  // Decided in the range: alpha 10/20/30/40 min, beta 1…10 h, gamma one of 5 min.
  for (const [i, minutes] of [10, 20, 30, 40].entries())
    await task(alpha, {
      status: i % 2 ? 'REJECTED' : 'APPROVED',
      createdAt: new Date('2026-03-10T00:00:00Z'),
      minutes,
    });
  for (let hours = 10; hours >= 1; hours--)
    await task(beta, {
      status: 'APPROVED',
      createdAt: new Date('2026-03-03T00:00:00Z'),
      minutes: hours * 60,
    });
  await task(wf.gamma, { status: 'APPROVED', createdAt: new Date('2026-03-15T11:00:00Z'), minutes: 5 });
  // Not counted: expired or cancelled (no decision), and decided before the range.
  await task(alpha, {
    status: 'EXPIRED',
    createdAt: new Date('2026-03-10T00:00:00Z'),
    minutes: 600,
    dueAt: new Date('2026-03-10T10:00:00Z'),
  });
  await task(alpha, { status: 'CANCELLED', createdAt: new Date('2026-03-10T00:00:00Z'), minutes: 1 });
  await task(alpha, { status: 'APPROVED', createdAt: new Date('2026-02-01T00:00:00Z'), minutes: 1000 });
});

const zero = { RUNNING: 0, SUCCEEDED: 0, FAILED: 0, TIMED_OUT: 0, ABORTED: 0, PENDING_REDRIVE: 0 };

describe('getDashboardStats', () => {
  it('counts executions per UTC day by status over the last 14 days, zero-filling the quiet days', async () => {
    const { range, executions } = await getDashboardStats({ actor: testActor, now });
    expect(range).toEqual({
      days: 14,
      granularity: 'day',
      from: '2026-03-02T00:00:00.000Z',
      to: '2026-03-16T00:00:00.000Z',
      now: now.toISOString(),
    });
    expect(executions.buckets).toHaveLength(14);
    expect(executions.buckets.map((b) => b.from.slice(0, 10))).toEqual(
      Array.from({ length: 14 }, (_, i) => `2026-03-${String(i + 2).padStart(2, '0')}`),
    );
    const day = (d: string) => executions.buckets.find((b) => b.from === `${d}T00:00:00.000Z`)!;
    expect(day('2026-03-02')).toEqual({
      from: '2026-03-02T00:00:00.000Z',
      to: '2026-03-03T00:00:00.000Z',
      counts: { ...zero, SUCCEEDED: 3 },
      total: 3,
    });
    expect(day('2026-03-05').counts).toEqual({ ...zero, ABORTED: 1 });
    expect(day('2026-03-06').counts).toEqual({ ...zero, PENDING_REDRIVE: 1 });
    expect(day('2026-03-10').counts).toEqual({ ...zero, FAILED: 1 });
    expect(day('2026-03-14').counts).toEqual({ ...zero, RUNNING: 1 });
    expect(day('2026-03-15')).toMatchObject({ counts: { ...zero, FAILED: 4, TIMED_OUT: 1 }, total: 5 });
    for (const quiet of ['2026-03-03', '2026-03-04', '2026-03-07', '2026-03-08', '2026-03-09', '2026-03-11'])
      expect(day(quiet)).toMatchObject({ counts: zero, total: 0 });
    expect(executions.totals).toEqual({
      RUNNING: 1,
      SUCCEEDED: 3,
      FAILED: 5,
      TIMED_OUT: 1,
      ABORTED: 1,
      PENDING_REDRIVE: 1,
    });
    expect(executions.total).toBe(12);
    expect(executions.runningNow).toBe(2);
  });

  it('counts per hour over the last 24 hours for days: 1', async () => {
    const { range, executions } = await getDashboardStats({ actor: testActor, now, days: 1 });
    expect(range).toMatchObject({
      granularity: 'hour',
      from: '2026-03-14T13:00:00.000Z',
      to: '2026-03-15T13:00:00.000Z',
    });
    expect(executions.buckets).toHaveLength(24);
    expect(executions.buckets.filter((b) => b.total > 0).map((b) => [b.from, b.counts])).toEqual([
      ['2026-03-15T01:00:00.000Z', { ...zero, FAILED: 1 }],
      ['2026-03-15T12:00:00.000Z', { ...zero, FAILED: 3, TIMED_OUT: 1 }],
    ]);
    expect(executions.buckets[1]).toEqual({
      from: '2026-03-14T14:00:00.000Z',
      to: '2026-03-14T15:00:00.000Z',
      counts: zero,
      total: 0,
    });
    expect(executions.total).toBe(5);
  });

  it('counts approvals waiting now, overdue ones and both per workflow', async () => {
    const { approvals } = await getDashboardStats({ actor: testActor, now });
    expect(approvals).toEqual({
      waiting: 4,
      overdue: 2,
      byWorkflow: [
        { workflowId: wf.alpha.id, workflowName: 'alpha', waiting: 3, overdue: 1 },
        { workflowId: wf.beta.id, workflowName: 'beta', waiting: 1, overdue: 1 },
      ],
    });
  });

  it('gives the median and p90 time to decision per workflow, interpolated, with the sample count', async () => {
    const { decisionTimes } = await getDashboardStats({ actor: testActor, now });
    expect(decisionTimes).toEqual([
      // 1…10 h: median between 5 h and 6 h; p90 at rank 8.1, between 9 h and 10 h
      { workflowId: wf.beta.id, workflowName: 'beta', count: 10, medianMs: 5.5 * HOUR, p90Ms: 9.1 * HOUR },
      // 10/20/30/40 min: median 25 min; p90 at rank 2.7: 30 + 0.7 × 10 = 37 min
      { workflowId: wf.alpha.id, workflowName: 'alpha', count: 4, medianMs: 25 * MIN, p90Ms: 37 * MIN },
      { workflowId: wf.gamma.id, workflowName: 'gamma', count: 1, medianMs: 5 * MIN, p90Ms: 5 * MIN },
    ]);
  });

  it('lists the ten commonest error names of failed and timed-out executions, with the total', async () => {
    const { failures } = await getDashboardStats({ actor: testActor, now });
    expect(failures).toEqual({
      total: 6,
      top: [
        { error: 'Boom', count: 3 },
        { error: 'States.TaskFailed', count: 1 },
        { error: 'States.Timeout', count: 1 },
        { error: null, count: 1 },
      ],
    });
  });

  it('keeps the top ten when more error names failed', async () => {
    const quietNow = new Date('2026-06-15T12:00:00Z');
    for (let i = 1; i <= 11; i++)
      await execution(
        wf.gamma,
        'FAILED',
        `2026-06-${String(i).padStart(2, '0')}T00:00:00Z`,
        `E${String(i).padStart(2, '0')}`,
      );
    await execution(wf.gamma, 'FAILED', '2026-06-12T00:00:00Z', 'E11');
    const { failures } = await getDashboardStats({ actor: testActor, now: quietNow, days: 30 });
    expect(failures.total).toBe(12);
    expect(failures.top.map((f) => [f.error, f.count])).toEqual([
      ['E11', 2],
      ...['E01', 'E02', 'E03', 'E04', 'E05', 'E06', 'E07', 'E08', 'E09'].map((e) => [e, 1]),
    ]);
  });

  it('is all zeros and empty lists where nothing happened', async () => {
    const stats = await getDashboardStats({
      actor: testActor,
      now: new Date('2020-01-01T00:00:00Z'),
      days: 7,
    });
    expect(stats.executions.buckets).toHaveLength(7);
    expect(stats.executions.buckets.every((b) => b.total === 0)).toBe(true);
    expect(stats.executions.totals).toEqual(zero);
    expect(stats.decisionTimes).toEqual([]);
    expect(stats.failures).toEqual({ total: 0, top: [] });
    expect(stats.approvals.overdue).toBe(0); // nothing was due yet then
  });

  it('refuses a range it does not offer', async () => {
    for (const days of [0, 91, 1.5])
      await expect(getDashboardStats({ actor: testActor, now, days })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
      });
  });
});

describe('who may read the dashboard', () => {
  const userActor = (id: string): Actor => ({ type: 'user', id, label: id });

  it('admits an active admin and an API key with executions:read', async () => {
    const admin = await db.user.create({ data: { email: 'admin@example.com', role: 'admin' } });
    await expect(getDashboardStats({ actor: userActor(admin.id), now })).resolves.toBeDefined();
    const key: Actor = { type: 'apiKey', id: 'k1', label: 'bot', scopes: ['executions:read'] };
    await expect(getDashboardStats({ actor: key, now })).resolves.toBeDefined();
  });

  it('refuses an approver, a disabled admin, a key without the scope and an email link: FORBIDDEN', async () => {
    const approver = await db.user.create({ data: { email: 'approver@example.com', role: 'approver' } });
    const former = await db.user.create({
      data: { email: 'former@example.com', role: 'admin', disabledAt: now },
    });
    const actors: Actor[] = [
      userActor(approver.id),
      userActor(former.id),
      { type: 'apiKey', id: 'k2', label: 'writer', scopes: ['workflows:read'] },
      { type: 'link', id: 'task' },
    ];
    for (const actor of actors)
      await expect(getDashboardStats({ actor, now })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
