/**
 * The server killed in the middle of requests (issue #14). A server of its own (`next start`
 * from the same build, the engine inside, its own SQLite file, mail over a loopback SMTP server)
 * takes approval decisions, SendTaskSuccess calls and StartExecution calls at once; it is
 * SIGKILLed at a random moment, twice, and started again. Then: every request that was answered
 * with success is in the database, a client's retry of the others gets a clear answer, every
 * execution ends once with its output, nothing is half-written and no approval mail arrives twice.
 * The test reads the database file directly and starts nothing of the app in its own process.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateStateMachineCommand,
  SFNClient,
  SendTaskSuccessCommand,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { startTestSmtp, type TestSmtp } from '../../lib/mail/test-smtp';
import { callServerAction, formDataOf, serverActionId } from '../fixtures/server-action';
import { ROLE, callbackMachine, taskTokenOf } from '../sfn/helpers';

const APPROVALS = 20;
const CALLBACKS = 20;
const STARTS_PER_ROUND = 20;
const ROUNDS = 2;
const APPROVER = 'kill-approver@example.net';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs a script of this checkout against the test's database; returns its stdout. */
function script(env: Record<string, string>, ...args: string[]): string {
  const result = spawnSync(process.execPath, ['--import', 'tsx', ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

class AppServer {
  private process?: ChildProcess;

  constructor(private readonly env: Record<string, string>) {}

  async start(): Promise<void> {
    this.process = spawn(
      process.execPath,
      ['node_modules/next/dist/bin/next', 'start', '-p', this.env.PORT, '-H', '127.0.0.1'],
      { env: { ...process.env, ...this.env }, stdio: 'ignore', detached: true },
    );
    await expect
      .poll(
        () =>
          fetch(`${this.env.APP_URL}/api/health`)
            .then((r) => r.ok)
            .catch(() => false),
        { timeout: 60_000, intervals: [100] },
      )
      .toBe(true);
  }

  /** SIGKILL to the whole process group: no shutdown hook runs. */
  async kill(): Promise<void> {
    const child = this.process!;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid!, 'SIGKILL');
    await exited;
  }
}

type Outcome = { ok: true } | { ok: false; error: string };
const settle = (promise: Promise<unknown>): Promise<Outcome> =>
  promise.then(
    () => ({ ok: true }) as const,
    (error: Error) => ({ ok: false, error: error.name }) as const,
  );

test('the server SIGKILLed twice mid-request: answered work is kept, the rest retries cleanly, nothing twice', async () => {
  test.setTimeout(300_000);
  const dir = mkdtempSync(join(tmpdir(), 'signoff-kill-'));
  const port = await freePort();
  const smtp: TestSmtp = await startTestSmtp();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    DATABASE_URL: `file:${join(dir, 'kill.db')}`,
    PORT: String(port),
    APP_URL: base,
    SMTP_URL: smtp.url,
    SIGNOFF_DEMO: 'off',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  script(env, 'scripts/db-migrate.ts');
  const key = JSON.parse(script(env, 'scripts/cli.ts', 'api-key', 'create', 'kill-test')) as {
    id: string;
    secret: string;
  };
  const server = new AppServer(env);
  await server.start();
  const client = new SFNClient({
    endpoint: `${base}/api/sfn`,
    region: 'us-east-1',
    credentials: { accessKeyId: key.id, secretAccessKey: key.secret },
    maxAttempts: 1,
    disableHostPrefix: true,
  });
  const db = new Database(join(dir, 'kill.db'), { readonly: true, fileMustExist: true });
  try {
    const create = async (name: string, definition: object | string) =>
      (
        await client.send(
          new CreateStateMachineCommand({
            name,
            roleArn: ROLE,
            definition: typeof definition === 'string' ? definition : JSON.stringify(definition),
          }),
        )
      ).stateMachineArn!;
    const approvalArn = await create('kill-approval', {
      StartAt: 'Ask',
      States: {
        Ask: {
          Type: 'Task',
          Resource: 'approval',
          Parameters: { 'Title.$': "States.Format('Kill {}', $.n)", Approvers: [APPROVER] },
          ResultSelector: { 'decision.$': '$.Decision' },
          ResultPath: '$.approval',
          Next: 'Done',
        },
        Done: { Type: 'Pass', Parameters: { 'n.$': '$.n', 'decision.$': '$.approval.decision' }, End: true },
      },
    });
    const callbackArn = await create('kill-callback', callbackMachine());
    const flowArn = await create('kill-flow', {
      StartAt: 'Wait',
      States: {
        Wait: { Type: 'Wait', Seconds: 1, Next: 'Branch' },
        Branch: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'A', States: { A: { Type: 'Pass', Result: 'a', End: true } } },
            { StartAt: 'B', States: { B: { Type: 'Pass', Result: 'b', End: true } } },
          ],
          ResultPath: '$.branches',
          Next: 'Big',
        },
        Big: {
          Type: 'Choice',
          Choices: [{ Variable: '$.n', NumericGreaterThanEquals: 10, Next: 'Large' }],
          Default: 'Small',
        },
        Large: { Type: 'Pass', Result: 'large', ResultPath: '$.size', End: true },
        Small: { Type: 'Pass', Result: 'small', ResultPath: '$.size', End: true },
      },
    });

    // Work that waits for people and programs: approval links by mail, callback tokens in the history.
    const approvals = Array.from({ length: APPROVALS }, (_, n) => `approval-${n}`);
    const callbacks = Array.from({ length: CALLBACKS }, (_, n) => `callback-${n}`);
    for (const [i, name] of approvals.entries())
      await client.send(
        new StartExecutionCommand({ stateMachineArn: approvalArn, name, input: JSON.stringify({ n: i }) }),
      );
    const callbackArns: string[] = [];
    for (const name of callbacks)
      callbackArns.push(
        (await client.send(new StartExecutionCommand({ stateMachineArn: callbackArn, name, input: '{}' })))
          .executionArn!,
      );
    await expect.poll(() => smtp.messages.length, { timeout: 60_000 }).toBe(APPROVALS);
    const links = smtp.messages.map((m) => /\/approve\/([A-Za-z0-9_-]{43})/.exec(m.text)![1]);
    const tokens = await Promise.all(callbackArns.map((arn) => taskTokenOf(client, arn)));
    const actionId = serverActionId('app/approve/actions.ts', 'decideByLink');

    const decide = async (token: string) => {
      const answer = await callServerAction(base, {
        page: `/approve/${token}`,
        actionId,
        args: [null, formDataOf({ token, decision: 'approve', comment: 'kill' })],
      });
      if (answer.redirect?.startsWith('/approve/done')) return 'decided';
      if (answer.redirect?.startsWith('/approve/already-decided')) return 'already decided';
      throw Object.assign(new Error(`decision answered ${answer.status} ${answer.redirect}`), {
        name: 'Unanswered',
      });
    };
    const complete = (taskToken: string) =>
      client.send(new SendTaskSuccessCommand({ taskToken, output: '{"completed":true}' }));
    const startFlow = (name: string, n: number) =>
      client.send(
        new StartExecutionCommand({ stateMachineArn: flowArn, name, input: JSON.stringify({ n }) }),
      );

    const flows: { name: string; n: number }[] = [];
    const perRound = APPROVALS / ROUNDS;
    for (let round = 0; round < ROUNDS; round++) {
      const mine = { from: round * perRound, to: (round + 1) * perRound };
      const roundFlows = Array.from({ length: STARTS_PER_ROUND }, (_, i) => ({
        name: `flow-${round}-${i}`,
        n: i,
      }));
      flows.push(...roundFlows);
      const inFlight = [
        ...links.slice(mine.from, mine.to).map((t) => ({ kind: 'decision', id: t, run: () => decide(t) })),
        ...tokens.slice(mine.from, mine.to).map((t) => ({ kind: 'token', id: t, run: () => complete(t) })),
        ...roundFlows.map((f) => ({ kind: 'start', id: f.name, run: () => startFlow(f.name, f.n) })),
      ];
      const results = inFlight.map((call) => settle(call.run()));
      await sleep(100 + Math.random() * 400);
      await server.kill();
      const outcomes = await Promise.all(results);
      await server.start();

      // Every success answer is in the database.
      for (const [i, call] of inFlight.entries()) {
        if (!outcomes[i].ok) continue;
        if (call.kind === 'decision')
          expect(
            db
              .prepare(
                'SELECT COUNT(*) AS n FROM Decision d JOIN ApprovalAssignee a ON a.taskId = d.taskId JOIN ApprovalLink l ON l.assigneeId = a.id WHERE l.tokenHash = ?',
              )
              .get(sha256(call.id)),
          ).toEqual({ n: 1 });
        if (call.kind === 'start')
          expect(db.prepare('SELECT COUNT(*) AS n FROM Execution WHERE name = ?').get(call.id)).toEqual({
            n: 1,
          });
      }
      const answered = outcomes.filter((o) => o.ok).length;
      test.info().annotations.push({
        type: `round ${round + 1}`,
        description: `${answered} of ${inFlight.length} answered before the kill`,
      });
      // A client retries what got no answer; each retry gets a clear one.
      for (const [i, call] of inFlight.entries()) {
        if (outcomes[i].ok) continue;
        const retried = await settle(call.run());
        if (call.kind === 'token' && !retried.ok)
          expect(retried).toEqual({ ok: false, error: 'TaskTimedOut' });
        else expect(retried).toEqual({ ok: true });
      }
    }

    // Every execution ends, once, with its output.
    const total = APPROVALS + CALLBACKS + flows.length;
    await expect
      .poll(
        () =>
          (
            db.prepare("SELECT COUNT(*) AS n FROM Execution WHERE status = 'SUCCEEDED'").get() as {
              n: number;
            }
          ).n,
        {
          timeout: 60_000,
        },
      )
      .toBe(total);
    expect((db.prepare('SELECT COUNT(*) AS n FROM Execution').get() as { n: number }).n).toBe(total);
    const outputs = new Map(
      (db.prepare('SELECT name, output FROM Execution').all() as { name: string; output: string }[]).map(
        (r) => [r.name, JSON.parse(r.output) as unknown],
      ),
    );
    for (const [i, name] of approvals.entries())
      expect(outputs.get(name)).toEqual({ n: i, decision: 'approved' });
    for (const name of callbacks) expect(outputs.get(name)).toEqual({ completed: true });
    for (const flow of flows)
      expect(outputs.get(flow.name)).toEqual({
        n: flow.n,
        branches: ['a', 'b'],
        size: flow.n >= 10 ? 'large' : 'small',
      });
    const twice = (type: string) =>
      db
        .prepare(
          'SELECT executionId, COUNT(*) AS n FROM HistoryEvent WHERE type = ? GROUP BY executionId HAVING n <> 1',
        )
        .all(type);
    for (const type of ['ExecutionStarted', 'ExecutionSucceeded']) expect(twice(type)).toEqual([]);
    expect(
      db
        .prepare(
          "SELECT executionId, COUNT(*) AS n FROM HistoryEvent WHERE type = 'TaskSucceeded' GROUP BY executionId HAVING n > 1",
        )
        .all(),
    ).toEqual([]);
    expect(
      db.prepare('SELECT taskId, COUNT(*) AS n FROM Decision GROUP BY taskId HAVING n <> 1').all(),
    ).toEqual([]);
    // Nothing half-written: each execution's start is audited with it.
    expect(
      (
        db.prepare("SELECT COUNT(*) AS n FROM AuditEntry WHERE action = 'EXECUTION_STARTED'").get() as {
          n: number;
        }
      ).n,
    ).toBe(total);
    expect(JSON.parse(script(env, 'scripts/cli.ts', 'audit', 'verify'))).toMatchObject({ ok: true });
    // No approval mail twice.
    expect(new Set(links).size).toBe(APPROVALS);
    expect(smtp.messages.filter((m) => m.to.includes(APPROVER))).toHaveLength(APPROVALS);
  } finally {
    db.close();
    await server.kill().catch(() => {});
    await smtp.stop();
  }
});

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
