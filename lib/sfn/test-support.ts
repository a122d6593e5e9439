/**
 * Test fixtures for /api/sfn: a real SFNClient (its serializers, SigV4 signer and typed
 * exceptions) whose HTTP handler calls the route handler in-process.
 */
import { Readable } from 'node:stream';
import { SFNClient } from '@aws-sdk/client-sfn';
import { HttpResponse, type HttpRequest } from '@smithy/core/protocols';
import { createApiKey } from '../auth/api-keys';
import { handleSfnRequest } from './handle-sfn-request';

export const ENDPOINT = 'http://127.0.0.1:3000/api/sfn';

/** HttpRequest → fetch Request, the way Node's HTTP stack would deliver it to Next.js. */
export function toFetchRequest(request: HttpRequest): Request {
  const query = new URLSearchParams(request.query as Record<string, string>).toString();
  const url = `${request.protocol}//${request.hostname}${request.port ? `:${request.port}` : ''}${request.path}${query ? `?${query}` : ''}`;
  return new Request(url, {
    method: request.method,
    headers: request.headers,
    body: request.body as string | undefined,
  });
}

const inProcessHandler = {
  async handle(request: HttpRequest) {
    const response = await handleSfnRequest(toFetchRequest(request));
    const headers = Object.fromEntries(response.headers.entries());
    const body = Readable.from([Buffer.from(await response.arrayBuffer())]);
    return { response: new HttpResponse({ statusCode: response.status, headers, body }) };
  },
  updateHttpClientConfig() {},
  httpHandlerConfigs: () => ({}),
};

export function sfnClient(
  credentials: { id: string; secret: string },
  options: { systemClockOffset?: number } = {},
): SFNClient {
  return new SFNClient({
    endpoint: ENDPOINT,
    region: 'us-east-1',
    credentials: { accessKeyId: credentials.id, secretAccessKey: credentials.secret },
    requestHandler: inProcessHandler,
    maxAttempts: 1,
    // TestState goes to the `sync-` host on AWS; against one endpoint the prefix must stay off.
    disableHostPrefix: true,
    ...options,
  });
}

export async function newKeyAndClient(name = 'sfn-test') {
  const key = await createApiKey({ name });
  return { key, client: sfnClient(key) };
}

export function passMachine(result: unknown = 'done'): string {
  return JSON.stringify({ StartAt: 'Only', States: { Only: { Type: 'Pass', Result: result, End: true } } });
}

/** A `.waitForTaskToken` task whose token shows in TaskScheduled's parameters. */
export function callbackMachine(): string {
  return JSON.stringify({
    StartAt: 'Wait for callback',
    States: {
      'Wait for callback': {
        Type: 'Task',
        Resource: 'arn:aws:states:::callback.waitForTaskToken',
        Parameters: { 'token.$': '$$.Task.Token', 'order.$': '$.order' },
        End: true,
      },
    },
  });
}
