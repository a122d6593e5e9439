import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, revokeApiKey } from '@/lib/auth/api-keys';
import { API_SCOPES, type ApiScope } from '@/lib/auth/scopes';
import { db } from '@/lib/db/client';
import { callbackDefinition, createTestWorkflow } from '@/lib/executions/test-support';
import { apiOperations } from '@/lib/http/api-operations';
import { call } from './test-client';
import * as openapi from './openapi.json/route';
import * as executions from './executions/route';
import * as execution from './executions/[id]/route';
import * as history from './executions/[id]/history/route';
import * as stop from './executions/[id]/stop/route';

async function bearer(scopes?: ApiScope[], expiresAt?: Date) {
  const { id, secret } = await createApiKey({ name: 'scoped', scopes, expiresAt });
  return { id, header: `Bearer ${id}.${secret}` };
}
const everyScopeBut = (scope: ApiScope) => API_SCOPES.filter((s) => s !== scope && s !== 'admin');

let runningId: string;
beforeAll(async () => {
  // No engine runs in this file: executions stay RUNNING.
  await createTestWorkflow('scoped-api', callbackDefinition());
  const admin = await bearer(['admin']);
  runningId = (await call(executions.POST, { auth: admin.header, body: { workflowName: 'scoped-api' } })).body
    .id;
});

describe('/api/v1 scopes', () => {
  it('403s POST /executions without executions:write, in the error shape, writing nothing', async () => {
    const { header } = await bearer(everyScopeBut('executions:write'));
    const before = { executions: await db.execution.count(), audit: await db.auditEntry.count() };
    expect(await call(executions.POST, { auth: header, body: { workflowName: 'scoped-api' } })).toEqual({
      status: 403,
      body: {
        error: {
          code: 'FORBIDDEN',
          message: 'This API key lacks the scope executions:write.',
          details: { scope: 'executions:write' },
        },
      },
    });
    expect({ executions: await db.execution.count(), audit: await db.auditEntry.count() }).toEqual(before);
  });

  it('401s revoked and expired keys, writing nothing', async () => {
    const revoked = await bearer();
    await revokeApiKey({ id: revoked.id });
    const expired = await bearer(undefined, new Date(Date.now() + 60_000));
    await db.apiKey.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    const before = await db.execution.count();
    for (const { header } of [revoked, expired]) {
      expect(
        await call(executions.POST, { auth: header, body: { workflowName: 'scoped-api' } }),
      ).toMatchObject({
        status: 401,
        body: { error: { code: 'UNAUTHORIZED' } },
      });
    }
    expect(await db.execution.count()).toBe(before);
  });

  it('lets an executions:read key list, describe and read history, but not stop', async () => {
    const { header } = await bearer(['executions:read']);
    const listed = await call(executions.GET, { auth: header });
    expect(listed.status).toBe(200);
    expect(listed.body.executions.map((e: { id: string }) => e.id)).toContain(runningId);
    expect(await call(execution.GET, { auth: header, params: { id: runningId } })).toMatchObject({
      status: 200,
      body: { status: 'RUNNING' },
    });
    expect((await call(history.GET, { auth: header, params: { id: runningId } })).status).toBe(200);
    expect(await call(stop.POST, { auth: header, params: { id: runningId }, body: {} })).toMatchObject({
      status: 403,
      body: { error: { code: 'FORBIDDEN', message: 'This API key lacks the scope executions:write.' } },
    });
    expect((await db.execution.findUniqueOrThrow({ where: { id: runningId } })).status).toBe('RUNNING');
  });

  it('lets an admin key start and stop', async () => {
    const { header } = await bearer(['admin']);
    const started = await call(executions.POST, { auth: header, body: { workflowName: 'scoped-api' } });
    expect(started.status).toBe(201);
    const stopped = await call(stop.POST, { auth: header, params: { id: started.body.id }, body: {} });
    expect(stopped).toMatchObject({ status: 200, body: { status: 'ABORTED' } });
  });
});

/** A request each operation accepts far enough to reach its service (ids that do not exist are fine). */
const samples: Record<string, { body?: unknown }> = {
  'post /api/v1/workflows': {
    body: { name: 'scope-probe', definition: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } } },
  },
  'post /api/v1/workflows/validate': { body: { definition: '{}' } },
  'put /api/v1/workflows/{id}': { body: { definition: '{}' } },
  'post /api/v1/workflows/{id}/versions': { body: { definition: '{}' } },
  'post /api/v1/executions': { body: { workflowId: 'nope' } },
  'post /api/v1/executions/{id}/stop': { body: {} },
  'post /api/v1/tasks/success': { body: { taskToken: 'nope', output: {} } },
  'post /api/v1/tasks/failure': { body: { taskToken: 'nope' } },
  'post /api/v1/tasks/heartbeat': { body: { taskToken: 'nope' } },
  'post /api/v1/activities': { body: { name: 'scope-probe' } },
  'post /api/v1/activities/{name}/poll': { body: { waitSeconds: 0 } },
};

type RouteHandler = Parameters<typeof call<Record<string, string>>>[0];

async function handlerOf(method: string, path: string): Promise<RouteHandler> {
  const file = join(
    process.cwd(),
    'app',
    path.replace(/^\/api/, 'api').replace(/\{(\w+)\}/g, '[$1]'),
    'route.ts',
  );
  const route = (await import(file)) as Record<string, RouteHandler>;
  return route[method.toUpperCase()];
}

describe('the scope each operation documents', () => {
  const keyed = apiOperations.filter((op) => op.auth !== 'none');

  it('is in the OpenAPI document for every operation that takes a key', async () => {
    const { body: doc } = await call(openapi.GET, { auth: false });
    expect(keyed.length).toBeGreaterThanOrEqual(24);
    for (const op of keyed) {
      expect(op.scope, `${op.method} ${op.path}`).toBeDefined();
      expect(doc.paths[op.path][op.method]).toMatchObject({
        security: [{ apiKey: [op.scope] }],
        description: expect.stringContaining(`\`${op.scope}\``),
      });
    }
  });

  it.each(keyed.map((op) => [`${op.method} ${op.path}`, op.scope!] as const))(
    '%s: 403 without %s, past the check with only it',
    async (operation, scope) => {
      const [method, path] = operation.split(' ');
      const handler = await handlerOf(method, path);
      const request = { ...samples[operation], params: { id: 'nope', name: 'nope', version: '1' } };
      const without = await call(handler, { ...request, auth: (await bearer(everyScopeBut(scope))).header });
      expect(without).toMatchObject({
        status: 403,
        body: { error: { code: 'FORBIDDEN', message: `This API key lacks the scope ${scope}.` } },
      });
      const withOnly = await call(handler, { ...request, auth: (await bearer([scope])).header });
      expect(withOnly.status, JSON.stringify(withOnly.body)).not.toBe(403);
    },
  );
});
