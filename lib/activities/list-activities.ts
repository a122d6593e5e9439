import type { Actor } from '../auth/actor';
import { authorize } from '../auth/authorize';
import { db } from '../db/client';
import { activitySelect, toActivitySummary, type ActivitySummary } from './activity-dto';

/** Every activity by name. An API key needs workflows:read (activities are part of what workflows use). */
export async function listActivities({ actor }: { actor: Actor }): Promise<ActivitySummary[]> {
  await authorize(actor, 'workflows:read');
  const rows = await db.activity.findMany({ orderBy: { name: 'asc' }, select: activitySelect });
  return rows.map(toActivitySummary);
}
