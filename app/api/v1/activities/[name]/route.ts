// GET /api/v1/activities/{name} — describe an activity (name or id)
// DELETE /api/v1/activities/{name} — delete an activity
import { deleteActivity } from '@/lib/activities/delete-activity';
import { getActivityOrThrow } from '@/lib/activities/describe-activity';
import { activityParamsSchema } from '@/lib/activities/schemas';
import { apiRoute, json, otherMethods } from '@/lib/http/api-route';

type Params = { name: string };

export const GET = apiRoute<Params>({ auth: 'apiKey' }, async ({ params, actor }) => {
  const { name } = activityParamsSchema.parse(params);
  return json(await getActivityOrThrow({ name, actor }));
});

export const DELETE = apiRoute<Params>({ auth: 'apiKey' }, async ({ params, actor, requestInfo }) => {
  const { name } = activityParamsSchema.parse(params);
  await deleteActivity({ name, actor, request: requestInfo });
  return new Response(null, { status: 204 });
});

export const { POST, PUT, PATCH } = otherMethods(['GET', 'DELETE']);
