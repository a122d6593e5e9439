// POST /api/v1/tasks/heartbeat — SendTaskHeartbeat: the worker is still on it (resets HeartbeatSeconds)
import { completeTask } from '@/lib/executions/complete-task';
import { sendTaskHeartbeatBodySchema } from '@/lib/executions/schemas';
import { apiRoute, json, readJson, otherMethods } from '@/lib/http/api-route';

export const POST = apiRoute({ auth: 'apiKey' }, async ({ request, actor, requestInfo }) => {
  const { taskToken } = sendTaskHeartbeatBodySchema.parse(await readJson(request));
  return json(await completeTask({ taskToken, result: { type: 'heartbeat' }, actor, request: requestInfo }));
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(['POST']);
