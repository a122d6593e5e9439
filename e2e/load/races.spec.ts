/**
 * Races through the built server (issue #14): many callers doing the same thing at the same
 * moment over HTTP — clicks of one approval link, SendTaskSuccess with one token, StartExecution
 * with one name, claims and bulk decisions from two people's inboxes. Each race: exactly one
 * effect, every other caller a clear answer, and the audit trail and the history agree.
 */
import {
  SendTaskSuccessCommand,
  StartExecutionCommand,
  CreateStateMachineCommand,
  GetExecutionHistoryCommand,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import { expect, test, type Browser } from '@playwright/test';
import { createTestApiKey, e2eDb, sfnClientFor } from '../fixtures/api-key';
import { signInAs } from '../fixtures/auth';
import { financeTasks } from '../fixtures/finance-tasks';
import { extractLink, waitForEmail } from '../fixtures/mail';
import { callServerAction, formDataOf, serverActionId } from '../fixtures/server-action';
import { ROLE, callbackMachine, expectStatus, passMachine, taskTokenOf, uniqueName } from '../sfn/helpers';

let client: SFNClient;
test.beforeAll(async ({ baseURL }) => {
  client = sfnClientFor(baseURL, await createTestApiKey('e2e-races'));
});

async function machine(name: string, definition: string): Promise<string> {
  const { stateMachineArn } = await client.send(
    new CreateStateMachineCommand({ name, definition, roleArn: ROLE }),
  );
  return stateMachineArn!;
}

/** What each of `n` concurrent calls ended with: the AWS error name, or 'ok'. */
async function outcomes(calls: Promise<unknown>[]): Promise<string[]> {
  const settled = await Promise.allSettled(calls);
  return settled.map((s) => (s.status === 'fulfilled' ? 'ok' : (s.reason as Error).name));
}

function tally(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

async function historyTypes(executionArn: string): Promise<string[]> {
  const { events } = await client.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }));
  return (events ?? []).map((e) => e.type!);
}

test('50 concurrent POSTs of one approval link: one decision, 49 "already decided"', async ({ baseURL }) => {
  const db = await e2eDb();
  const approver = `${uniqueName('race')}@example.net`;
  const name = uniqueName('link-race');
  const arn = await machine(
    name,
    JSON.stringify({
      StartAt: 'Ask',
      States: {
        Ask: {
          Type: 'Task',
          Resource: 'approval',
          Parameters: { Title: `Race ${name}`, Approvers: [approver] },
          End: true,
        },
      },
    }),
  );
  const { executionArn } = await client.send(
    new StartExecutionCommand({ stateMachineArn: arn, input: '{}' }),
  );
  const link = extractLink(await waitForEmail(approver, `Race ${name}`));
  const token = link.split('/approve/')[1];
  const actionId = serverActionId('app/approve/actions.ts', 'decideByLink');
  const args = [null, formDataOf({ token, decision: 'approve', comment: 'race' })];
  const answers = await Promise.all(
    Array.from({ length: 50 }, () =>
      callServerAction(baseURL!, { page: `/approve/${token}`, actionId, args }),
    ),
  );
  expect(answers.every((a) => a.status === 200)).toBe(true);
  expect(tally(answers.map((a) => a.redirect?.split('?')[0] ?? 'none'))).toEqual({
    '/approve/done': 1,
    '/approve/already-decided': 49,
  });
  await expectStatus(client, executionArn!, 'SUCCEEDED');
  const task = await db.approvalTask.findFirstOrThrow({
    where: { execution: { name: executionArn!.split(':').pop() } },
    select: { id: true, status: true },
  });
  expect(task.status).toBe('APPROVED');
  expect(await db.decision.count({ where: { taskId: task.id } })).toBe(1);
  expect(await db.auditEntry.count({ where: { action: 'TASK_DECIDED', targetId: task.id } })).toBe(1);
  const types = await historyTypes(executionArn!);
  expect(types.filter((t) => t === 'TaskSucceeded')).toHaveLength(1);
  expect(types.at(-1)).toBe('ExecutionSucceeded');
});

test('50 concurrent SendTaskSuccess with one token: one completion, the rest TaskTimedOut', async () => {
  const arn = await machine(uniqueName('token-race'), callbackMachine());
  const { executionArn } = await client.send(
    new StartExecutionCommand({ stateMachineArn: arn, input: '{}' }),
  );
  const taskToken = await taskTokenOf(client, executionArn!);
  const results = await outcomes(
    Array.from({ length: 50 }, (_, i) =>
      client.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify({ caller: i }) })),
    ),
  );
  const counts = tally(results);
  expect(counts.ok).toBe(1);
  expect(counts).toEqual({ ok: 1, TaskTimedOut: 49 });
  await expectStatus(client, executionArn!, 'SUCCEEDED');
  const types = await historyTypes(executionArn!);
  expect(types.filter((t) => t === 'TaskSucceeded')).toHaveLength(1);
  expect(types.filter((t) => t === 'ExecutionSucceeded')).toHaveLength(1);
});

test('20 concurrent StartExecution with one name: one execution, same input answers alike, other inputs ExecutionAlreadyExists', async () => {
  const db = await e2eDb();
  const arn = await machine(uniqueName('start-race'), passMachine('done'));
  const same = uniqueName('same');
  const started = await Promise.all(
    Array.from({ length: 20 }, () =>
      client.send(new StartExecutionCommand({ stateMachineArn: arn, name: same, input: '{"a":1}' })),
    ),
  );
  expect(new Set(started.map((s) => s.executionArn)).size).toBe(1);
  expect(await db.execution.count({ where: { name: same } })).toBe(1);

  const different = uniqueName('different');
  const results = await outcomes(
    Array.from({ length: 20 }, (_, i) =>
      client.send(
        new StartExecutionCommand({ stateMachineArn: arn, name: different, input: JSON.stringify({ i }) }),
      ),
    ),
  );
  expect(tally(results)).toEqual({ ok: 1, ExecutionAlreadyExists: 19 });
  expect(await db.execution.count({ where: { name: different } })).toBe(1);
  expect(
    await db.auditEntry.count({
      where: { action: 'EXECUTION_STARTED', data: { contains: `"${different}"` } },
    }),
  ).toBe(1);
});

async function sessionCookie(browser: Browser, email: string): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/sign-in');
  await signInAs(page, email);
  const cookies = await context.cookies();
  await context.close();
  return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

test('claims and bulk decisions from two inboxes at once: one holder, each task decided once', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const db = await e2eDb();
  const [alice, carol] = [
    await sessionCookie(browser, 'alice@example.com'),
    await sessionCookie(browser, 'carol@example.com'),
  ];
  const tag = uniqueName('inbox-race');
  const [claimed, ...bulk] = await financeTasks(tag, 6);

  // Claims: ten clicks each from alice and carol on one task.
  const claimId = serverActionId('app/inbox/[taskId]/actions.ts', 'claimInInbox');
  const claim = (cookie: string) =>
    callServerAction(baseURL!, {
      page: `/inbox/${claimed}`,
      actionId: claimId,
      args: [null, formDataOf({ taskId: claimed })],
      cookie,
    });
  const claims = await Promise.all(
    Array.from({ length: 20 }, (_, i) => claim(i % 2 === 0 ? alice : carol).then((r) => ({ i, ...r }))),
  );
  expect(claims.every((c) => c.status === 200)).toBe(true);
  const holder = await db.approvalTask.findUniqueOrThrow({
    where: { id: claimed },
    select: { claimedBy: { select: { email: true } } },
  });
  const holderIsAlice = holder.claimedBy?.email === 'alice@example.com';
  expect(['alice@example.com', 'carol@example.com']).toContain(holder.claimedBy?.email);
  const losers = claims.filter((c) => (c.i % 2 === 0) !== holderIsAlice);
  expect(losers).toHaveLength(10);
  for (const loser of losers) expect(loser.text).toContain(`Claimed by ${holder.claimedBy!.email}`);
  // The holder's own repeated clicks renew their claim (each audited); the other's never took it.
  const loserEmail = holderIsAlice ? 'carol@example.com' : 'alice@example.com';
  const claimAudits = await db.auditEntry.findMany({
    where: { action: 'TASK_CLAIMED', targetId: claimed },
    select: { actorLabel: true },
  });
  expect(claimAudits.length).toBeGreaterThanOrEqual(1);
  expect(claimAudits.filter((a) => a.actorLabel === loserEmail)).toEqual([]);

  // Bulk: alice and carol each approve the same five tasks, five times each, all at once.
  const bulkId = serverActionId('app/inbox/bulk/actions.ts', 'decideInBulk');
  const form = () => {
    const data = formDataOf({ decision: 'approve', comment: 'race' });
    for (const id of bulk) data.append('taskId', id);
    return data;
  };
  const answers = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      callServerAction(baseURL!, {
        page: '/inbox',
        actionId: bulkId,
        args: [null, form()],
        cookie: i % 2 === 0 ? alice : carol,
      }),
    ),
  );
  expect(answers.every((a) => a.status === 200 && !a.text.includes('Something went wrong'))).toBe(true);
  for (const id of bulk) {
    expect(await db.decision.count({ where: { taskId: id } })).toBe(1);
    expect(await db.auditEntry.count({ where: { action: 'TASK_DECIDED', targetId: id } })).toBe(1);
    const task = await db.approvalTask.findUniqueOrThrow({ where: { id }, select: { status: true } });
    expect(task.status).toBe('APPROVED');
  }
  // Each answer lists every task: approved by this caller, or decided already by the other.
  for (const answer of answers) for (const id of bulk) expect(answer.text).toContain(id);
});
