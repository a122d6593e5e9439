import type { Actor } from '../auth/actor';
import { authorize } from '../auth/authorize';
import { db } from '../db/client';
import { AppError } from '../errors';
import { activitySelect, toActivitySummary, type ActivitySummary } from './activity-dto';

/** An activity by name or id; NOT_FOUND (AWS: ActivityDoesNotExist) otherwise. An API key needs workflows:read. */
export async function getActivityOrThrow({
  name,
  actor,
}: {
  name: string;
  actor: Actor;
}): Promise<ActivitySummary> {
  await authorize(actor, 'workflows:read');
  return findActivityOrThrow(name);
}

/** The lookup itself, for services that checked their own scope (a worker's poll). */
export async function findActivityOrThrow(name: string): Promise<ActivitySummary> {
  const row = await db.activity.findFirst({
    where: { OR: [{ name }, { id: name }] },
    select: activitySelect,
  });
  if (!row)
    throw new AppError('NOT_FOUND', `Activity ${name} does not exist.`, {
      details: { awsErrorType: 'ActivityDoesNotExist' },
    });
  return toActivitySummary(row);
}
