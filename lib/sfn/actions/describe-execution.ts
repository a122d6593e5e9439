// AWSStepFunctions.DescribeExecution — status, payloads, redrive state
import { z } from 'zod';
import { getExecutionOrThrow } from '../../executions';
import { defineAction } from '../action';
import { describeExecutionShape } from '../execution-shape';
import { findExecutionId } from '../lookup';
import { arnSchema } from '../shapes';

export const describeExecution = defineAction(
  z.object({ executionArn: arnSchema, includedData: z.string().optional() }),
  async ({ executionArn }, ctx) => {
    const id = await findExecutionId(executionArn);
    return describeExecutionShape(await getExecutionOrThrow({ id, actor: ctx.actor }));
  },
);
