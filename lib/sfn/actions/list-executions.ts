// AWSStepFunctions.ListExecutions — newest first, by state machine (and version), status and redrive filters
import { z } from 'zod';
import { listExecutions as list } from '../../executions';
import { EXECUTION_STATUSES } from '../../executions/schemas';
import { defineAction } from '../action';
import { executionListItem } from '../execution-shape';
import { parseArnOf } from '../arn';
import { resolveStateMachine } from '../lookup';
import { retypeInvalidInput, sfnError } from '../sfn-error';
import { arnSchema, maxResultsSchema, nextTokenSchema } from '../shapes';

const input = z.object({
  stateMachineArn: arnSchema.optional(),
  statusFilter: z.enum(EXECUTION_STATUSES).optional(),
  maxResults: maxResultsSchema,
  nextToken: nextTokenSchema,
  mapRunArn: z.string().optional(),
  redriveFilter: z.enum(['REDRIVEN', 'NOT_REDRIVEN']).optional(),
});

export const listExecutions = defineAction(input, async (body, ctx) => {
  if (!body.stateMachineArn === !body.mapRunArn)
    throw sfnError('ValidationException', 'Give stateMachineArn or mapRunArn, one of them.');
  const target = body.stateMachineArn
    ? await resolveStateMachine(body.stateMachineArn)
    : { mapRunId: parseArnOf(body.mapRunArn ?? '', 'mapRun').id };
  const result = await list({
    ...('workflow' in target
      ? { workflowId: target.workflow.id, version: target.version }
      : { mapRunId: target.mapRunId }),
    status: body.statusFilter,
    redriven: body.redriveFilter === undefined ? undefined : body.redriveFilter === 'REDRIVEN',
    maxResults: body.maxResults || 100,
    nextToken: body.nextToken,
    actor: ctx.actor,
  }).catch((error: unknown) =>
    retypeInvalidInput(error, 'InvalidToken', 'Invalid Token: the nextToken was not issued by this list.'),
  );
  const executions = result.executions.map(executionListItem);
  return result.nextToken ? { executions, nextToken: result.nextToken } : { executions };
});
