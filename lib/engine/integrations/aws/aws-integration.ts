/**
 * AWS services as Step Functions calls them, through the AWS SDK v3 (aws-services.ts):
 *
 * - the optimized integrations `arn:aws:states:::<service>:<action>` with AWS's parameter and
 *   result shapes (aws-actions.ts), and `.waitForTaskToken` (call, then wait for the token)
 *   or `.sync` (poll the job to its end: ECS tasks, Glue job runs, Athena queries);
 * - a Lambda function's own ARN (`arn:aws:lambda:…:function:NAME`): the input is the payload
 *   and the function's answer the result;
 * - the generic `arn:aws:states:::aws-sdk:<service>:<action>` for every installed client.
 *
 * The call runs after the commit that scheduled it (an `invoke` task, at least once). A `.sync`
 * job is polled from durable TaskPoll timers (run-invocations.ts), never a held promise. Every
 * AWS resource is accepted; one whose service is missing, unconfigured or unreachable fails when
 * it runs, with an error Retry and Catch can name (aws-errors.ts).
 */
import { randomUUID } from 'node:crypto';
import type { JsonObject, JsonValue } from '../../../asl';
import type { Integration, InvokeOutcome, TaskOutcome } from '../integration';
import {
  ADAPTERS,
  lambdaFunctionError,
  lambdaPayload,
  lambdaRequest,
  POLLERS,
  withMetadata,
  type SdkOutput,
} from './aws-actions';
import { awsFailure } from './aws-errors';
import { asObject, fromSdkOutput, toSdkInput } from './aws-json';
import { awsClient, awsCommand, awsRegion, awsService, type AwsService } from './aws-services';

type Pattern = '' | '.sync' | '.sync:2' | '.waitForTaskToken';

interface Target {
  service: string;
  action: string;
  pattern: Pattern;
  /** `aws-sdk:` (plain API results, the Java SDK's error prefix) */
  sdk: boolean;
  /** a Lambda function's own ARN: the state's input is the payload */
  functionArn?: string;
  region?: string;
}

const OPTIMIZED =
  /^arn:aws[a-z-]*:states:::([a-z0-9-]+):([A-Za-z][A-Za-z0-9]*)(\.sync:2|\.sync|\.waitForTaskToken)?$/;
const SDK = /^arn:aws[a-z-]*:states:::aws-sdk:([a-z0-9-]+):([A-Za-z][A-Za-z0-9]*)(\.waitForTaskToken)?$/;
const FUNCTION_ARN = /^arn:aws[a-z-]*:lambda:([a-z0-9-]+):\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9_$-]+)?$/;
/** Resources of the states::: namespace that are not AWS calls: other integrations take them. */
const LOCAL = new Set(['states', 'http', 'mock']);

function parseAwsResource(resource: string): Target | undefined {
  const sdk = SDK.exec(resource);
  if (sdk) return { service: sdk[1], action: sdk[2], pattern: (sdk[3] ?? '') as Pattern, sdk: true };
  const optimized = OPTIMIZED.exec(resource);
  if (optimized && optimized[1] !== 'aws-sdk' && !LOCAL.has(optimized[1]))
    return {
      service: optimized[1],
      action: optimized[2],
      pattern: (optimized[3] ?? '') as Pattern,
      sdk: false,
    };
  const lambda = FUNCTION_ARN.exec(resource);
  if (lambda)
    return {
      service: 'lambda',
      action: 'invoke',
      pattern: '',
      sdk: false,
      functionArn: resource,
      region: lambda[1],
    };
  return undefined;
}

const runtime = (cause: string): TaskOutcome => ({ error: 'States.Runtime', cause });

function pollSeconds(): number {
  const value = Number(process.env.SIGNOFF_AWS_POLL_SECONDS);
  return Number.isFinite(value) && value > 0 ? value : 5;
}

async function call(
  service: AwsService,
  target: Target,
  action: string,
  input: Record<string, unknown>,
): Promise<{ ok: SdkOutput } | { failed: TaskOutcome }> {
  const Command = await awsCommand(service, action);
  if (!Command) return { failed: runtime(`The AWS service '${target.service}' has no action '${action}'.`) };
  try {
    const client = await awsClient(service, target.region ?? awsRegion());
    return { ok: (await client.send(new Command(input))) as SdkOutput };
  } catch (error) {
    return { failed: awsFailure(error, service, target.sdk) };
  }
}

async function invokeFunctionArn(
  service: AwsService,
  target: Target,
  input: JsonValue,
): Promise<TaskOutcome> {
  const request = lambdaRequest({ FunctionName: target.functionArn ?? '', Payload: input });
  const answer = await call(service, target, 'invoke', request);
  if ('failed' in answer) return answer.failed;
  return lambdaFunctionError(answer.ok) ?? { output: lambdaPayload(answer.ok) };
}

/**
 * A Map's ResultWriter (`arn:aws:states:::s3:putObject`): the results go to S3 as AWS lays them
 * out — `<Prefix>/<map run id>/SUCCEEDED_0.json`, `FAILED_0.json` and `manifest.json` — and the
 * answer says where: `{ MapRunArn, ResultWriterDetails: { Bucket, Key } }`.
 */
async function writeResults(service: AwsService, target: Target, params: JsonObject): Promise<TaskOutcome> {
  const bucket = String(params.Bucket ?? '');
  const prefix = String(params.Prefix ?? '').replace(/\/+$/, '');
  const mapRunArn = typeof params.MapRunArn === 'string' ? params.MapRunArn : null;
  const runId = mapRunArn?.split(':').pop() ?? randomUUID();
  const base = `${prefix ? `${prefix}/` : ''}${runId}`;
  const results = Array.isArray(params.Results) ? params.Results : [];
  const files: Record<'SUCCEEDED' | 'FAILED' | 'PENDING', { Key: string; Size: number }[]> = {
    SUCCEEDED: [],
    FAILED: [],
    PENDING: [],
  };
  for (const status of ['SUCCEEDED', 'FAILED'] as const) {
    const own = results.filter((r) => asObject(r).Status === status);
    if (own.length === 0) continue;
    const Key = `${base}/${status}_0.json`;
    const Body = JSON.stringify(own);
    const put = await call(service, target, 'putObject', {
      Bucket: bucket,
      Key,
      Body,
      ContentType: 'application/json',
    });
    if ('failed' in put) return put.failed;
    files[status].push({ Key, Size: Buffer.byteLength(Body) });
  }
  const Key = `${base}/manifest.json`;
  const manifest = { DestinationBucket: bucket, MapRunArn: mapRunArn, ResultFiles: files };
  const put = await call(service, target, 'putObject', {
    Bucket: bucket,
    Key,
    Body: JSON.stringify(manifest),
    ContentType: 'application/json',
  });
  if ('failed' in put) return put.failed;
  return { output: { MapRunArn: mapRunArn, ResultWriterDetails: { Bucket: bucket, Key } } };
}

async function start(service: AwsService, target: Target, params: JsonObject): Promise<InvokeOutcome> {
  const name = `${service.key}:${target.action}`;
  if (name === 's3:putObject' && !target.sdk) return writeResults(service, target, params);
  const adapter = target.sdk ? undefined : ADAPTERS[name];
  const poller = target.pattern.startsWith('.sync') ? POLLERS[name] : undefined;
  if (target.pattern.startsWith('.sync') && !poller)
    return runtime(
      `'${name}' has no ${target.pattern} integration; only ecs:runTask, glue:startJobRun and athena:startQueryExecution do.`,
    );
  const request = adapter?.request ? adapter.request(params) : params;
  const input = toSdkInput(request as JsonObject, service.camelCase) as Record<string, unknown>;
  const answer = await call(service, target, target.action, input);
  if ('failed' in answer) return answer.failed;
  const output = name === 's3:listObjectsV2' ? await allPages(service, target, input, answer.ok) : answer.ok;
  if ('failed' in output) return output.failed as TaskOutcome;
  if (poller) {
    const started = poller.started(output, params);
    if ('failed' in started) return started.failed;
    return { poll: started.ref, afterSeconds: pollSeconds() };
  }
  if (target.sdk) return { output: fromSdkOutput(output, service.camelCase) };
  return adapter?.response
    ? await adapter.response(output)
    : { output: withMetadata(output, fromSdkOutput(output, service.camelCase)) };
}

/** Every page of a bucket listing (a Distributed Map reads the whole bucket, as AWS's does). */
async function allPages(
  service: AwsService,
  target: Target,
  input: Record<string, unknown>,
  first: SdkOutput,
): Promise<SdkOutput | { failed: TaskOutcome }> {
  const contents = [...((first.Contents as unknown[] | undefined) ?? [])];
  let page = first;
  while (page.IsTruncated && page.NextContinuationToken) {
    const next = await call(service, target, 'listObjectsV2', {
      ...input,
      ContinuationToken: page.NextContinuationToken,
    });
    if ('failed' in next) return next;
    page = next.ok;
    contents.push(...((page.Contents as unknown[] | undefined) ?? []));
  }
  return { ...first, Contents: contents, IsTruncated: false, KeyCount: contents.length };
}

async function poll(service: AwsService, target: Target, ref: JsonObject): Promise<InvokeOutcome> {
  const poller = POLLERS[`${service.key}:${target.action}`];
  if (!poller) return runtime(`'${target.service}:${target.action}' cannot be polled.`);
  const answer = await call(service, target, poller.describe.action, poller.describe.input(ref));
  if ('failed' in answer) return answer.failed;
  const settled = poller.settle(answer.ok);
  return settled === 'running' ? { poll: ref, afterSeconds: pollSeconds() } : settled;
}

export const awsIntegration: Integration = {
  name: 'aws',
  matches: (resource) => parseAwsResource(resource) !== undefined,
  start: async (_tx, task) => ({ kind: 'invoke', callback: task.resource.endsWith('.waitForTaskToken') }),
  async invoke(resource, input, polled): Promise<InvokeOutcome> {
    const target = parseAwsResource(resource);
    if (!target) return runtime(`'${resource}' is not an AWS resource.`);
    const service = awsService(target.service);
    if (!service)
      return runtime(
        `The AWS service '${target.service}' is not available here: no AWS SDK client for it is installed.`,
      );
    if (target.functionArn) return invokeFunctionArn(service, target, input);
    if (polled !== undefined) return poll(service, target, asObject(polled));
    return start(service, target, asObject(input));
  },
};
