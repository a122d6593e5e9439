// GET /api/v1/workflows/{id}/versions/{version} — one immutable version with its definition text
import { apiRoute, json, otherMethods } from '@/lib/http/api-route';
import { getWorkflowVersionOrThrow } from '@/lib/workflows/get-workflow-or-throw';
import { workflowVersionParamsSchema } from '@/lib/workflows/schemas';

export const GET = apiRoute<{ id: string; version: string }>(
  { auth: 'apiKey' },
  async ({ params, actor }) => {
    const { id, version } = workflowVersionParamsSchema.parse(params);
    return json(await getWorkflowVersionOrThrow({ workflowId: id, version, actor }));
  },
);

export const { POST, PUT, PATCH, DELETE } = otherMethods(['GET']);
