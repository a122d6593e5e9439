// GET /api/v1/executions/{id}/history — the execution's history events (AWS names), paged
import { getExecutionHistory } from '@/lib/executions/get-execution-history';
import { executionHistoryQuerySchema, executionParamsSchema } from '@/lib/executions/schemas';
import { apiRoute, json, readQuery, otherMethods } from '@/lib/http/api-route';

export const GET = apiRoute<{ id: string }>({ auth: 'apiKey' }, async ({ params, request, actor }) => {
  const { id } = executionParamsSchema.parse(params);
  const { reverseOrder, ...query } = executionHistoryQuerySchema.parse(readQuery(request));
  return json(
    await getExecutionHistory({ executionId: id, ...query, reverseOrder: reverseOrder === 'true', actor }),
  );
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(['GET']);
