// AWSStepFunctions.RedriveExecution — restarts a failed, timed-out or aborted execution where it failed
import { z } from 'zod';
import { redriveExecution as redrive } from '../../executions';
import { defineAction } from '../action';
import { findExecutionId } from '../lookup';
import { arnSchema, epochSeconds } from '../shapes';

export const redriveExecution = defineAction(
  z.object({ executionArn: arnSchema, clientToken: z.string().max(64).optional() }),
  async ({ executionArn }, ctx) => {
    const execution = await redrive({
      id: await findExecutionId(executionArn),
      actor: ctx.actor,
      request: ctx.request,
    });
    return { redriveDate: epochSeconds(execution.redrivenAt ?? new Date()) };
  },
);
