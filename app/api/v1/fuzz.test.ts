/**
 * Property tests (issue 14, fuzzed inputs): every /api/v1 route handler and method gets hostile
 * bodies (wrong types, huge strings, 10,000-deep nesting, invalid UTF-8, out-of-range numbers,
 * prototype-pollution keys), query strings and path params. Each answer is below 500, in the
 * error shape when refused, without a stack trace; a refusal writes no row; Object.prototype
 * stays clean; and each handler still answers a good request correctly afterwards.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import {
  callbackDefinition,
  createTestWorkflow,
  passDefinition,
  runEngineUntilIdle,
  taskTokenFromHistory,
} from '@/lib/executions/test-support';
import {
  expectNoLeak,
  expectPrototypesUntouched,
  good,
  hostileBody,
  hostileJsonTextField,
  hostileKey,
  hostileString,
  prototypeSnapshot,
  rowCounts,
} from '@/lib/http/fuzz-support';
import { call, callRaw } from './test-client';
import * as catchAll from './[...path]/route';
import * as poll from './activities/[name]/poll/route';
import * as activity from './activities/[name]/route';
import * as activities from './activities/route';
import * as audit from './audit/route';
import * as auditVerify from './audit/verify/route';
import * as history from './executions/[id]/history/route';
import * as redrive from './executions/[id]/redrive/route';
import * as execution from './executions/[id]/route';
import * as stop from './executions/[id]/stop/route';
import * as executions from './executions/route';
import * as openapi from './openapi.json/route';
import * as failure from './tasks/failure/route';
import * as heartbeat from './tasks/heartbeat/route';
import * as success from './tasks/success/route';
import * as workflow from './workflows/[id]/route';
import * as version from './workflows/[id]/versions/[version]/route';
import * as versions from './workflows/[id]/versions/route';
import * as workflows from './workflows/route';
import * as validate from './workflows/validate/route';

// Rate limits have their own tests (lib/http/limits.test.ts); a fuzz run must not be throttled.
process.env.SIGNOFF_API_RATE_PER_SECOND = '0';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Method = (typeof METHODS)[number];
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Req = { params: Record<string, string>; query: Record<string, string>; body: string | Uint8Array };

/** Runs per served method and per method answered 405 (FUZZ_RUNS overrides): well under a minute. */
const SERVED_RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const REFUSED_METHOD_RUNS = Math.ceil(SERVED_RUNS / 10);

/** A SUCCEEDED, a RUNNING and a waiting (task token) execution, and the token. */
const fx = { workflowId: '', doneId: '', runningId: '', waitingId: '', token: '', snapshot: '' };

beforeAll(async () => {
  fx.workflowId = (await createTestWorkflow('fz-wf')).id;
  await createTestWorkflow('fz-cb', callbackDefinition());
  await call(activities.POST, { body: { name: 'fz-act' } });
  fx.doneId = (await call(executions.POST, { body: { workflowId: 'fz-wf', name: 'fz-done' } })).body.id;
  fx.waitingId = (await call(executions.POST, { body: { workflowId: 'fz-cb', name: 'fz-wait' } })).body.id;
  await runEngineUntilIdle();
  fx.token = taskTokenFromHistory((await call(history.GET, { params: { id: fx.waitingId } })).body.events);
  // No worker runs in this file: this one stays RUNNING.
  fx.runningId = (await call(executions.POST, { body: { workflowId: 'fz-wf', name: 'fz-run2' } })).body.id;
  fx.snapshot = prototypeSnapshot();
});

const definition = JSON.parse(passDefinition()) as object;
const definitionField = fc.oneof(
  good(definition, passDefinition(), { StartAt: 'X', States: {} }, 'not json'),
  hostileJsonTextField,
);
const workflowRef = () => fc.oneof(fc.constantFrom('fz-wf', fx.workflowId), hostileString);
const executionRef = () => fc.oneof(fc.constantFrom(fx.doneId, fx.runningId, fx.waitingId), hostileString);
const tokenField = () =>
  fc.oneof(
    good(fx.token, 'unknown'),
    hostileString.map((s) => JSON.stringify(s)),
  );

interface RouteSpec {
  module: Partial<Record<Method, unknown>>;
  params?: () => Record<string, fc.Arbitrary<string>>;
  query?: Record<string, fc.Arbitrary<string>>;
  body?: () => Record<string, fc.Arbitrary<string>>;
  /** members appended to every shaped body (the last of a repeated key wins) */
  tail?: [string, string][];
  /** a good request afterwards, per served method, and what it must answer */
  probes: Partial<Record<Method, () => Promise<void>>>;
  /** runs to skip (e.g. a poll that would wait 60 s on a real activity) */
  skip?: (request: Req) => Promise<boolean>;
}

const expectStatus = async (promise: Promise<{ status: number }>, ...statuses: number[]) =>
  expect(statuses).toContain((await promise).status);

const routes: Record<string, RouteSpec> = {
  '/api/v1/[...path]': {
    module: catchAll,
    probes: Object.fromEntries(
      METHODS.map((m) => [m, () => expectStatus(call(catchAll.GET, { method: m }), 404)]),
    ),
  },
  '/api/v1/activities/{name}/poll': {
    module: poll,
    params: () => ({ name: fc.oneof(fc.constant('fz-act'), hostileString) }),
    body: () => ({ workerName: good('w1'), waitSeconds: good(0, 1) }),
    // A poll on an existing activity waits up to 60 s unless told otherwise: those runs must say 0.
    tail: [['waitSeconds', '0']],
    skip: async ({ params, body }) =>
      !(typeof body === 'string' && body.endsWith('"waitSeconds":0}')) &&
      !params.name.includes('\u0000') && // no activity has it (PostgreSQL refuses it in a query)
      (await db.activity.count({ where: { OR: [{ name: params.name }, { id: params.name }] } })) > 0,
    probes: {
      POST: () =>
        expectStatus(call(poll.POST, { params: { name: 'fz-act' }, body: { waitSeconds: 0 } }), 204),
    },
  },
  '/api/v1/activities/{name}': {
    module: activity,
    params: () => ({ name: fc.oneof(fc.constant('fz-act'), hostileString) }),
    probes: {
      GET: () => expectStatus(call(activity.GET, { params: { name: 'fz-act' } }), 200),
      DELETE: async () => {
        await call(activities.POST, { body: { name: 'fz-gone' } });
        await expectStatus(call(activity.DELETE, { params: { name: 'fz-gone' }, method: 'DELETE' }), 204);
      },
    },
  },
  '/api/v1/activities': {
    module: activities,
    body: () => ({ name: good('fz-act', 'fz-act2'), tags: good({ k: 'v' }, {}) }),
    probes: {
      GET: () => expectStatus(call(activities.GET), 200),
      POST: () => expectStatus(call(activities.POST, { body: { name: 'fz-act' } }), 200),
    },
  },
  '/api/v1/audit': {
    module: audit,
    query: {
      format: fc.constantFrom('json', 'csv'),
      action: fc.constant('WORKFLOW_CREATED'),
      actorId: fc.constant('x'),
      targetType: fc.constant('workflow'),
      targetId: fc.constant('fz-wf'),
      from: fc.constant('2020-01-01T00:00:00Z'),
      to: fc.constant('2999-01-01T00:00:00+01:00'),
    },
    probes: { GET: () => expectStatus(call(audit.GET, { query: { action: 'WORKFLOW_CREATED' } }), 200) },
  },
  '/api/v1/audit/verify': {
    module: auditVerify,
    probes: {
      GET: async () => expect(await call(auditVerify.GET)).toMatchObject({ status: 200, body: { ok: true } }),
    },
  },
  '/api/v1/executions/{id}/history': {
    module: history,
    params: () => ({ id: executionRef() }),
    query: {
      maxResults: fc.constantFrom('1', '1000'),
      nextToken: fc.constant('eyJvIjoxfQ'),
      reverseOrder: fc.constantFrom('true', 'false'),
    },
    probes: { GET: () => expectStatus(call(history.GET, { params: { id: fx.waitingId } }), 200) },
  },
  '/api/v1/executions/{id}/redrive': {
    module: redrive,
    params: () => ({ id: executionRef() }),
    probes: { POST: () => expectStatus(call(redrive.POST, { params: { id: fx.waitingId }, body: {} }), 409) },
  },
  '/api/v1/executions/{id}': {
    module: execution,
    params: () => ({ id: executionRef() }),
    probes: { GET: () => expectStatus(call(execution.GET, { params: { id: fx.waitingId } }), 200) },
  },
  '/api/v1/executions/{id}/stop': {
    module: stop,
    params: () => ({ id: hostileString }),
    body: () => ({ error: good('E'), cause: good('c') }),
    probes: {
      POST: async () => {
        const { body } = await call(executions.POST, { body: { workflowId: 'fz-wf' } });
        await expectStatus(call(stop.POST, { params: { id: body.id }, body: { error: 'E' } }), 200);
      },
    },
  },
  '/api/v1/executions': {
    module: executions,
    query: {
      workflowId: fc.constant('fz-wf'),
      status: fc.constantFrom('RUNNING', 'SUCCEEDED'),
      startedAfter: fc.constant('2020-01-01T00:00:00Z'),
      startedBefore: fc.constant('2999-12-31T23:59:59.999+14:00'),
      namePrefix: fc.constant('fz'),
      error: fc.constant('States.Timeout'),
      maxResults: fc.constantFrom('1', '1000'),
      nextToken: fc.constant('eyJvIjoxfQ'),
    },
    body: () => ({
      workflowId: good('fz-wf'),
      workflowName: good('fz-wf'),
      version: good(1),
      name: good('fz-e1'),
      input: fc.oneof(good({ a: 1 }, '{"a":1}'), hostileJsonTextField),
    }),
    probes: {
      GET: () => expectStatus(call(executions.GET, { query: { workflowId: 'fz-wf' } }), 200),
      POST: () => expectStatus(call(executions.POST, { body: { workflowId: 'fz-wf' } }), 201),
    },
  },
  '/api/v1/openapi.json': {
    module: openapi,
    probes: { GET: () => expectStatus(call(openapi.GET), 200) },
  },
  '/api/v1/tasks/failure': {
    module: failure,
    body: () => ({ taskToken: tokenField(), error: good('E'), cause: good('c') }),
    probes: { POST: () => expectStatus(call(failure.POST, { body: { taskToken: 'unknown' } }), 400) },
  },
  '/api/v1/tasks/heartbeat': {
    module: heartbeat,
    body: () => ({ taskToken: tokenField() }),
    probes: { POST: () => expectStatus(call(heartbeat.POST, { body: { taskToken: 'unknown' } }), 400) },
  },
  '/api/v1/tasks/success': {
    module: success,
    body: () => ({ taskToken: tokenField(), output: fc.oneof(good({}, '{}', 'x'), hostileJsonTextField) }),
    probes: {
      POST: () => expectStatus(call(success.POST, { body: { taskToken: 'unknown', output: {} } }), 400),
    },
  },
  '/api/v1/workflows/{id}': {
    module: workflow,
    params: () => ({ id: workflowRef() }),
    body: () => ({ definition: definitionField, description: good('d') }),
    probes: {
      GET: () => expectStatus(call(workflow.GET, { params: { id: 'fz-wf' } }), 200),
      PUT: () =>
        expectStatus(
          call(workflow.PUT, { params: { id: 'fz-wf' }, method: 'PUT', body: { definition } }),
          200,
          201,
        ),
      DELETE: async () => {
        await createTestWorkflow('fz-del');
        await expectStatus(call(workflow.DELETE, { params: { id: 'fz-del' }, method: 'DELETE' }), 200);
      },
    },
  },
  '/api/v1/workflows/{id}/versions/{version}': {
    module: version,
    params: () => ({ id: workflowRef(), version: fc.oneof(fc.constant('1'), hostileString) }),
    probes: { GET: () => expectStatus(call(version.GET, { params: { id: 'fz-wf', version: '1' } }), 200) },
  },
  '/api/v1/workflows/{id}/versions': {
    module: versions,
    params: () => ({ id: workflowRef() }),
    body: () => ({ definition: definitionField, description: good('d') }),
    probes: {
      POST: () =>
        expectStatus(call(versions.POST, { params: { id: 'fz-wf' }, body: { definition } }), 200, 201),
    },
  },
  '/api/v1/workflows': {
    module: workflows,
    body: () => ({
      name: good('fz-new', 'fz-wf'),
      definition: definitionField,
      description: good('d'),
      tags: good({ team: 'a' }),
    }),
    probes: {
      GET: () => expectStatus(call(workflows.GET), 200),
      POST: () => expectStatus(call(workflows.POST, { body: { name: 'fz-wf', definition } }), 409),
    },
  },
  '/api/v1/workflows/validate': {
    module: validate,
    body: () => ({ definition: definitionField }),
    probes: {
      POST: async () =>
        expect(await call(validate.POST, { body: { definition } })).toMatchObject({
          status: 200,
          body: { ok: true },
        }),
    },
  },
};

/** DELETE must not fuzz the fixtures away: only hostile ids there. */
function paramsFor(spec: RouteSpec, method: Method): fc.Arbitrary<Record<string, string>> {
  const fields = spec.params?.() ?? {};
  if (method === 'DELETE') for (const key of Object.keys(fields)) fields[key] = hostileString;
  return Object.keys(fields).length === 0 ? fc.constant({}) : fc.record(fields);
}

function queryFor(spec: RouteSpec): fc.Arbitrary<Record<string, string>> {
  const known = spec.query ?? {};
  const names = Object.keys(known);
  const key = names.length > 0 ? fc.oneof(fc.constantFrom(...names), hostileKey) : hostileKey;
  const entry = key.chain((k) =>
    fc.tuple(fc.constant(k), Object.hasOwn(known, k) ? fc.oneof(known[k], hostileString) : hostileString),
  );
  return fc.array(entry, { maxLength: 5 }).map((entries) => Object.fromEntries(entries));
}

function requestFor(spec: RouteSpec, method: Method): fc.Arbitrary<Req> {
  const fields = spec.body?.() ?? { name: good('x') };
  return fc.record({
    params: paramsFor(spec, method),
    query: queryFor(spec),
    body: hostileBody(fields, spec.tail),
  });
}

/** The promises of every answer; `before` is the row counts before the request. */
async function checkAnswer(
  answer: { status: number; text: string; contentType: string },
  before: Record<string, number>,
): Promise<void> {
  expectNoLeak(answer.text);
  expect(answer.status, answer.text.slice(0, 500)).toBeLessThan(500);
  if (answer.status >= 400) {
    const body = JSON.parse(answer.text) as { error?: { code?: unknown; message?: unknown } };
    expect(typeof body.error?.code).toBe('string');
    expect(typeof body.error?.message).toBe('string');
    expect(await rowCounts()).toEqual(before);
  }
  expectPrototypesUntouched(fx.snapshot);
}

describe('/api/v1 under fuzzed input', () => {
  for (const [path, spec] of Object.entries(routes)) {
    for (const method of METHODS) {
      const handler = spec.module[method] as Handler | undefined;
      if (!handler) continue;
      const probe = spec.probes[method];
      it(`${method} ${path}`, async () => {
        await fc.assert(
          fc.asyncProperty(requestFor(spec, method), async (request) => {
            if (spec.skip && (await spec.skip(request))) return;
            const before = await rowCounts();
            const answer = await callRaw(handler, { ...request, rawBody: request.body, method });
            await checkAnswer(answer, before);
            if (!probe) expect(answer.status).toBe(405);
          }),
          { numRuns: probe ? SERVED_RUNS : REFUSED_METHOD_RUNS },
        );
        if (probe) await probe();
        else expect((await callRaw(handler, { method })).status).toBe(405);
      });
    }
  }

  it('refuses hostile Authorization headers with 401 and writes nothing', async () => {
    const header = fc.oneof(
      hostileString.map((s) => `Bearer ${s}`),
      hostileString.map((s) => `Bearer ${s}.${s}`),
      hostileString,
    );
    const printable = header.map((h) => h.replace(/[^\x20-\x7e]/g, '?').trim() || 'x');
    await fc.assert(
      fc.asyncProperty(printable, async (auth) => {
        const before = await rowCounts();
        const answer = await callRaw(executions.POST, { auth, body: { workflowId: 'fz-wf' } });
        expect(answer.status).toBe(401);
        await checkAnswer(answer, before);
      }),
      { numRuns: SERVED_RUNS },
    );
  });

  it('keeps polluting keys as data: an input with "__proto__" is not the empty input', async () => {
    const start = (input: string) =>
      callRaw(executions.POST as Handler, {
        rawBody: `{"workflowId":"fz-wf","name":"fz-proto","input":${input}}`,
      });
    expect((await start('{}')).status).toBe(201);
    expect((await start('{"__proto__":{"polluted":"yes"}}')).status).toBe(409);
    expect((await start('"{\\"constructor\\":{\\"prototype\\":{}}}"')).status).toBe(409);
    expect((await start('{}')).status).toBe(200);
    expectPrototypesUntouched(fx.snapshot);
  });

  it('refuses bodies over the limit (413) on every handler that reads one, writing nothing', async () => {
    const huge = `{"definition":"${'x'.repeat(4 * 1024 * 1024)}"}`;
    const readers: [Handler, Method, Record<string, string>][] = [
      [workflows.POST as Handler, 'POST', {}],
      [validate.POST as Handler, 'POST', {}],
      [workflow.PUT as Handler, 'PUT', { id: 'fz-wf' }],
      [versions.POST as Handler, 'POST', { id: 'fz-wf' }],
      [executions.POST as Handler, 'POST', {}],
      [stop.POST as Handler, 'POST', { id: fx.runningId }],
      [success.POST as Handler, 'POST', {}],
      [failure.POST as Handler, 'POST', {}],
      [heartbeat.POST as Handler, 'POST', {}],
      [activities.POST as Handler, 'POST', {}],
      [poll.POST as Handler, 'POST', { name: 'fz-act' }],
    ];
    for (const [handler, method, params] of readers) {
      const before = await rowCounts();
      const answer = await callRaw(handler, { method, params, rawBody: huge });
      expect(answer.status).toBe(413);
      await checkAnswer(answer, before);
    }
  });
});
