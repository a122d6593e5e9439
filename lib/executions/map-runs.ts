/**
 * A Distributed Map's runs (AWS's Map Run API): list them for an execution, describe one with
 * its counters, and change its MaxConcurrency or failure threshold while it runs (audited).
 */
import { recordAudit } from '../audit/record-audit';
import { runAudited } from '../audit/run-audited';
import type { Actor, RequestInfo } from '../auth/actor';
import { authorize } from '../auth/authorize';
import { db } from '../db/client';
import { notifyEngine, updateMapRun as resize } from '../engine';
import { AppError } from '../errors';

export interface MapRunDetail {
  id: string;
  executionId: string;
  executionName: string;
  workflowName: string;
  stateName: string;
  label: string;
  status: string;
  startedAt: Date;
  stoppedAt: Date | null;
  maxConcurrency: number;
  toleratedFailureCount: number | null;
  toleratedFailurePercentage: number | null;
  counts: {
    total: number;
    pending: number;
    running: number;
    succeeded: number;
    failed: number;
    aborted: number;
  };
}

const select = {
  id: true,
  executionId: true,
  stateName: true,
  label: true,
  status: true,
  startedAt: true,
  stoppedAt: true,
  maxConcurrency: true,
  toleratedFailureCount: true,
  toleratedFailurePercentage: true,
  total: true,
  started: true,
  succeeded: true,
  failed: true,
  aborted: true,
  execution: { select: { name: true, workflow: { select: { name: true } } } },
} as const;

type Row = NonNullable<Awaited<ReturnType<typeof findRow>>>;
const findRow = (id: string) => db.mapRun.findUnique({ where: { id }, select });

function toDetail(row: Row): MapRunDetail {
  const ended = row.succeeded + row.failed + row.aborted;
  return {
    id: row.id,
    executionId: row.executionId,
    executionName: row.execution.name,
    workflowName: row.execution.workflow.name,
    stateName: row.stateName,
    label: row.label ?? row.stateName,
    status: row.status,
    startedAt: row.startedAt,
    stoppedAt: row.stoppedAt,
    maxConcurrency: row.maxConcurrency,
    toleratedFailureCount: row.toleratedFailureCount,
    toleratedFailurePercentage: row.toleratedFailurePercentage,
    counts: {
      total: row.total,
      pending: row.total - row.started,
      running: Math.max(0, row.started - ended),
      succeeded: row.succeeded,
      failed: row.failed,
      aborted: row.aborted,
    },
  };
}

const notFound = (id: string) =>
  new AppError('NOT_FOUND', `Map run ${id} does not exist.`, {
    details: { awsErrorType: 'ResourceNotFound' },
  });

export async function listMapRuns(options: { executionId: string; actor: Actor }): Promise<MapRunDetail[]> {
  await authorize(options.actor, 'executions:read');
  const rows = await db.mapRun.findMany({
    where: { executionId: options.executionId },
    orderBy: { startedAt: 'desc' },
    select,
  });
  return rows.map(toDetail);
}

export async function getMapRun(options: { id: string; actor: Actor }): Promise<MapRunDetail> {
  await authorize(options.actor, 'executions:read');
  const row = await findRow(options.id);
  if (!row) throw notFound(options.id);
  return toDetail(row);
}

export async function updateMapRun(options: {
  id: string;
  maxConcurrency?: number;
  toleratedFailureCount?: number;
  toleratedFailurePercentage?: number;
  actor: Actor;
  request?: RequestInfo;
}): Promise<void> {
  await authorize(options.actor, 'executions:write');
  const { maxConcurrency, toleratedFailureCount, toleratedFailurePercentage } = options;
  const invalid = (message: string) =>
    new AppError('INVALID_INPUT', message, { details: { awsErrorType: 'ValidationException' } });
  if (maxConcurrency !== undefined && (!Number.isInteger(maxConcurrency) || maxConcurrency < 0))
    throw invalid('maxConcurrency is a whole number from 0 (0: no limit).');
  if (
    toleratedFailureCount !== undefined &&
    (!Number.isInteger(toleratedFailureCount) || toleratedFailureCount < 0)
  )
    throw invalid('toleratedFailureCount is a whole number from 0.');
  if (
    toleratedFailurePercentage !== undefined &&
    !(toleratedFailurePercentage >= 0 && toleratedFailurePercentage <= 100)
  )
    throw invalid('toleratedFailurePercentage is from 0 to 100.');
  if (
    maxConcurrency === undefined &&
    toleratedFailureCount === undefined &&
    toleratedFailurePercentage === undefined
  )
    throw invalid('Give maxConcurrency, toleratedFailureCount or toleratedFailurePercentage.');
  await runAudited(async (tx) => {
    const run = await tx.mapRun.findUnique({
      where: { id: options.id },
      select: { executionId: true, status: true },
    });
    if (!run) throw notFound(options.id);
    if (
      !(await resize(tx, {
        mapRunId: options.id,
        maxConcurrency,
        toleratedFailureCount,
        toleratedFailurePercentage,
      }))
    )
      throw new AppError('CONFLICT', `Map run ${options.id} is ${run.status}, not RUNNING.`, {
        details: { awsErrorType: 'ConflictException' },
      });
    await recordAudit(tx, {
      actor: options.actor,
      request: options.request,
      type: 'MAP_RUN_UPDATED',
      data: {
        mapRunId: options.id,
        executionId: run.executionId,
        ...(maxConcurrency !== undefined ? { maxConcurrency } : {}),
        ...(toleratedFailureCount !== undefined ? { toleratedFailureCount } : {}),
        ...(toleratedFailurePercentage !== undefined ? { toleratedFailurePercentage } : {}),
      },
      target: { type: 'execution', id: run.executionId },
    });
  });
  notifyEngine();
}
