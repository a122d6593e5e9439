// POST /api/v1/executions/{id}/redrive — restart a failed, timed-out or aborted execution from where it stopped
import { redriveExecution } from '@/lib/executions/redrive-execution';
import { executionParamsSchema } from '@/lib/executions/schemas';
import { apiRoute, json, otherMethods } from '@/lib/http/api-route';

export const POST = apiRoute<{ id: string }>({ auth: 'apiKey' }, async ({ params, actor, requestInfo }) => {
  const { id } = executionParamsSchema.parse(params);
  return json(await redriveExecution({ id, actor, request: requestInfo }));
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(['POST']);
