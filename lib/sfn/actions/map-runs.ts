// AWSStepFunctions.ListMapRuns / DescribeMapRun / UpdateMapRun — a Distributed Map's runs
import { z } from 'zod';
import {
  getMapRun,
  listMapRuns as list,
  updateMapRun as update,
  type MapRunDetail,
} from '../../executions/map-runs';
import { defineAction } from '../action';
import { executionArn, mapRunArn, parseArnOf, stateMachineArn } from '../arn';
import { findExecutionId } from '../lookup';
import { pageOf } from '../paging';
import {
  arnSchema,
  compact,
  epochSeconds,
  maxResultsSchema,
  nextTokenSchema,
  optionalEpoch,
} from '../shapes';

const arnOf = (run: MapRunDetail) => mapRunArn(run.workflowName, run.label, run.id);

export const listMapRuns = defineAction(
  z.object({ executionArn: arnSchema, maxResults: maxResultsSchema, nextToken: nextTokenSchema }),
  async (body, ctx) => {
    const executionId = await findExecutionId(body.executionArn);
    const runs = await list({ executionId, actor: ctx.actor });
    const { page, nextToken } = pageOf(runs, body.maxResults, body.nextToken);
    return compact({
      mapRuns: page.map((run) =>
        compact({
          executionArn: executionArn(run.workflowName, run.executionName),
          mapRunArn: arnOf(run),
          stateMachineArn: stateMachineArn(run.workflowName),
          startDate: epochSeconds(run.startedAt),
          stopDate: optionalEpoch(run.stoppedAt),
        }),
      ),
      nextToken,
    });
  },
);

export const describeMapRun = defineAction(z.object({ mapRunArn: arnSchema }), async (body, ctx) => {
  const run = await getMapRun({ id: parseArnOf(body.mapRunArn, 'mapRun').id, actor: ctx.actor });
  const counts = {
    pending: run.counts.pending,
    running: run.counts.running,
    succeeded: run.counts.succeeded,
    failed: run.counts.failed,
    timedOut: 0,
    aborted: run.counts.aborted,
    total: run.counts.total,
    resultsWritten: run.counts.succeeded + run.counts.failed + run.counts.aborted,
    failuresNotRedrivable: 0,
    pendingRedrive: 0,
  };
  return compact({
    mapRunArn: arnOf(run),
    executionArn: executionArn(run.workflowName, run.executionName),
    status: run.status,
    startDate: epochSeconds(run.startedAt),
    stopDate: optionalEpoch(run.stoppedAt),
    maxConcurrency: run.maxConcurrency,
    toleratedFailurePercentage: run.toleratedFailurePercentage ?? 0,
    toleratedFailureCount: run.toleratedFailureCount ?? 0,
    itemCounts: counts,
    executionCounts: counts,
    redriveCount: 0,
  });
});

export const updateMapRun = defineAction(
  z.object({
    mapRunArn: arnSchema,
    maxConcurrency: z.number().int().optional(),
    toleratedFailurePercentage: z.number().optional(),
    toleratedFailureCount: z.number().int().optional(),
  }),
  async (body, ctx) => {
    await update({
      id: parseArnOf(body.mapRunArn, 'mapRun').id,
      maxConcurrency: body.maxConcurrency,
      toleratedFailureCount: body.toleratedFailureCount,
      toleratedFailurePercentage: body.toleratedFailurePercentage,
      actor: ctx.actor,
      request: ctx.request,
    });
    return {};
  },
);
