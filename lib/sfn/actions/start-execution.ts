// AWSStepFunctions.StartExecution — idempotent by name; the signing API key is the requester
import { z } from 'zod';
import { startExecution as start } from '../../executions';
import { defineAction } from '../action';
import { executionArn } from '../arn';
import { assertJsonText, assertName } from '../checks';
import { resolveStateMachine } from '../lookup';
import { arnSchema, epochSeconds } from '../shapes';

const input = z.object({
  stateMachineArn: arnSchema,
  name: z.string().optional(),
  input: z.string().optional(),
  traceHeader: z.string().optional(),
});

export const startExecution = defineAction(input, async (body, ctx) => {
  if (body.name !== undefined) assertName(body.name, 'execution name');
  if (body.input !== undefined) assertJsonText(body.input, 'InvalidExecutionInput');
  const { workflow, version, alias } = await resolveStateMachine(body.stateMachineArn);
  const { execution } = await start({
    workflowId: workflow.id,
    version,
    alias,
    name: body.name,
    input: body.input,
    actor: ctx.actor,
    request: ctx.request,
  });
  return {
    executionArn: executionArn(workflow.name, execution.name),
    startDate: epochSeconds(execution.startedAt),
  };
});
