// GET /api/v1/workflows/{id} — one workflow (id or name) with its current definition and versions
// PUT /api/v1/workflows/{id} — publish a new version (the same text again changes nothing)
// DELETE /api/v1/workflows/{id} — delete a workflow (running executions continue)
import { apiRoute, json, readJson, otherMethods } from '@/lib/http/api-route';
import { createWorkflowVersion } from '@/lib/workflows/create-workflow-version';
import { deleteWorkflow } from '@/lib/workflows/delete-workflow';
import { getWorkflowOrThrow } from '@/lib/workflows/get-workflow-or-throw';
import {
  createWorkflowVersionBodySchema,
  definitionText,
  workflowParamsSchema,
} from '@/lib/workflows/schemas';

type Params = { id: string };

export const GET = apiRoute<Params>({ auth: 'apiKey' }, async ({ params, actor }) => {
  const { id } = workflowParamsSchema.parse(params);
  return json(await getWorkflowOrThrow({ id, actor }));
});

export const PUT = apiRoute<Params>({ auth: 'apiKey' }, async ({ params, request, actor, requestInfo }) => {
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
});

export const DELETE = apiRoute<Params>({ auth: 'apiKey' }, async ({ params, actor, requestInfo }) => {
  const { id } = workflowParamsSchema.parse(params);
  return json(await deleteWorkflow({ id, actor, request: requestInfo }));
});

export const { POST, PATCH } = otherMethods(['GET', 'PUT', 'DELETE']);
