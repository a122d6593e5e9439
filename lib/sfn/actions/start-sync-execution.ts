// AWSStepFunctions.StartSyncExecution — an EXPRESS state machine runs within the request and answers with its end
import { z } from 'zod';
import { startSyncExecution as startSync } from '../../executions';
import { defineAction } from '../action';
import { executionArn, stateMachineArn } from '../arn';
import { assertJsonText, assertName } from '../checks';
import { resolveStateMachine } from '../lookup';
import { sfnError } from '../sfn-error';
import { arnSchema, compact, epochSeconds } from '../shapes';

const input = z.object({
  stateMachineArn: arnSchema,
  name: z.string().optional(),
  input: z.string().optional(),
  traceHeader: z.string().optional(),
  includedData: z.enum(['ALL_DATA', 'METADATA_ONLY']).optional(),
});

export const startSyncExecution = defineAction(input, async (body, ctx) => {
  if (body.name !== undefined) assertName(body.name, 'execution name');
  if (body.input !== undefined) assertJsonText(body.input, 'InvalidExecutionInput');
  const { workflow, version, alias } = await resolveStateMachine(body.stateMachineArn);
  if (alias !== undefined)
    throw sfnError('ValidationException', 'StartSyncExecution takes a state machine or version ARN.');
  const run = await startSync({
    workflowId: workflow.id,
    version,
    name: body.name,
    input: body.input,
    actor: ctx.actor,
    request: ctx.request,
  });
  const data = body.includedData !== 'METADATA_ONLY';
  return compact({
    executionArn: executionArn(run.workflowName, run.name),
    stateMachineArn: stateMachineArn(run.workflowName),
    name: run.name,
    startDate: epochSeconds(run.startedAt),
    stopDate: epochSeconds(run.stoppedAt),
    status: run.status,
    error: run.error,
    cause: run.cause,
    input: data ? run.input : undefined,
    inputDetails: { included: data },
    output: data ? run.output : undefined,
    outputDetails: run.output !== undefined ? { included: data } : undefined,
    traceHeader: body.traceHeader,
    billingDetails: {
      billedMemoryUsedInMB: 64,
      billedDurationInMilliseconds: Math.max(
        100,
        Math.ceil((run.stoppedAt.getTime() - run.startedAt.getTime()) / 100) * 100,
      ),
    },
  });
});
