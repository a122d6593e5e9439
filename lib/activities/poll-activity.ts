/**
 * GetActivityTask: waits up to `waitSeconds` (default 60) for a task of the activity; null when
 * none came. An API key needs activities:poll (and nothing else: a worker's key may only poll).
 * At most SIGNOFF_MAX_LONG_POLLS polls wait at once in a process; more are refused (THROTTLED).
 */
import type { Actor } from '../auth/actor';
import { requireScope } from '../auth/scopes';
import { getActivityTask } from '../engine';
import { AppError } from '../errors';
import { serverLimits } from '../http/limits';
import { findActivityOrThrow } from './describe-activity';

/** Long-polls this process holds open now (each holds a connection for up to a minute). */
let openPolls = 0;

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
  const { maxLongPolls } = serverLimits();
  if (openPolls >= maxLongPolls)
    throw new AppError(
      'THROTTLED',
      `This server holds ${maxLongPolls} activity polls open already; poll again shortly.`,
      { details: { awsErrorType: 'ActivityWorkerLimitExceeded', retryAfterSeconds: 1 } },
    );
  openPolls += 1;
  try {
    return await getActivityTask({ activityName: activity.name, workerName, waitMs: waitSeconds * 1000 });
  } finally {
    openPolls -= 1;
  }
}
