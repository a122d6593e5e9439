import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db/client';
import { redriveExecution } from '../executions/redrive-execution';
import { stopExecution } from '../executions/stop-execution';
import { decideTaskByToken } from './decide-task-by-token';
import { getLinkView } from './get-link-view';
import { inboxQuerySchema } from './inbox-query';
import { listInboxTasks } from './list-inbox-tasks';
import {
  advanceClock,
  driveEngine,
  executionOf,
  linksFor,
  resetClock,
  seedPeople,
  startWorkflow,
} from './test-kit';

let ids: Record<string, string>;
beforeAll(async () => {
  ids = await seedPeople();
});
afterEach(() => resetClock());

const script = { type: 'apiKey' as const, id: 'key-1', label: 'my-script', scopes: ['executions:write'] };
const approve = (Title: string, extra: object = {}) => ({
  Type: 'Task',
  Resource: 'approval',
  Parameters: {
    Title,
    Approvers: ['alice@example.com', 'bob@example.com'],
    Reminders: { EverySeconds: 600, Max: 3 },
    ...extra,
  },
  End: true,
});

/** The link of the first request mail to `to` about this task (reminders of other tasks come later). */
async function linkOf(taskId: string, to: string): Promise<string> {
  const mail = await db.outboxMessage.findFirstOrThrow({
    where: { approvalTaskId: taskId, to, kind: 'approval-request' },
  });
  return /\/approve\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1];
}

const tasksOf = (executionId: string) =>
  db.approvalTask.findMany({ where: { executionId }, orderBy: { createdAt: 'asc' } });

/** Everything a closed task must show: status and reason, links, timers, inbox, mail, audit. */
async function expectClosed(
  executionId: string,
  expected: { status: 'CANCELLED' | 'EXPIRED'; reason: RegExp; link: 'cancelled' | 'expired' },
) {
  const [task] = await tasksOf(executionId);
  expect(task).toMatchObject({ status: expected.status });
  expect(task.closedReason).toMatch(expected.reason);
  expect(task.decidedAt).not.toBeNull();
  const link = await linkOf(task.id, 'alice@example.com');
  expect((await getLinkView(link, { record: false })).kind).toBe(expected.link);
  await expect(decideTaskByToken({ token: link, decision: 'approve' })).rejects.toMatchObject({
    code: expected.link === 'expired' ? 'LINK_EXPIRED' : 'CONFLICT',
  });
  expect(await db.decision.count({ where: { taskId: task.id } })).toBe(0);
  expect(await db.timer.count({ where: { approvalTaskId: task.id, status: 'PENDING' } })).toBe(0);
  const { rows: inbox } = await listInboxTasks({
    viewer: { id: ids.alice, role: 'approver' },
    query: inboxQuerySchema.parse({}),
  });
  expect(inbox.map((row) => row.id)).not.toContain(task.id);
  const notices = await db.outboxMessage.findMany({
    where: { approvalTaskId: task.id, kind: 'task-closed' },
  });
  expect(notices.map((m) => m.to).sort()).toEqual([
    'alice@example.com',
    'bob@example.com',
    'requester@example.com',
  ]);
  expect(notices[0].text).toContain(task.closedReason);
  const audit = await db.auditEntry.findMany({ where: { action: 'TASK_CLOSED', targetId: task.id } });
  expect(audit).toHaveLength(1);
  expect(JSON.parse(audit[0].data)).toMatchObject({ taskId: task.id, status: expected.status });
  return task;
}

describe('an approval task ends with its state', () => {
  it('StopExecution cancels it and says who stopped the workflow', async () => {
    const executionId = await startWorkflow(
      { StartAt: 'A', States: { A: approve('Stop me') } },
      {
        requesterId: ids.requester,
      },
    );
    await stopExecution({ id: executionId, actor: script, cause: 'wrong amount' });
    const task = await expectClosed(executionId, {
      status: 'CANCELLED',
      reason: /^the workflow was stopped by API key my-script at .* UTC \(“wrong amount”\)$/,
      link: 'cancelled',
    });
    const view = await getLinkView(await linkOf(task.id, 'bob@example.com'), { record: false });
    expect(view.kind === 'cancelled' && view.task.closedReason).toBe(task.closedReason);
  });

  it("the execution's TimeoutSeconds cancels it", async () => {
    const executionId = await startWorkflow(
      { TimeoutSeconds: 60, StartAt: 'A', States: { A: approve('Slow workflow') } },
      { requesterId: ids.requester },
    );
    advanceClock(61);
    await driveEngine();
    expect((await executionOf(executionId)).status).toBe('TIMED_OUT');
    await expectClosed(executionId, { status: 'CANCELLED', reason: /ran out of time/, link: 'cancelled' });
  });

  it("the state's TimeoutSeconds expires it: no decision within the deadline", async () => {
    const executionId = await startWorkflow(
      { StartAt: 'A', States: { A: { ...approve('Slow people'), TimeoutSeconds: 7 * 86_400 } } },
      { requesterId: ids.requester },
    );
    advanceClock(7 * 86_400 + 1);
    await driveEngine();
    expect(await executionOf(executionId)).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    await expectClosed(executionId, {
      status: 'EXPIRED',
      reason: /^no decision within 7 days$/,
      link: 'expired',
    });
  });

  it("the state's HeartbeatSeconds expires it", async () => {
    const executionId = await startWorkflow(
      { StartAt: 'A', States: { A: { ...approve('No heartbeat'), HeartbeatSeconds: 300 } } },
      { requesterId: ids.requester },
    );
    advanceClock(301);
    await driveEngine();
    expect(await executionOf(executionId)).toMatchObject({
      status: 'FAILED',
      error: 'States.HeartbeatTimeout',
    });
    await expectClosed(executionId, {
      status: 'EXPIRED',
      reason: /heartbeat time of 5 minutes/,
      link: 'expired',
    });
  });

  it('a failing sibling branch of a Parallel cancels it', async () => {
    const executionId = await startWorkflow(
      {
        StartAt: 'Both',
        States: {
          Both: {
            Type: 'Parallel',
            End: true,
            Branches: [
              { StartAt: 'A', States: { A: approve('In a branch') } },
              {
                StartAt: 'Hold',
                States: {
                  Hold: { Type: 'Wait', Seconds: 30, Next: 'Boom' },
                  Boom: { Type: 'Fail', Error: 'Boom' },
                },
              },
            ],
          },
        },
      },
      { requesterId: ids.requester },
    );
    advanceClock(31);
    await driveEngine();
    expect(await executionOf(executionId)).toMatchObject({ status: 'FAILED', error: 'Boom' });
    await expectClosed(executionId, {
      status: 'CANCELLED',
      reason: /another branch of the parallel step “Both” failed/,
      link: 'cancelled',
    });
  });

  it('a failing item of a Map cancels the approval of another item', async () => {
    const executionId = await startWorkflow(
      {
        StartAt: 'Each',
        States: {
          Each: {
            Type: 'Map',
            End: true,
            ItemsPath: '$.items',
            ItemProcessor: {
              StartAt: 'Which',
              States: {
                Which: {
                  Type: 'Choice',
                  Choices: [{ Variable: '$', NumericEquals: 1, Next: 'A' }],
                  Default: 'Hold',
                },
                A: approve('Item one'),
                Hold: { Type: 'Wait', Seconds: 30, Next: 'Boom' },
                Boom: { Type: 'Fail', Error: 'ItemFailed' },
              },
            },
          },
        },
      },
      { requesterId: ids.requester, input: { items: [1, 2] } },
    );
    advanceClock(31);
    await driveEngine();
    expect(await executionOf(executionId)).toMatchObject({ status: 'FAILED', error: 'ItemFailed' });
    await expectClosed(executionId, {
      status: 'CANCELLED',
      reason: /another item of the map step “Each” failed/,
      link: 'cancelled',
    });
  });

  it('the history limit cancels it', async () => {
    const executionId = await startWorkflow(
      {
        StartAt: 'Both',
        States: {
          Both: {
            Type: 'Parallel',
            End: true,
            Branches: [
              { StartAt: 'A', States: { A: approve('Waiting forever') } },
              { StartAt: 'Loop', States: { Loop: { Type: 'Pass', Next: 'Loop' } } },
            ],
          },
        },
      },
      { requesterId: ids.requester },
    );
    await driveEngine();
    expect(await executionOf(executionId)).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    await expectClosed(executionId, {
      status: 'CANCELLED',
      reason: /25,000 history events/,
      link: 'cancelled',
    });
  }, 60_000);
});

describe('redrive', () => {
  it('asks again in a new task; the old one points to it and only one is live', async () => {
    const executionId = await startWorkflow(
      { StartAt: 'A', States: { A: approve('Again') } },
      {
        requesterId: ids.requester,
      },
    );
    await stopExecution({ id: executionId, actor: script });
    await redriveExecution({ id: executionId, actor: script });
    await driveEngine();
    const [old, fresh] = await tasksOf(executionId);
    expect(old).toMatchObject({ status: 'CANCELLED', supersededById: fresh.id });
    expect(fresh).toMatchObject({ status: 'PENDING', supersededById: null });
    const { rows: inbox } = await listInboxTasks({
      viewer: { id: ids.alice, role: 'approver' },
      query: inboxQuerySchema.parse({}),
    });
    expect(inbox.filter((row) => row.title === 'Again').map((row) => row.id)).toEqual([fresh.id]);
    const [freshLink] = (await linksFor('alice@example.com')).slice(-1);
    expect(await decideTaskByToken({ token: freshLink, decision: 'approve' })).toMatchObject({
      taskStatus: 'APPROVED',
    });
    await driveEngine();
    expect((await executionOf(executionId)).status).toBe('SUCCEEDED');
  });

  it('closes a task that was left pending by an older version before asking again', async () => {
    const executionId = await startWorkflow({ StartAt: 'A', States: { A: approve('Left over') } });
    await stopExecution({ id: executionId, actor: script });
    const [stale] = await tasksOf(executionId);
    // Rows written before tasks closed with their state: the stopped task stayed PENDING.
    await db.approvalTask.update({
      where: { id: stale.id },
      data: { status: 'PENDING', closedReason: null },
    });
    await redriveExecution({ id: executionId, actor: script });
    await driveEngine();
    const live = await db.approvalTask.findMany({
      where: { executionId, stateName: 'A', status: 'PENDING' },
    });
    expect(live).toHaveLength(1);
    const closed = await db.approvalTask.findUniqueOrThrow({ where: { id: stale.id } });
    expect(closed).toMatchObject({ status: 'CANCELLED', supersededById: live[0].id });
    expect(closed.closedReason).toMatch(/asked again in a new request/);
  });
});
