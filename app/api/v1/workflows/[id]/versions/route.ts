// POST /api/v1/workflows/{id}/versions — publish a new version (same as PUT /api/v1/workflows/{id})
import { apiRoute, json, readJson, otherMethods } from '@/lib/http/api-route';
import { createWorkflowVersion } from '@/lib/workflows/create-workflow-version';
import {
  createWorkflowVersionBodySchema,
  definitionText,
  workflowParamsSchema,
} from '@/lib/workflows/schemas';

export const POST = apiRoute<{ id: string }>(
  { auth: 'apiKey' },
  async ({ params, request, actor, requestInfo }) => {
    const { id } = workflowParamsSchema.parse(params);
    const body = createWorkflowVersionBodySchema.parse(await readJson(request));
    const result = await createWorkflowVersion({
      workflowId: id,
      ...body,
      definition: definitionText(body.definition),
      actor,
      request: requestInfo,
    });
    return json(result, result.created ? 201 : 200);
  },
);

export const { GET, PUT, PATCH, DELETE } = otherMethods(['POST']);
