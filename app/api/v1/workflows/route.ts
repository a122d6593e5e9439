// GET /api/v1/workflows — list the workflows
// POST /api/v1/workflows — create a workflow (version 1) from a validated definition
import { apiRoute, json, readJson, otherMethods } from '@/lib/http/api-route';
import { createWorkflow } from '@/lib/workflows/create-workflow';
import { listWorkflows } from '@/lib/workflows/list-workflows';
import { createWorkflowBodySchema, definitionText } from '@/lib/workflows/schemas';

export const GET = apiRoute({ auth: 'apiKey' }, async ({ actor }) =>
  json({ workflows: await listWorkflows({ actor }) }),
);

export const POST = apiRoute({ auth: 'apiKey' }, async ({ request, actor, requestInfo }) => {
  const body = createWorkflowBodySchema.parse(await readJson(request));
  const workflow = await createWorkflow({
    ...body,
    definition: definitionText(body.definition),
    actor,
    request: requestInfo,
  });
  return json(workflow, 201);
});

export const { PUT, PATCH, DELETE } = otherMethods(['GET', 'POST']);
