// GET /api/v1/activities — list the activities
// POST /api/v1/activities — create an activity (idempotent by name: 201 new, 200 existing)
import { createActivity } from '@/lib/activities/create-activity';
import { listActivities } from '@/lib/activities/list-activities';
import { createActivityBodySchema } from '@/lib/activities/schemas';
import { apiRoute, json, readJson, otherMethods } from '@/lib/http/api-route';

export const GET = apiRoute({ auth: 'apiKey' }, async ({ actor }) =>
  json({ activities: await listActivities({ actor }) }),
);

export const POST = apiRoute({ auth: 'apiKey' }, async ({ request, actor, requestInfo }) => {
  const body = createActivityBodySchema.parse(await readJson(request));
  const { activity, created } = await createActivity({ ...body, actor, request: requestInfo });
  return json(activity, created ? 201 : 200);
});

export const { PUT, PATCH, DELETE } = otherMethods(['GET', 'POST']);
