/**
 * Scale-out on PostgreSQL, with the built app: two web servers (`next start`, engine off) and
 * one worker process share a fresh PostgreSQL database. Executions started through one server
 * are advanced by the worker, completed through the other server, and read back through the
 * first: nothing about a request depends on which server takes it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { sfnClientFor, type ApiKey } from '../fixtures/api-key';
import { ROLE, callbackMachine, expectStatus, taskTokenOf, uniqueName } from '../sfn/helpers';
import { startWorkerProcess } from '../../lib/engine/testing/spawn-worker';

const root = process.cwd(); // playwright runs from the repository's root
const adminUrl = process.env.SIGNOFF_TEST_POSTGRES || 'postgresql://postgres@127.0.0.1:5432/postgres';
const name = `signoff_e2e_${randomBytes(4).toString('hex')}`;
const url = (() => {
  const parsed = new URL(adminUrl);
  parsed.pathname = `/${name}`;
  return parsed.toString();
})();
const ports = [Number(process.env.E2E_PORT) + 20, Number(process.env.E2E_PORT) + 21];
const env = {
  ...process.env,
  DATABASE_URL: url,
  SIGNOFF_SECRET: randomBytes(16).toString('hex'),
  SIGNOFF_DEMO: 'off',
  NEXT_TELEMETRY_DISABLED: '1',
};
const processes: ChildProcess[] = [];

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function tsx(script: string, ...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', script), ...args], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
}

async function healthy(port: number): Promise<boolean> {
  return fetch(`http://127.0.0.1:${port}/api/health`)
    .then((response) => response.ok)
    .catch(() => false);
}

let key: ApiKey;
let servers: SFNClient[];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await admin(`CREATE DATABASE "${name}"`);
  expect(tsx('db-migrate.ts').status).toBe(0);
  const created = tsx('cli.ts', 'api-key', 'create', 'scale-out');
  expect(created.status, created.stderr).toBe(0);
  key = JSON.parse(created.stdout.trim().split('\n').at(-1) as string) as ApiKey;
  for (const port of ports)
    processes.push(
      spawn(process.execPath, [join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)], {
        cwd: root,
        env: { ...env, PORT: String(port), SIGNOFF_ENGINE: 'off' },
        stdio: 'ignore',
      }),
    );
  processes.push(
    startWorkerProcess({
      env: { ...env, SIGNOFF_WORKER_ID: 'scale-out-worker' },
      stdio: 'ignore',
    }),
  );
  for (const port of ports) await expect.poll(() => healthy(port), { timeout: 60_000 }).toBe(true);
  servers = ports.map((port) => sfnClientFor(`http://127.0.0.1:${port}`, key));
});

test.afterAll(async () => {
  for (const child of processes) child.kill('SIGTERM');
  await Promise.all(
    processes.map((child) =>
      child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : undefined,
    ),
  );
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});

test('[SCALE-OUT]: two web servers and a worker on one PostgreSQL: start on one, complete on the other, read on either', async () => {
  test.setTimeout(90_000);
  const [a, b] = servers;
  const { stateMachineArn } = await a.send(
    new CreateStateMachineCommand({
      name: uniqueName('scale-out'),
      definition: callbackMachine(),
      roleArn: ROLE,
    }),
  );
  const arns: string[] = [];
  for (let i = 0; i < 10; i++) {
    const { executionArn } = await (i % 2 ? a : b).send(
      new StartExecutionCommand({ stateMachineArn, input: JSON.stringify({ i }) }),
    );
    arns.push(executionArn as string);
  }
  // The worker (not a web server: their engines are off) schedules each task.
  const tokens = await Promise.all(arns.map((arn, i) => taskTokenOf(i % 2 ? b : a, arn)));
  for (const [i, taskToken] of tokens.entries())
    await (i % 2 ? a : b).send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify({ ok: i }) }));
  for (const [i, executionArn] of arns.entries()) {
    await expectStatus(i % 2 ? b : a, executionArn, 'SUCCEEDED');
    expect((await a.send(new DescribeExecutionCommand({ executionArn }))).output).toBe(
      JSON.stringify({ ok: i }),
    );
  }
  // A token works once, whichever server it is sent to.
  await expect(
    b.send(new SendTaskSuccessCommand({ taskToken: tokens[0], output: '{}' })),
  ).rejects.toMatchObject({
    name: 'TaskTimedOut',
  });
});
