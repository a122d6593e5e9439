/**
 * GetActivityTask: waits up to `waitSeconds` (default 60) for a task of the activity; null when
 * none came. An API key needs activities:poll (and nothing else: a worker's key may only poll).
 */
import type { Actor } from '../auth/actor';
import { requireScope } from '../auth/scopes';
import { getActivityTask } from '../engine';
import { findActivityOrThrow } from './describe-activity';

export interface PollActivityOptions {
  name: string;
  workerName?: string;
  waitSeconds?: number;
  actor: Actor;
}

export async function pollActivity({
  name,
  workerName,
  waitSeconds = 60,
  actor,
}: PollActivityOptions): Promise<{ taskToken: string; input: string } | null> {
  requireScope(actor, 'activities:poll');
  const activity = await findActivityOrThrow(name);
  return getActivityTask({ activityName: activity.name, workerName, waitMs: waitSeconds * 1000 });
}
