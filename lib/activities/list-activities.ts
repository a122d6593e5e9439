import { db } from '../db/client';
import { activitySelect, toActivitySummary, type ActivitySummary } from './activity-dto';

export async function listActivities(): Promise<ActivitySummary[]> {
  const rows = await db.activity.findMany({ orderBy: { name: 'asc' }, select: activitySelect });
  return rows.map(toActivitySummary);
}
