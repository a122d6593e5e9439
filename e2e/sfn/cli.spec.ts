import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { CreateStateMachineCommand } from '@aws-sdk/client-sfn';
import { expect, test } from '@playwright/test';
import { createTestApiKey, sfnClientFor, sfnEndpoint } from '../fixtures/api-key';
import { ROLE, passMachine, uniqueName } from './helpers';

const run = promisify(execFile);

/** The CLI's environment: the key's credentials, and nothing read from this machine's AWS files. */
const cliEnv = (key: { id: string; secret: string }) => ({
  ...process.env,
  AWS_ACCESS_KEY_ID: key.id,
  AWS_SECRET_ACCESS_KEY: key.secret,
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_PAGER: '',
  AWS_CONFIG_FILE: '/dev/null',
  AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
});

/** Debian's awscli (`apt-get install -y awscli`) at /usr/bin/aws, else whatever `aws` is on PATH. */
async function awsCli(): Promise<string | null> {
  if (existsSync('/usr/bin/aws')) return '/usr/bin/aws';
  return run('aws', ['--version']).then(
    () => 'aws',
    () => null,
  );
}

test('[SFN]: the AWS CLI starts an execution and lists executions against --endpoint-url', async ({
  baseURL,
}) => {
  const aws = await awsCli();
  test.skip(!aws, 'the AWS CLI is not installed: run `apt-get install -y awscli` to run this test');
  const key = await createTestApiKey('e2e-cli');
  const { stateMachineArn } = await sfnClientFor(baseURL, key).send(
    new CreateStateMachineCommand({ name: uniqueName('cli'), definition: passMachine('cli'), roleArn: ROLE }),
  );
  const env = cliEnv(key);
  const cli = async (...args: string[]) =>
    JSON.parse(
      (
        await run(
          aws as string,
          ['stepfunctions', ...args, '--endpoint-url', sfnEndpoint(baseURL), '--output', 'json'],
          { env },
        )
      ).stdout,
    ) as Record<string, unknown>;
  const started = await cli(
    'start-execution',
    '--state-machine-arn',
    stateMachineArn as string,
    '--name',
    'from-cli',
    '--input',
    '{"via":"cli"}',
  );
  expect(started.executionArn).toMatch(/:execution:cli-[^:]+:from-cli$/);
  const listed = await cli('list-executions', '--state-machine-arn', stateMachineArn as string);
  expect((listed.executions as { name: string }[]).map((e) => e.name)).toEqual(['from-cli']);
});

/**
 * An AWS CLI that can leave out StartSyncExecution's `sync-` host prefix: botocore 1.36 and
 * later read AWS_DISABLE_HOST_PREFIX_INJECTION (Debian's awscli 2.9 predates it).
 */
async function cliWithoutHostPrefix(): Promise<string | null> {
  for (const candidate of ['aws', '/usr/bin/aws']) {
    const version = await run(candidate, ['--version']).then(
      ({ stdout, stderr }) => `${stdout}${stderr}`,
      () => '',
    );
    const botocore = /botocore\/(\d+)\.(\d+)/.exec(version);
    if (botocore && (Number(botocore[1]) > 1 || Number(botocore[2]) >= 36)) return candidate;
  }
  return null;
}

test('[SFN]: the AWS CLI runs an Express state machine with start-sync-execution and gets its output', async ({
  baseURL,
}) => {
  const aws = await cliWithoutHostPrefix();
  test.skip(!aws, 'no AWS CLI here reads AWS_DISABLE_HOST_PREFIX_INJECTION (botocore 1.36 or later)');
  const key = await createTestApiKey('e2e-cli-sync');
  const definition = JSON.stringify({
    StartAt: 'Add',
    States: {
      Add: { Type: 'Task', Resource: 'function:add-numbers', Next: 'Big?' },
      'Big?': {
        Type: 'Choice',
        Choices: [{ Variable: '$.sum', NumericGreaterThan: 100, Next: 'Too big' }],
        Default: 'Done',
      },
      'Too big': { Type: 'Fail', Error: 'TooBig', Cause: 'over 100' },
      Done: { Type: 'Succeed' },
    },
  });
  const { stateMachineArn } = await sfnClientFor(baseURL, key).send(
    new CreateStateMachineCommand({
      name: uniqueName('cli-sync'),
      definition,
      roleArn: ROLE,
      type: 'EXPRESS',
    }),
  );
  const env = { ...cliEnv(key), AWS_DISABLE_HOST_PREFIX_INJECTION: 'true' };
  const sync = async (input: object) =>
    JSON.parse(
      (
        await run(
          aws as string,
          [
            'stepfunctions',
            'start-sync-execution',
            '--state-machine-arn',
            stateMachineArn as string,
            '--input',
            JSON.stringify(input),
            '--endpoint-url',
            sfnEndpoint(baseURL),
            '--output',
            'json',
          ],
          { env },
        )
      ).stdout,
    ) as Record<string, unknown>;
  const ok = await sync({ a: 40, b: 2 });
  expect(ok).toMatchObject({ status: 'SUCCEEDED', output: JSON.stringify({ sum: 42 }) });
  const failed = await sync({ a: 400, b: 2 });
  expect(failed).toMatchObject({ status: 'FAILED', error: 'TooBig', cause: 'over 100' });
});
