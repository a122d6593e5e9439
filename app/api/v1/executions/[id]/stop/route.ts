// POST /api/v1/executions/{id}/stop — abort a running execution (409 when it is not running)
import { executionParamsSchema, stopExecutionBodySchema } from '@/lib/executions/schemas';
import { stopExecution } from '@/lib/executions/stop-execution';
import { apiRoute, json, readJson, otherMethods } from '@/lib/http/api-route';

export const POST = apiRoute<{ id: string }>(
  { auth: 'apiKey' },
  async ({ params, request, actor, requestInfo }) => {
    const { id } = executionParamsSchema.parse(params);
    const body = stopExecutionBodySchema.parse(await readJson(request));
    return json(await stopExecution({ id, ...body, actor, request: requestInfo }));
  },
);

export const { GET, PUT, PATCH, DELETE } = otherMethods(['POST']);
