// POST /api/v1/activities/{name}/poll — long-poll for a task: 200 { taskToken, input } or 204 when none came
import { pollActivity } from '@/lib/activities/poll-activity';
import { activityParamsSchema, pollActivityBodySchema } from '@/lib/activities/schemas';
import { apiRoute, json, readJson, otherMethods } from '@/lib/http/api-route';

export const maxDuration = 70;

export const POST = apiRoute<{ name: string }>({ auth: 'apiKey' }, async ({ params, request, actor }) => {
  const { name } = activityParamsSchema.parse(params);
  const body = pollActivityBodySchema.parse(await readJson(request));
  const task = await pollActivity({ name, ...body, actor });
  return task ? json(task) : new Response(null, { status: 204 });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(['POST']);
