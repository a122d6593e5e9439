/**
 * Approval and mail benchmarks on a fresh SQLite database (their own temp file):
 * - approval.decision_latency_ms: the POST's service call that meets the policy
 *   (decideTaskByToken) until the engine has entered the next state (one advance), p50/p99;
 * - engine.approval_steps_per_s: executions the engine advances into an approval step (task,
 *   assignees, links, mail rows) per second;
 * - mail.sent_per_s: outbox rows delivered to a loopback smtp-server through pooled SMTP
 *   connections.
 * Runnable alone: `npx tsx scripts/bench/approvals.ts` prints the JSON lines.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAlone } from './run-alone';

const DECISIONS = 200;
const MESSAGES = 1000;
const APPROVAL_STEPS = 300;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const round = (n: number) => Math.round(n * 100) / 100;

async function benchDecisions(): Promise<object> {
  const kit = await import('../../lib/approvals/test-kit');
  const { decideTaskByToken } = await import('../../lib/approvals/decide-task-by-token');
  const { advanceExecution } = await import('../../lib/engine/advance/advance-execution');
  const { db } = await import('../../lib/db/client');
  await kit.seedPeople();
  const definition = kit.approvalDefinition({ Title: 'Bench', Approvers: ['alice@example.com'] });
  const latencies: number[] = [];
  for (let i = 0; i < DECISIONS; i++) {
    const executionId = await kit.startWorkflow(definition);
    const [token] = (await kit.linksFor('alice@example.com')).slice(-1);
    const started = performance.now();
    await decideTaskByToken({ token, decision: 'approve' });
    await advanceExecution(executionId, 'bench');
    latencies.push(performance.now() - started);
    const entered = await db.historyEvent.count({ where: { executionId, type: 'SucceedStateEntered' } });
    if (entered !== 1) throw new Error('the next state was not entered');
  }
  latencies.sort((a, b) => a - b);
  return {
    metric: 'approval.decision_latency_ms',
    p50: round(percentile(latencies, 50)),
    p99: round(percentile(latencies, 99)),
  };
}

/**
 * The engine's rate into approval steps: executions started, then advanced by the engine into an
 * approval for two references (a person, a group of two): the task, three assignees with their
 * links, three mails in the outbox and the search row, each step in the engine's transaction.
 * The people are benchDecisions' (it seeds them). The second of two rounds counts (the first warms the JIT).
 */
async function benchApprovalSteps(): Promise<object> {
  const kit = await import('../../lib/approvals/test-kit');
  const { startTestExecution, runUntilIdle } = await import('../../lib/engine/testing/harness');
  const definition = kit.approvalDefinition({
    Title: 'Purchase order',
    Approvers: ['alice@example.com', 'group:finance'],
    Details: { 'orderId.$': '$.i', total: 1250.5 },
  }) as Parameters<typeof startTestExecution>[0]['definition'];
  let perSecond = 0;
  for (const round of ['warm', 'run']) {
    for (let i = 0; i < APPROVAL_STEPS; i++)
      await startTestExecution({ definition, input: { i }, name: `${round}-${i}` });
    const started = performance.now();
    await runUntilIdle('bench');
    perSecond = APPROVAL_STEPS / ((performance.now() - started) / 1000);
  }
  return { metric: 'engine.approval_steps_per_s', value: Math.round(perSecond) };
}

async function benchMail(): Promise<object> {
  const { db } = await import('../../lib/db/client');
  const { startTestSmtp } = await import('../../lib/mail/test-smtp');
  const { smtpTransport } = await import('../../lib/mail/transport');
  const { drainOutbox } = await import('../../lib/mail/drain-outbox');
  const smtp = await startTestSmtp();
  await db.outboxMessage.createMany({
    data: Array.from({ length: MESSAGES }, (_, i) => ({
      kind: 'notification',
      to: `bench${i % 50}@example.com`,
      subject: `Bench ${i}`,
      text: 'Hello from the bench.',
    })),
  });
  const transport = smtpTransport(smtp.url);
  const started = performance.now();
  let sent = 0;
  while (sent < MESSAGES) {
    const result = await drainOutbox({ transport, limit: 200 });
    sent += result.sent;
    if (result.sent + result.retried === 0) break;
  }
  const seconds = (performance.now() - started) / 1000;
  transport.close();
  await smtp.stop();
  return { metric: 'mail.sent_per_s', value: Math.round(sent / seconds) };
}

export async function benchApprovals(): Promise<object[]> {
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = `file:${join(mkdtempSync(join(tmpdir(), 'signoff-bench-approvals-')), 'bench.db')}`;
  try {
    const { prepareDatabase } = await import('../../lib/db/prepare-database');
    await prepareDatabase(process.env.DATABASE_URL);
    // The server runs the engine, and with it the WAL checkpoints on their own thread; the bench
    // advances executions itself, so it starts that thread as the server would.
    const { startCheckpointer } = await import('../../lib/db/checkpointer');
    const checkpointer = await startCheckpointer();
    try {
      return [await benchDecisions(), await benchApprovalSteps(), await benchMail()];
    } finally {
      await checkpointer?.stop();
    }
  } finally {
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
  }
}

runAlone(import.meta.url, benchApprovals);
