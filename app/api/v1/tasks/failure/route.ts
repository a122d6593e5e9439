// POST /api/v1/tasks/failure — SendTaskFailure: fail a task token with an error and cause
import { completeTask } from '@/lib/executions/complete-task';
import { sendTaskFailureBodySchema } from '@/lib/executions/schemas';
import { apiRoute, json, readJson, otherMethods } from '@/lib/http/api-route';

export const POST = apiRoute({ auth: 'apiKey' }, async ({ request, actor, requestInfo }) => {
  const { taskToken, error, cause } = sendTaskFailureBodySchema.parse(await readJson(request));
  return json(
    await completeTask({ taskToken, result: { type: 'failure', error, cause }, actor, request: requestInfo }),
  );
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(['POST']);
