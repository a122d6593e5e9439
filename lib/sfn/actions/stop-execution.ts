// AWSStepFunctions.StopExecution — aborts a running execution
import { z } from 'zod';
import { stopExecution as stop } from '../../executions';
import { defineAction } from '../action';
import { findExecutionId } from '../lookup';
import { arnSchema, epochSeconds } from '../shapes';

const input = z.object({
  executionArn: arnSchema,
  error: z.string().max(256).optional(),
  cause: z.string().max(32768).optional(),
});

export const stopExecution = defineAction(input, async ({ executionArn, error, cause }, ctx) => {
  const execution = await stop({
    id: await findExecutionId(executionArn),
    error,
    cause,
    actor: ctx.actor,
    request: ctx.request,
  });
  return { stopDate: epochSeconds(execution.stoppedAt ?? new Date()) };
});
