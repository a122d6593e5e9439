/**
 * Load figures through the built server on loopback, measured with autocannon (issue #14):
 * - http.start_execution_per_s: StartExecution through /api/sfn, SigV4-signed, 64 clients;
 * - http.decision_p99_ms: approval-link POSTs (what the page's JavaScript sends for Approve),
 *   100 at a time, each deciding its own task and resuming its execution;
 * - http.send_task_success_per_s: SendTaskSuccess through /api/sfn, one token each, 64 clients;
 * - http.health_per_s: GET /api/health (one SELECT 1), the floor any route stands on here;
 * - sync.start_sync_execution_ms: StartSyncExecution of a 5-state EXPRESS workflow through
 *   /api/sfn, one call at a time (latency, not throughput: p50 and p99 of SYNC_CALLS calls).
 * The server is `next start` on its own SQLite file with the engine inside, as `npm start` runs
 * it, and rate limiting off (SIGNOFF_API_RATE_PER_SECOND=0): the figure is the server's, not the
 * limit's. autocannon runs in this process, so on a 2-core machine the load generator takes one
 * core of the two. Runnable alone: `npx tsx scripts/bench/http.ts`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Sha256 } from '@smithy/core/checksum';
import { HttpRequest } from '@smithy/core/protocols';
import { SignatureV4 } from '@smithy/signature-v4';
import autocannon from 'autocannon';
import { formDataOf, serverActionId, serverActionRequest } from '../../e2e/fixtures/server-action';
import { buildIsCurrent } from '../build-stamp';
import { runAlone } from './run-alone';

const SECONDS = Number(process.env.SIGNOFF_BENCH_HTTP_SECONDS ?? 10);
const DECISIONS = Number(process.env.SIGNOFF_BENCH_HTTP_DECISIONS ?? 1000);
const TOKENS = Number(process.env.SIGNOFF_BENCH_HTTP_TOKENS ?? 2000);
const SYNC_CALLS = Number(process.env.SIGNOFF_BENCH_HTTP_SYNC_CALLS ?? 1000);

/** Five states, as the figure asks: Pass, Pass, Choice, Pass, Succeed. */
const EXPRESS_QUOTE = JSON.stringify({
  StartAt: 'Read',
  States: {
    Read: { Type: 'Pass', Parameters: { 'amount.$': '$.n' }, Next: 'Price' },
    Price: {
      Type: 'Pass',
      Parameters: { 'amount.$': '$.amount', 'total.$': 'States.MathAdd($.amount, 10)' },
      Next: 'Large?',
    },
    'Large?': {
      Type: 'Choice',
      Choices: [{ Variable: '$.total', NumericGreaterThan: 1000, Next: 'Large' }],
      Default: 'Quoted',
    },
    Large: { Type: 'Pass', Result: { review: true }, Next: 'Quoted' },
    Quoted: { Type: 'Succeed' },
  },
});

type Key = { id: string; secret: string };

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function sleep(ms: number) {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

async function startServer(databaseUrl: string, port: number): Promise<ChildProcess> {
  const server = spawn(
    process.execPath,
    ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        APP_URL: `http://127.0.0.1:${port}`,
        NEXT_TELEMETRY_DISABLED: '1',
        SIGNOFF_API_RATE_PER_SECOND: '0',
      },
    },
  );
  for (let i = 0; i < 600; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return server;
    await sleep(100);
  }
  server.kill('SIGKILL');
  throw new Error('the server did not answer /api/health within 60 s');
}

/** A signed /api/sfn request (headers and body) that autocannon can send as is. */
async function signedSfn(key: Key, port: number, action: string, input: object) {
  const signer = new SignatureV4({
    service: 'states',
    region: 'us-east-1',
    sha256: Sha256,
    credentials: { accessKeyId: key.id, secretAccessKey: key.secret },
  });
  const body = JSON.stringify(input);
  const request = new HttpRequest({
    method: 'POST',
    protocol: 'http:',
    hostname: '127.0.0.1',
    port,
    path: '/api/sfn',
    headers: {
      host: `127.0.0.1:${port}`,
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': `AWSStepFunctions.${action}`,
    },
    body,
  });
  const signed = await signer.sign(request);
  return {
    method: 'POST' as const,
    path: '/api/sfn',
    headers: signed.headers as Record<string, string>,
    body,
  };
}

async function sfnCall(key: Key, port: number, action: string, input: object): Promise<unknown> {
  const { headers, body } = await signedSfn(key, port, action, input);
  const response = await fetch(`http://127.0.0.1:${port}/api/sfn`, { method: 'POST', headers, body });
  const text = await response.text();
  if (!response.ok) throw new Error(`${action}: ${response.status} ${text}`);
  return JSON.parse(text);
}

/**
 * Runs autocannon (a request unanswered after 60 s counts as a timeout, reported with the
 * figure); throws when an answer had another status or a connection failed.
 */
async function load(options: autocannon.Options, expectStatus: number) {
  const counts = new Map<number, number>();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ timeout: 60, ...options }, (error, res) =>
      error ? reject(error) : resolve(res),
    );
    instance.on('response', (_client, statusCode) =>
      counts.set(statusCode, (counts.get(statusCode) ?? 0) + 1),
    );
  });
  const unexpected = [...counts].filter(([status]) => status !== expectStatus);
  if (unexpected.length > 0 || result.errors > result.timeouts)
    throw new Error(
      `unexpected answers: ${JSON.stringify(Object.fromEntries(unexpected))}, errors ${result.errors}, timeouts ${result.timeouts}`,
    );
  return {
    ok: counts.get(expectStatus) ?? 0,
    result,
    /** what each figure's line says besides its value */
    tail: { max_ms: result.latency.max, ...(result.timeouts > 0 ? { timeouts: result.timeouts } : {}) },
  };
}

async function waitFor(what: string, check: () => Promise<boolean>, seconds = 300) {
  for (let i = 0; i < seconds * 10; i++) {
    if (await check()) return;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

export async function benchHttp(): Promise<object[]> {
  if (!existsSync('.next/BUILD_ID') || !buildIsCurrent()) {
    const built = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { stdio: 'inherit' });
    if (built.status !== 0) throw new Error('the build failed');
  }
  const databaseUrl = `file:${join(mkdtempSync(join(tmpdir(), 'signoff-bench-http-')), 'bench.db')}`;
  process.env.DATABASE_URL = databaseUrl;
  const { prepareDatabase } = await import('../../lib/db/prepare-database');
  await prepareDatabase(databaseUrl);
  const { db } = await import('../../lib/db/client');
  const { createApiKey } = await import('../../lib/auth/api-keys');
  const { createWorkflow } = await import('../../lib/workflows/create-workflow');
  const kit = await import('../../lib/approvals/test-kit');
  const { callbackDefinition, passDefinition, taskTokenFromHistory } =
    await import('../../lib/executions/test-support');
  await kit.seedPeople();
  const key = await createApiKey({ name: 'bench' });
  const actor = { type: 'system' as const, label: 'bench' };
  const approval = kit.approvalDefinition({ Title: 'Bench', Approvers: ['alice@example.com'] });
  for (const [name, definition] of [
    ['bench-start', passDefinition()],
    ['bench-approval', JSON.stringify(approval)],
    ['bench-callback', callbackDefinition()],
  ])
    await createWorkflow({ name, definition, actor });
  await createWorkflow({ name: 'bench-express', definition: EXPRESS_QUOTE, type: 'EXPRESS', actor });
  const arn = (name: string) => `arn:aws:states:us-east-1:000000000000:stateMachine:${name}`;

  const port = await freePort();
  const server = await startServer(databaseUrl, port);
  const lines: object[] = [];
  try {
    // The floor: the lightest route there is (one SELECT 1), 64 clients.
    const floor = await load(
      { url: `http://127.0.0.1:${port}/api/health`, connections: 64, duration: Math.min(5, SECONDS) },
      200,
    );
    lines.push({
      metric: 'http.health_per_s',
      value: Math.round(floor.ok / Math.min(5, SECONDS)),
      p99_ms: floor.result.latency.p99,
      connections: 64,
      ...floor.tail,
    });

    // StartSyncExecution, one at a time: the latency a web backend's request sees.
    const sync = await signedSfn(key, port, 'StartSyncExecution', {
      stateMachineArn: arn('bench-express'),
      input: '{"n":1}',
    });
    // warm up first (JIT, caches, the garbage of the load before): the figure is the steady state
    await load({ url: `http://127.0.0.1:${port}`, connections: 1, amount: 200, requests: [sync] }, 200);
    const synced = await load(
      { url: `http://127.0.0.1:${port}`, connections: 1, amount: SYNC_CALLS, requests: [sync] },
      200,
    );
    const succeeded = await db.execution.count({
      where: { status: 'SUCCEEDED', workflow: { name: 'bench-express' } },
    });
    if (succeeded !== SYNC_CALLS + 200)
      throw new Error(`${succeeded} of ${SYNC_CALLS + 200} Express runs succeeded`);
    lines.push({
      metric: 'sync.start_sync_execution_ms',
      p50: synced.result.latency.p50,
      p99: synced.result.latency.p99,
      calls: synced.ok,
      states: 5,
      ...synced.tail,
    });

    // StartExecution without a name: every call is a new execution, so one signed request serves all.
    const start = await signedSfn(key, port, 'StartExecution', {
      stateMachineArn: arn('bench-start'),
      input: '{"n":1}',
    });
    const started = await load(
      { url: `http://127.0.0.1:${port}`, connections: 64, duration: SECONDS, requests: [start] },
      200,
    );
    lines.push({
      metric: 'http.start_execution_per_s',
      value: Math.round(started.ok / SECONDS),
      p99_ms: started.result.latency.p99,
      connections: 64,
      ...started.tail,
    });

    // Approval tasks waiting for alice, one link each (read from the outbox the engine wrote).
    for (let i = 0; i < DECISIONS; i++)
      await sfnCall(key, port, 'StartExecution', { stateMachineArn: arn('bench-approval'), input: '{}' });
    await waitFor(
      'the approval tasks',
      async () => (await db.approvalTask.count({ where: { status: 'PENDING' } })) >= DECISIONS,
    );
    const links = (
      await db.outboxMessage.findMany({ where: { to: 'alice@example.com' }, select: { text: true } })
    )
      .map((m) => /\/approve\/([A-Za-z0-9_-]+)/.exec(m.text)?.[1])
      .filter((t): t is string => Boolean(t));
    if (links.length < DECISIONS) throw new Error(`only ${links.length} approval links were mailed`);
    // Each POST is what the page's JavaScript sends for Approve (React's encoded reply, Next-Action).
    const actionId = serverActionId('app/approve/actions.ts', 'decideByLink');
    const base = `http://127.0.0.1:${port}`;
    const posts = await Promise.all(
      links.slice(0, DECISIONS).map(async (token) => {
        const args = [null, formDataOf({ token, decision: 'approve', comment: 'bench' })];
        const call = await serverActionRequest(base, { page: `/approve/${token}`, actionId, args });
        const encoded = new Response(call.body);
        const headers = { ...call.headers, 'content-type': encoded.headers.get('content-type') ?? '' };
        return { method: 'POST' as const, path: `/approve/${token}`, headers, body: await encoded.text() };
      }),
    );
    let next = 0;
    const decided = await load(
      {
        url: base,
        connections: 100,
        amount: posts.length,
        requests: [{ setupRequest: (request) => ({ ...request, ...posts[next++] }) }],
      },
      200,
    );
    await waitFor(
      'every approved execution to succeed',
      async () =>
        (await db.execution.count({
          where: { status: 'SUCCEEDED', workflow: { name: 'bench-approval' } },
        })) >= DECISIONS,
    );
    lines.push({
      metric: 'http.decision_p99_ms',
      value: decided.result.latency.p99,
      p50_ms: decided.result.latency.p50,
      concurrency: 100,
      decisions: decided.ok,
      ...decided.tail,
    });

    // Executions waiting on .waitForTaskToken; each token is completed once.
    for (let i = 0; i < TOKENS; i += 100)
      await Promise.all(
        Array.from({ length: Math.min(100, TOKENS - i) }, () =>
          sfnCall(key, port, 'StartExecution', { stateMachineArn: arn('bench-callback'), input: '{}' }),
        ),
      );
    await waitFor(
      'the task tokens',
      async () =>
        (await db.historyEvent.count({
          where: { type: 'TaskScheduled', execution: { workflow: { name: 'bench-callback' } } },
        })) >= TOKENS,
    );
    const scheduled = await db.historyEvent.findMany({
      where: { type: 'TaskScheduled', execution: { workflow: { name: 'bench-callback' } } },
      select: { type: true, details: true },
    });
    const tokens = scheduled.map((event) =>
      taskTokenFromHistory([{ type: event.type, ...(JSON.parse(event.details) as object) }]),
    );
    const requests = await Promise.all(
      tokens.map((taskToken) =>
        signedSfn(key, port, 'SendTaskSuccess', { taskToken, output: '{"ok":true}' }),
      ),
    );
    let sent = 0;
    const began = performance.now();
    const completed = await load(
      {
        url: `http://127.0.0.1:${port}`,
        connections: 64,
        amount: requests.length,
        requests: [{ setupRequest: (request) => ({ ...request, ...requests[sent++] }) }],
      },
      200,
    );
    const seconds = (performance.now() - began) / 1000;
    lines.push({
      metric: 'http.send_task_success_per_s',
      value: Math.round(completed.ok / seconds),
      p99_ms: completed.result.latency.p99,
      connections: 64,
      ...completed.tail,
    });
  } finally {
    server.kill('SIGTERM');
    await db.$disconnect();
  }
  return lines;
}

runAlone(import.meta.url, benchHttp);
