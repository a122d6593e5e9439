// AWSStepFunctions.GetActivityTask — long-polls for the activity's next task (AWS holds 60 s; empty answer when none)
import { z } from 'zod';
import { pollActivity } from '../../activities/poll-activity';
import { defineAction } from '../action';
import { findActivity } from '../lookup';
import { arnSchema } from '../shapes';

/** How long a poll waits; SIGNOFF_SFN_ACTIVITY_POLL_SECONDS shortens it (e.g. for tests). */
function pollSeconds(): number {
  const configured = Number(process.env.SIGNOFF_SFN_ACTIVITY_POLL_SECONDS);
  return Number.isInteger(configured) && configured >= 0 && configured <= 60 ? configured : 60;
}

export const getActivityTask = defineAction(
  z.object({ activityArn: arnSchema, workerName: z.string().max(80).optional() }),
  async ({ activityArn, workerName }, ctx) => {
    const activity = await findActivity(activityArn);
    const task = await pollActivity({
      name: activity.name,
      workerName,
      waitSeconds: pollSeconds(),
      actor: ctx.actor,
    });
    return task ? { taskToken: task.taskToken, input: task.input } : {};
  },
);
