// GET /api/v1/executions/{id} — describe an execution: status, input, output, error
import { getExecutionOrThrow } from '@/lib/executions/describe-execution';
import { executionParamsSchema } from '@/lib/executions/schemas';
import { apiRoute, json, otherMethods } from '@/lib/http/api-route';

export const GET = apiRoute<{ id: string }>({ auth: 'apiKey' }, async ({ params, actor }) => {
  const { id } = executionParamsSchema.parse(params);
  return json(await getExecutionOrThrow({ id, actor }));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(['GET']);
