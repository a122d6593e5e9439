/**
 * `activity:NAME` (or an activity ARN): the task waits as a PENDING token with the activity
 * name and input until a worker claims it with GetActivityTask and answers with the token.
 */
import { activityName } from '../../asl';
import type { Integration } from './integration';

export const activityIntegration: Integration = {
  name: 'activity',
  matches: (resource) => activityName(resource) !== undefined,
  start: async (_tx, task) => ({ kind: 'activity', activityName: activityName(task.resource) as string }),
};
