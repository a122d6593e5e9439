import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { call } from './test-client';
import * as workflows from './workflows/route';
import * as validate from './workflows/validate/route';
import * as workflow from './workflows/[id]/route';
import * as versions from './workflows/[id]/versions/route';
import * as version from './workflows/[id]/versions/[version]/route';

const definition = { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } };

describe('/api/v1/workflows', () => {
  it('401s without or with a bad API key, in the error shape', async () => {
    expect(await call(workflows.GET, { auth: false })).toEqual({
      status: 401,
      body: {
        error: {
          code: 'UNAUTHORIZED',
          message: 'Send an API key as "Authorization: Bearer <id>.<secret>".',
          details: null,
        },
      },
    });
    expect((await call(workflows.GET, { auth: 'Bearer SOAAAAAAAAAAAAAAAAAAAA.nope' })).status).toBe(401);
  });

  it('creates (201), lists, gets, versions and deletes', async () => {
    const created = await call(workflows.POST, { body: { name: 'api-wf', definition, tags: { a: 'b' } } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'api-wf',
      currentVersion: 1,
      tags: { a: 'b' },
      definition: JSON.stringify(definition, null, 2),
    });
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { action: 'WORKFLOW_CREATED', targetId: created.body.id },
    });
    expect(audit).toMatchObject({
      actorType: 'apiKey',
      actorLabel: 'route-tests',
      ip: '203.0.113.7',
      userAgent: 'route-test',
    });
    const list = await call(workflows.GET);
    expect(list.body.workflows.map((w: { name: string }) => w.name)).toContain('api-wf');
    expect((await call(workflow.GET, { params: { id: 'api-wf' } })).body.id).toBe(created.body.id);
    const v2 = await call(versions.POST, {
      params: { id: 'api-wf' },
      body: { definition: JSON.stringify(definition) },
    });
    expect(v2).toMatchObject({ status: 201, body: { created: true, workflow: { currentVersion: 2 } } });
    const same = await call(workflow.PUT, {
      params: { id: 'api-wf' },
      body: { definition: JSON.stringify(definition) },
    });
    expect(same).toMatchObject({ status: 200, body: { created: false, workflow: { currentVersion: 2 } } });
    expect((await call(version.GET, { params: { id: 'api-wf', version: '1' } })).body).toMatchObject({
      version: 1,
    });
    expect((await call(version.GET, { params: { id: 'api-wf', version: 'x' } })).status).toBe(400);
    expect(await call(workflow.DELETE, { params: { id: 'api-wf' } })).toEqual({
      status: 200,
      body: { id: created.body.id, name: 'api-wf' },
    });
    expect((await call(workflow.GET, { params: { id: 'api-wf' } })).status).toBe(404);
  });

  it('400s with zod details for bad bodies, malformed JSON and invalid definitions', async () => {
    const missing = await call(workflows.POST, { body: { name: 'bad name!' } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('INVALID_INPUT');
    expect(missing.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'definition',
      'name',
    ]);
    expect(await call(workflows.POST, { rawBody: '{"name":' })).toEqual({
      status: 400,
      body: {
        error: { code: 'INVALID_INPUT', message: 'The request body is not valid JSON.', details: null },
      },
    });
    expect((await call(workflows.POST, { body: [1, 2] })).status).toBe(400);
    const invalid = await call(workflows.POST, {
      body: { name: 'api-invalid', definition: { StartAt: 'Nope', States: {} } },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details[0]).toMatchObject({
      path: expect.any(String),
      code: expect.any(String),
      message: expect.any(String),
    });
    expect((await call(workflow.PUT, { params: { id: 'ghost' }, body: { definition } })).status).toBe(404);
  });

  it('validates a definition without storing it', async () => {
    const good = await call(validate.POST, { body: { definition } });
    expect(good).toEqual({ status: 200, body: { ok: true, errors: [], warnings: [] } });
    const bad = await call(validate.POST, {
      body: { definition: '{"StartAt":"X","States":{"A":{"Type":"Pass","Next":"B"}}}' },
    });
    expect(bad.status).toBe(200);
    expect(bad.body.ok).toBe(false);
    expect(bad.body.errors.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['/StartAt', '/States/A/Next']),
    );
  });
});
