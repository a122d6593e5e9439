/**
 * What the optimized integrations add to a plain SDK call, action by action: Step Functions'
 * request conveniences (a JSON value where the API takes text), result shapes (Lambda's parsed
 * Payload, `SdkHttpMetadata`), failures a 200 can carry (a Lambda function error, EventBridge
 * failed entries), and for `.sync` how to find the job and poll it to its end.
 */
import type { JsonObject, JsonValue } from '../../../asl';
import type { TaskOutcome } from '../integration';
import { asObject, asText, fromSdkOutput } from './aws-json';

export type SdkOutput = Record<string, unknown> & {
  $metadata?: { httpStatusCode?: number; requestId?: string };
};

export interface ActionAdapter {
  request?(params: JsonObject): Record<string, unknown>;
  /** The task's outcome from the SDK's answer (default: the answer with Step Functions' metadata). */
  response?(output: SdkOutput): TaskOutcome | Promise<TaskOutcome>;
}

/** A `.sync` job: what to remember after starting it, and one poll of it. */
export interface SyncPoller {
  started(output: SdkOutput, params: JsonObject): { ref: JsonObject } | { failed: TaskOutcome };
  /** The SDK action that describes the job, its input, and what its answer means. */
  describe: { action: string; input(ref: JsonObject): Record<string, unknown> };
  settle(output: SdkOutput): TaskOutcome | 'running';
}

/** Step Functions' result of an optimized integration: the API's answer plus HTTP metadata. */
export function withMetadata(output: SdkOutput, body: JsonValue = fromSdkOutput(output, false)): JsonObject {
  return {
    ...asObject(body),
    SdkHttpMetadata: { HttpStatusCode: output.$metadata?.httpStatusCode ?? 200 },
    SdkResponseMetadata: { RequestId: output.$metadata?.requestId ?? '' },
  };
}

const json = (text: string): JsonValue => {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return text;
  }
};

/** Lambda's Payload: whatever JSON the function returned (text when it is not JSON). */
export function lambdaPayload(output: SdkOutput): JsonValue {
  const payload = output.Payload;
  if (!(payload instanceof Uint8Array) || payload.length === 0) return null;
  return json(Buffer.from(payload).toString('utf8'));
}

/** A function that threw: its errorType is the Task's error, its whole answer the cause (as AWS). */
export function lambdaFunctionError(output: SdkOutput): TaskOutcome | undefined {
  if (!output.FunctionError) return undefined;
  const text = output.Payload instanceof Uint8Array ? Buffer.from(output.Payload).toString('utf8') : '';
  const payload = json(text);
  const type = asObject(payload).errorType;
  return { error: typeof type === 'string' && type ? type : 'Lambda.Unknown', cause: text };
}

export const lambdaRequest = (params: JsonObject): Record<string, unknown> => ({
  ...params,
  ...(params.Payload !== undefined ? { Payload: Buffer.from(JSON.stringify(params.Payload)) } : {}),
});

const textFields =
  (...fields: string[]) =>
  (params: JsonObject): Record<string, unknown> => {
    const out: Record<string, unknown> = { ...params };
    for (const field of fields) if (params[field] !== undefined) out[field] = asText(params[field]);
    return out;
  };

export const ADAPTERS: Record<string, ActionAdapter> = {
  'lambda:invoke': {
    request: lambdaRequest,
    response(output) {
      const failed = lambdaFunctionError(output);
      if (failed) return failed;
      return {
        output: {
          ExecutedVersion: (output.ExecutedVersion as string | undefined) ?? '$LATEST',
          Payload: lambdaPayload(output),
          ...withMetadata(output, {}),
          StatusCode: (output.StatusCode as number | undefined) ?? 200,
        },
      };
    },
  },
  'sqs:sendMessage': { request: textFields('MessageBody') },
  // A Distributed Map's ItemReader: the object's text (its items are parsed by the Map).
  's3:getObject': {
    async response(output) {
      const body = output.Body as { transformToString?: () => Promise<string> } | undefined;
      const text = body?.transformToString ? await body.transformToString() : '';
      const { Body: _body, ...rest } = output;
      return {
        output: withMetadata(rest as SdkOutput, { ...asObject(fromSdkOutput(rest, false)), Body: text }),
      };
    },
  },
  'sns:publish': { request: textFields('Message') },
  'events:putEvents': {
    request: (params) => ({
      ...params,
      Entries: Array.isArray(params.Entries)
        ? params.Entries.map((e) => textFields('Detail')(asObject(e)))
        : params.Entries,
    }),
    response(output) {
      const body = withMetadata(output);
      if (typeof output.FailedEntryCount === 'number' && output.FailedEntryCount > 0)
        return { error: 'EventBridge.FailedEntry', cause: JSON.stringify(fromSdkOutput(output, false)) };
      return { output: body };
    },
  },
};

const failedJob = (description: JsonValue): TaskOutcome => ({
  error: 'States.TaskFailed',
  cause: JSON.stringify(description),
});

export const POLLERS: Record<string, SyncPoller> = {
  'ecs:runTask': {
    started(output, params) {
      const tasks = (output.tasks as { taskArn?: string }[] | undefined) ?? [];
      if (!tasks[0]?.taskArn)
        return {
          failed: { error: 'ECS.AmazonECSException', cause: JSON.stringify(fromSdkOutput(output, true)) },
        };
      return {
        ref: { cluster: (params.Cluster as string | undefined) ?? 'default', task: tasks[0].taskArn },
      };
    },
    describe: {
      action: 'describeTasks',
      input: (ref) => ({ cluster: ref.cluster, tasks: [ref.task] }),
    },
    settle(output) {
      const task = ((output.tasks as Record<string, unknown>[] | undefined) ?? [])[0];
      if (!task) return failedJob(fromSdkOutput(output, true));
      if (task.lastStatus !== 'STOPPED') return 'running';
      const described = fromSdkOutput(task, true);
      const containers = (task.containers as { exitCode?: number }[] | undefined) ?? [];
      return containers.some((c) => typeof c.exitCode === 'number' && c.exitCode !== 0)
        ? failedJob(described)
        : { output: described };
    },
  },
  'glue:startJobRun': {
    started: (output, params) => ({
      ref: { JobName: params.JobName ?? null, RunId: (output.JobRunId as string) ?? null },
    }),
    describe: { action: 'getJobRun', input: (ref) => ({ JobName: ref.JobName, RunId: ref.RunId }) },
    settle(output) {
      const run = (output.JobRun ?? {}) as Record<string, unknown>;
      const state = run.JobRunState;
      if (state === 'SUCCEEDED') return { output: fromSdkOutput(run, false) };
      if (
        state === 'FAILED' ||
        state === 'ERROR' ||
        state === 'TIMEOUT' ||
        state === 'STOPPED' ||
        state === 'EXPIRED'
      )
        return failedJob(fromSdkOutput(run, false));
      return 'running';
    },
  },
  'athena:startQueryExecution': {
    started: (output) => ({ ref: { QueryExecutionId: (output.QueryExecutionId as string) ?? null } }),
    describe: { action: 'getQueryExecution', input: (ref) => ({ QueryExecutionId: ref.QueryExecutionId }) },
    settle(output) {
      const query = (output.QueryExecution ?? {}) as { Status?: { State?: string } };
      const state = query.Status?.State;
      const described = { QueryExecution: fromSdkOutput(query, false) };
      if (state === 'SUCCEEDED') return { output: described };
      if (state === 'FAILED' || state === 'CANCELLED') return failedJob(described);
      return 'running';
    },
  },
};
