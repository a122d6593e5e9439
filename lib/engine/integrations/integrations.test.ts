/** http:invoke against a loopback server, function errors as ASL errors, unknown resources. */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerFunction } from '../index';
import { getExecution, runUntilIdle, startTestExecution } from '../testing/harness';

let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const status = request.url?.startsWith('/missing') ? 404 : 200;
      response.writeHead(status, { 'content-type': 'application/json', 'x-test': 'yes' });
      response.end(
        JSON.stringify({ method: request.method, url: request.url, body: body ? JSON.parse(body) : null }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('integrations', () => {
  it('http:invoke returns AWS HTTP Task fields; a 404 fails with States.Http.StatusCode.404 that Catch matches', async () => {
    const id = await startTestExecution({
      definition: {
        StartAt: 'Post',
        States: {
          Post: {
            Type: 'Task',
            Resource: 'http:invoke',
            ResultSelector: {
              'StatusCode.$': '$.StatusCode',
              'ResponseBody.$': '$.ResponseBody',
              'Header.$': '$.Headers.x-test',
            },
            Parameters: {
              Method: 'POST',
              'ApiEndpoint.$': '$.url',
              QueryParameters: { q: '1' },
              RequestBody: { hello: 'world' },
            },
            ResultPath: '$.post',
            Next: 'Missing',
          },
          Missing: {
            Type: 'Task',
            Resource: 'http:invoke',
            Parameters: { Method: 'GET', 'ApiEndpoint.$': "States.Format('{}/missing', $.base)" },
            Catch: [{ ErrorEquals: ['States.Http.StatusCode.404'], ResultPath: '$.missing', Next: 'Done' }],
            End: true,
          },
          Done: { Type: 'Pass', End: true },
        },
      },
      input: { url: `${base}/things`, base },
    });
    await runUntilIdle();
    const execution = await getExecution(id);
    expect(execution).toMatchObject({
      status: 'SUCCEEDED',
      output: {
        post: {
          StatusCode: 200,
          Header: 'yes',
          ResponseBody: { method: 'POST', url: '/things?q=1', body: { hello: 'world' } },
        },
        missing: { Error: 'States.Http.StatusCode.404' },
      },
    });
  });

  it('turns a thrown error into the task error and fails unknown resources with States.Runtime', async () => {
    registerFunction('always-fails', () => {
      throw Object.assign(new Error('no luck'), { name: 'Custom.Failure' });
    });
    const failing = await startTestExecution({
      definition: {
        StartAt: 'F',
        States: { F: { Type: 'Task', Resource: 'function:always-fails', End: true } },
      },
    });
    const unknown = await startTestExecution({
      definition: { StartAt: 'U', States: { U: { Type: 'Task', Resource: 'nothing:here', End: true } } },
    });
    const summary = await startTestExecution({
      definition: {
        StartAt: 'S',
        States: { S: { Type: 'Task', Resource: 'function:summarize-records', End: true } },
      },
      input: { records: [{ amount: 2 }, { amount: 5 }], field: 'amount' },
    });
    await runUntilIdle();
    expect(await getExecution(failing)).toMatchObject({
      status: 'FAILED',
      error: 'Custom.Failure',
      cause: 'no luck',
    });
    expect(await getExecution(unknown)).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(await getExecution(summary)).toMatchObject({
      status: 'SUCCEEDED',
      output: { count: 2, total: 7, min: 2, max: 5 },
    });
  });
});
