// POST /api/v1/executions — start an execution (idempotent by name: 201 new, 200 existing)
// GET /api/v1/executions — list executions, newest first, with filters and a nextToken
import { listExecutions } from '@/lib/executions/list-executions';
import { listExecutionsQuerySchema, payloadText, startExecutionBodySchema } from '@/lib/executions/schemas';
import { startExecution } from '@/lib/executions/start-execution';
import { apiRoute, json, readJson, readQuery, otherMethods } from '@/lib/http/api-route';

export const POST = apiRoute({ auth: 'apiKey' }, async ({ request, actor, requestInfo }) => {
  const body = startExecutionBodySchema.parse(await readJson(request));
  const { execution, created } = await startExecution({
    workflowId: (body.workflowId ?? body.workflowName)!,
    version: body.version,
    name: body.name,
    input: body.input === undefined ? undefined : payloadText(body.input, 'input'),
    actor,
    request: requestInfo,
  });
  return json(execution, created ? 201 : 200);
});

export const GET = apiRoute({ auth: 'apiKey' }, async ({ request, actor }) => {
  const query = listExecutionsQuerySchema.parse(readQuery(request));
  const page = await listExecutions({
    ...query,
    startedAfter: query.startedAfter ? new Date(query.startedAfter) : undefined,
    startedBefore: query.startedBefore ? new Date(query.startedBefore) : undefined,
    actor,
  });
  return json(page);
});

export const { PUT, PATCH, DELETE } = otherMethods(['GET', 'POST']);
