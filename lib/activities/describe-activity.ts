import { db } from '../db/client';
import { AppError } from '../errors';
import { activitySelect, toActivitySummary, type ActivitySummary } from './activity-dto';

/** An activity by name or id; NOT_FOUND (AWS: ActivityDoesNotExist) otherwise. */
export async function getActivityOrThrow({ name }: { name: string }): Promise<ActivitySummary> {
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
