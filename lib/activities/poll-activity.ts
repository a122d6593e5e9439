/** GetActivityTask: waits up to `waitSeconds` (default 60) for a task of the activity; null when none came. */
import { getActivityTask } from '../engine';
import { getActivityOrThrow } from './describe-activity';

export interface PollActivityOptions {
  name: string;
  workerName?: string;
  waitSeconds?: number;
}

export async function pollActivity({
  name,
  workerName,
  waitSeconds = 60,
}: PollActivityOptions): Promise<{ taskToken: string; input: string } | null> {
  const activity = await getActivityOrThrow({ name });
  return getActivityTask({ activityName: activity.name, workerName, waitMs: waitSeconds * 1000 });
}
