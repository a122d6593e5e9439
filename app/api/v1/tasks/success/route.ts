// POST /api/v1/tasks/success — SendTaskSuccess: complete a task token with its output
import { completeTask } from '@/lib/executions/complete-task';
import { payloadText, sendTaskSuccessBodySchema } from '@/lib/executions/schemas';
import { apiRoute, json, readJson, otherMethods } from '@/lib/http/api-route';

export const POST = apiRoute({ auth: 'apiKey' }, async ({ request, actor, requestInfo }) => {
  const { taskToken, output } = sendTaskSuccessBodySchema.parse(await readJson(request));
  return json(
    await completeTask({
      taskToken,
      result: { type: 'success', output: payloadText(output, 'output') },
      actor,
      request: requestInfo,
    }),
  );
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(['POST']);
