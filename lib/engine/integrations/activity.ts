/**
 * `activity:NAME` (or an activity ARN): the task waits as a PENDING token with the activity
 * name and input until a worker claims it with GetActivityTask and answers with the token.
 */
import type { Integration } from './integration';

const ACTIVITY = /^(?:activity:|arn:aws:states:[^:]*:[^:]*:activity:)(.+)$/;

export function activityName(resource: string): string | undefined {
  return ACTIVITY.exec(resource)?.[1];
}

export const activityIntegration: Integration = {
  name: 'activity',
  matches: (resource) => activityName(resource) !== undefined,
  start: async (_tx, task) => ({ kind: 'activity', activityName: activityName(task.resource) as string }),
};
