export { createActivity, type CreateActivityOptions } from './create-activity';
export { getActivityOrThrow } from './describe-activity';
export { listActivities } from './list-activities';
export { deleteActivity } from './delete-activity';
export { pollActivity, type PollActivityOptions } from './poll-activity';
export type { ActivitySummary } from './activity-dto';
