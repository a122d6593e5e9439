import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import {
  callbackDefinition,
  createTestWorkflow,
  runEngineUntilIdle,
  taskTokenFromHistory,
} from '@/lib/executions/test-support';
import { call } from './test-client';
import * as executions from './executions/route';
import * as execution from './executions/[id]/route';
import * as history from './executions/[id]/history/route';
import * as stop from './executions/[id]/stop/route';
import * as redrive from './executions/[id]/redrive/route';
import * as success from './tasks/success/route';
import * as failure from './tasks/failure/route';
import * as heartbeat from './tasks/heartbeat/route';

// No worker runs in this file: executions stay RUNNING until runEngineUntilIdle() drives the engine.
beforeAll(async () => {
  await createTestWorkflow('api-exec');
  await createTestWorkflow('api-callback', callbackDefinition());
});

describe('/api/v1/executions', () => {
  it('starts (201), repeats idempotently (200), conflicts (409) and describes', async () => {
    const started = await call(executions.POST, {
      body: { workflowName: 'api-exec', name: 'one', input: { n: 1 } },
    });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({
      name: 'one',
      status: 'RUNNING',
      version: 1,
      input: { n: 1 },
      requester: { type: 'apiKey' },
    });
    expect(
      await call(executions.POST, { body: { workflowId: 'api-exec', name: 'one', input: '{"n":1}' } }),
    ).toMatchObject({ status: 200, body: { id: started.body.id } });
    const conflict = await call(executions.POST, {
      body: { workflowId: 'api-exec', name: 'one', input: { n: 2 } },
    });
    expect(conflict).toMatchObject({
      status: 409,
      body: { error: { code: 'CONFLICT', details: { awsErrorType: 'ExecutionAlreadyExists' } } },
    });
    const described = await call(execution.GET, { params: { id: started.body.id } });
    expect(described).toEqual({ status: 200, body: started.body });
  });

  it('400s bad bodies, 404s unknown ids, 413s big input', async () => {
    const noWorkflow = await call(executions.POST, { body: { input: {} } });
    expect(noWorkflow).toEqual({
      status: 400,
      body: {
        error: {
          code: 'INVALID_INPUT',
          message: 'The request is invalid.',
          details: [{ path: 'workflowId', message: 'Give workflowId or workflowName.' }],
        },
      },
    });
    expect(
      (await call(executions.POST, { body: { workflowId: 'api-exec', version: 'one' } })).body.error
        .details[0].path,
    ).toBe('version');
    expect((await call(executions.POST, { body: { workflowId: 'api-exec', input: '{oops' } })).status).toBe(
      400,
    );
    expect((await call(executions.POST, { body: { workflowId: 'nope' } })).status).toBe(404);
    expect(
      (await call(executions.POST, { body: { workflowId: 'api-exec', input: { s: 'x'.repeat(300_000) } } }))
        .body.error.code,
    ).toBe('LIMIT_EXCEEDED');
    for (const handler of [execution.GET, history.GET])
      expect((await call(handler, { params: { id: 'missing' } })).status).toBe(404);
    expect((await call(stop.POST, { params: { id: 'missing' }, body: {} })).status).toBe(404);
    expect((await call(redrive.POST, { params: { id: 'missing' }, body: {} })).status).toBe(404);
    expect((await call(stop.POST, { params: { id: 'missing' }, body: { error: 5 } })).status).toBe(400);
  });

  it('lists with filters and a nextToken; bad query values are 400', async () => {
    for (const name of ['l1', 'l2', 'l3'])
      await call(executions.POST, { body: { workflowId: 'api-exec', name } });
    const first = await call(executions.GET, { query: { workflowId: 'api-exec', maxResults: '2' } });
    expect(first.status).toBe(200);
    expect(first.body.executions).toHaveLength(2);
    const rest = await call(executions.GET, {
      query: { workflowId: 'api-exec', nextToken: first.body.nextToken },
    });
    const names = [...first.body.executions, ...rest.body.executions].map((e: { name: string }) => e.name);
    expect(new Set(names).size).toBe(names.length);
    expect(
      (await call(executions.GET, { query: { status: 'RUNNING' } })).body.executions.length,
    ).toBeGreaterThanOrEqual(4);
    expect((await call(executions.GET, { query: { status: 'BOGUS' } })).status).toBe(400);
    expect((await call(executions.GET, { query: { maxResults: '0' } })).status).toBe(400);
    expect((await call(executions.GET, { query: { startedAfter: 'yesterday' } })).status).toBe(400);
    expect((await call(executions.GET, { query: { nextToken: '!!!' } })).status).toBe(400);
  });

  it('stops (then 409), redrives and shows history', async () => {
    const { body: started } = await call(executions.POST, {
      body: { workflowId: 'api-exec', name: 'stop-me' },
    });
    const stopped = await call(stop.POST, {
      params: { id: started.id },
      body: { error: 'Manual', cause: 'why not' },
    });
    expect(stopped).toMatchObject({ status: 200, body: { status: 'ABORTED', error: 'Manual' } });
    expect((await call(stop.POST, { params: { id: started.id }, body: {} })).status).toBe(409);
    expect((await call(redrive.POST, { params: { id: started.id } })).body.status).toBe('RUNNING');
    const events = await call(history.GET, {
      params: { id: started.id },
      query: { reverseOrder: 'true', maxResults: '1' },
    });
    expect(events.body.events).toHaveLength(1);
    expect(events.body.events[0].type).toBe('ExecutionRedriven');
    expect(events.body.nextToken).toEqual(expect.any(String));
    expect(
      (await call(history.GET, { params: { id: started.id }, query: { reverseOrder: 'maybe' } })).status,
    ).toBe(400);
  });
});

describe('/api/v1/tasks', () => {
  it('completes a token from the body, maps engine errors and validates bodies', async () => {
    const { body: started } = await call(executions.POST, {
      body: { workflowId: 'api-callback', name: 'tokened' },
    });
    await runEngineUntilIdle();
    const token = taskTokenFromHistory((await call(history.GET, { params: { id: started.id } })).body.events);
    expect(await call(heartbeat.POST, { body: { taskToken: token } })).toEqual({
      status: 200,
      body: { executionId: started.id, stateName: 'Await' },
    });
    expect(await call(success.POST, { body: { taskToken: token, output: { ok: true } } })).toEqual({
      status: 200,
      body: { executionId: started.id, stateName: 'Await' },
    });
    const again = await call(failure.POST, { body: { taskToken: token, error: 'E' } });
    expect(again).toMatchObject({
      status: 410,
      body: { error: { code: 'LINK_EXPIRED', details: { awsErrorType: 'TaskTimedOut' } } },
    });
    await runEngineUntilIdle();
    expect(await call(execution.GET, { params: { id: started.id } })).toMatchObject({
      status: 200,
      body: { status: 'SUCCEEDED', output: { ok: true } },
    });
    expect(
      await db.auditEntry.count({ where: { action: 'TASK_TOKEN_COMPLETED', targetId: started.id } }),
    ).toBe(1);
    expect(
      (await call(success.POST, { body: { taskToken: 'unknown', output: {} } })).body.error.details,
    ).toEqual({ awsErrorType: 'InvalidToken' });
    expect((await call(success.POST, { body: { output: {} } })).status).toBe(400);
    expect((await call(success.POST, { body: { taskToken: token } })).body.error.details).toEqual([
      { path: 'output', message: 'Give the task output (JSON).' },
    ]);
    expect((await call(failure.POST, { body: { taskToken: token, error: 'x'.repeat(300) } })).status).toBe(
      400,
    );
    expect((await call(heartbeat.POST, { rawBody: 'not json' })).status).toBe(400);
    expect((await call(success.POST, { auth: false, body: { taskToken: token, output: {} } })).status).toBe(
      401,
    );
  });
});
