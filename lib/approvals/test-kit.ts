/**
 * For approval tests: people and groups, a workflow around one approval state, and a way to
 * drive the real engine deterministically (fire due timers, advance runnable executions) with
 * a clock the test moves.
 */
import '../register-integrations';
import { db } from '../db/client';
import { setEngineClock } from '../engine';
import { advanceExecution } from '../engine/advance/advance-execution';
import { findClaimableExecutions } from '../engine/worker/claim-executions';
import { fireDueTimers } from '../engine/timers/fire-due-timers';
import { startExecution } from '../executions/start-execution';
import { createWorkflow } from '../workflows/create-workflow';

const people = ['requester', 'alice', 'bob', 'carol', 'manager', 'dana'].map((n) => `${n}@example.com`);

export async function seedPeople(): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const email of people)
    ids[email.split('@')[0]] = (await db.user.upsert({ where: { email }, update: {}, create: { email } })).id;
  const groups: Record<string, string[]> = {
    finance: ['alice', 'carol'],
    operations: ['bob', 'carol'],
    managers: ['manager'],
  };
  for (const [name, members] of Object.entries(groups)) {
    const group = await db.group.upsert({ where: { name }, update: {}, create: { name } });
    for (const m of members)
      await db.membership.upsert({
        where: { userId_groupId: { userId: ids[m], groupId: group.id } },
        update: {},
        create: { userId: ids[m], groupId: group.id },
      });
  }
  return ids;
}

/** A workflow: Approve (the approval) → Done, with a Catch on Approval.Rejected → Rejected. */
export function approvalDefinition(
  parameters: object,
  extra: { TimeoutSeconds?: number; ResultPath?: string } = {},
): object {
  return {
    StartAt: 'Approve',
    States: {
      Approve: {
        Type: 'Task',
        Resource: 'approval',
        Parameters: parameters,
        ResultPath: extra.ResultPath ?? '$.approval',
        ...(extra.TimeoutSeconds ? { TimeoutSeconds: extra.TimeoutSeconds } : {}),
        Catch: [{ ErrorEquals: ['Approval.Rejected'], ResultPath: '$.rejection', Next: 'Rejected' }],
        Next: 'Done',
      },
      Done: { Type: 'Succeed' },
      Rejected: { Type: 'Fail', Error: 'OrderRejected', Cause: 'rejected' },
    },
  };
}

let counter = 0;

export async function startWorkflow(
  definition: object,
  options: { requesterId?: string; input?: object } = {},
): Promise<string> {
  const name = `wf-${process.pid}-${++counter}`;
  await createWorkflow({
    name,
    definition: JSON.stringify(definition),
    actor: { type: 'system', label: 'test' },
  });
  const { execution } = await startExecution({
    workflowId: name,
    input: JSON.stringify(options.input ?? { orderId: 'A-1', total: 1500 }),
    actor: { type: 'system', label: 'test' },
    ...(options.requesterId
      ? { requester: { type: 'user', id: options.requesterId, label: 'requester' } }
      : {}),
  });
  await driveEngine();
  return execution.id;
}

/** Runs the engine until nothing is due or runnable. */
export async function driveEngine(): Promise<void> {
  for (let round = 0; round < 100; round++) {
    let work = await fireDueTimers();
    for (const id of await findClaimableExecutions('test-worker', 100)) {
      work += 1;
      await advanceExecution(id, 'test-worker');
    }
    if (work > 0) continue;
    // Tests drive the engine from concurrent calls: on PostgreSQL another call may hold the
    // runnable rows this moment (claims skip locked rows), so nothing found is not yet idle.
    if ((await db.execution.count({ where: { status: 'RUNNING', runnable: true } })) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let offsetMs = 0;
/** Moves the engine's clock forward (timers come due without sleeping). */
export function advanceClock(seconds: number): void {
  offsetMs += seconds * 1000;
  setEngineClock(() => Date.now() + offsetMs);
}

/** Back to the system clock. */
export function resetClock(): void {
  offsetMs = 0;
  setEngineClock(undefined);
}

export async function executionOf(id: string) {
  return db.execution.findUniqueOrThrow({
    where: { id },
    select: { status: true, output: true, error: true, cause: true },
  });
}

/** The approval links mailed to `to` (from the outbox), newest last. */
export async function linksFor(to: string): Promise<string[]> {
  const rows = await db.outboxMessage.findMany({
    where: { to },
    orderBy: { createdAt: 'asc' },
    select: { text: true },
  });
  return rows.flatMap((r) => [...r.text.matchAll(/\/approve\/([A-Za-z0-9_-]{43})(?!\?)/g)].map((m) => m[1]));
}

export async function taskOf(executionId: string) {
  return db.approvalTask.findFirstOrThrow({
    where: { executionId },
    include: { assignees: true, decisions: true },
  });
}
