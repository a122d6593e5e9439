/**
 * StartSyncExecution: an EXPRESS workflow runs within the request and answers with its output
 * (or its error and cause), as AWS's does — the "web application backend" use. The run is held
 * in memory by the interpreter's driver on the wall clock (Waits and retry back-offs sleep);
 * Tasks call their integration at once (function:, http:invoke, AWS services; a child
 * execution through states:startExecution). It ends TIMED_OUT after the definition's
 * TimeoutSeconds or Express's 5 minutes, whichever is first. Then the execution, its history
 * and its audit entry are written in one synchronous SQLite transaction (the request's latency
 * is the product here), kept for SIGNOFF_EXPRESS_RETENTION_HOURS (purge-express.ts).
 */
import { randomUUID } from 'node:crypto';
import { runInMemory, type InMemoryResult } from '../asl/driver';
import type { JsonValue } from '../asl';
import { recordAudit, recordAuditSync, type RecordAuditOptions } from '../audit/record-audit';
import { runAudited } from '../audit/run-audited';
import { requesterColumns, type Actor, type RequestInfo } from '../auth/actor';
import { authorize } from '../auth/authorize';
import { db } from '../db/client';
import { isPostgres } from '../db/database-url';
import { sqlite, withWriteLock } from '../db/sqlite';
import {
  executionArnOf,
  executionNameTaken,
  insertFinishedRun,
  insertFinishedRunTx,
  type FinishedRun,
  invokeNow,
  loadWorkflowVersion,
} from '../engine';
import { AppError } from '../errors';
import { AWS_NAME_PATTERN } from '../workflows/schemas';
import { parsePayload } from './payload';
import { childRequest, startExecutionFailure } from './nested-executions';
import { findStartableVersion, findStartableWorkflow, startExecution } from './start-execution';

/** Express's longest run, as on AWS. */
const EXPRESS_MAX_SECONDS = 300;

export interface StartSyncExecutionOptions {
  /** the workflow's id or name */
  workflowId: string;
  version?: number;
  name?: string;
  /** JSON text; defaults to "{}" */
  input?: string;
  actor: Actor;
  request?: RequestInfo;
}

export interface SyncExecution {
  id: string;
  name: string;
  workflowName: string;
  status: 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT';
  input: string;
  output?: string;
  error?: string;
  cause?: string;
  startedAt: Date;
  stoppedAt: Date;
}

const clock = {
  now: () => Date.now(),
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

class TimedOut extends Error {}

/** One Task of an Express run: the integrations that answer at once. */
function expressTask(runArn: string, actor: Actor, request?: RequestInfo) {
  return async ({ resource, input }: { resource: string; input: JsonValue }) => {
    if (resource === 'arn:aws:states:::states:startExecution')
      return startChild(input, runArn, actor, request);
    const outcome = await invokeNow(resource, input).catch((error: Error) => ({
      error: 'States.Runtime',
      cause: error.message,
    }));
    return (
      outcome ?? {
        error: 'States.Runtime',
        cause: `The resource '${resource}' is not available in an Express execution.`,
      }
    );
  };
}

/** `states:startExecution` without a suffix, from an Express run: the child starts in its own transaction. */
async function startChild(params: JsonValue, parentArn: string, actor: Actor, request?: RequestInfo) {
  try {
    const child = childRequest(params, parentArn);
    const { execution } = await startExecution({
      workflowId: child.workflow,
      name: child.name,
      input: child.input,
      actor,
      request,
    });
    return {
      output: {
        ExecutionArn: executionArnOf(execution.workflowName, execution.name),
        StartDate: execution.startedAt.getTime(),
      },
    };
  } catch (error) {
    return startExecutionFailure(error);
  }
}

export async function startSyncExecution(options: StartSyncExecutionOptions): Promise<SyncExecution> {
  await authorize(options.actor, 'executions:write');
  const name = options.name ?? randomUUID();
  if (!AWS_NAME_PATTERN.test(name))
    throw new AppError(
      'INVALID_INPUT',
      'An execution name is 1–80 characters without spaces, brackets, wildcards or special characters.',
      {
        details: { awsErrorType: 'InvalidName' },
      },
    );
  const inputText = options.input ?? '{}';
  const input = parsePayload(inputText, 'input');
  const workflow = await findStartableWorkflow(db, options.workflowId);
  if (workflow.type !== 'EXPRESS')
    throw new AppError('INVALID_INPUT', 'This operation is only supported by EXPRESS state machines.', {
      details: { awsErrorType: 'StateMachineTypeNotSupported' },
    });
  const versionNumber = options.version ?? workflow.currentVersion;
  const version = await findStartableVersion(db, workflow, versionNumber);
  // a name given is checked before the run too (the write checks again, under the lock)
  if (options.name !== undefined && (await db.execution.count({ where: { workflowId: workflow.id, name } })))
    throw new AppError('CONFLICT', `An execution named "${name}" already exists.`, {
      details: { awsErrorType: 'ExecutionAlreadyExists' },
    });
  const { definition } = await loadWorkflowVersion(db, version.id);
  const startedAt = new Date();
  const outcome = await runWithin(
    Math.min(
      typeof definition.TimeoutSeconds === 'number' ? definition.TimeoutSeconds : EXPRESS_MAX_SECONDS,
      EXPRESS_MAX_SECONDS,
    ),
    (signal) =>
      runInMemory(definition, input, {
        tasks: expressTask(executionArnOf(workflow.name, name), options.actor, options.request),
        clock,
        signal,
        random: Math.random,
        executionName: name,
        stateMachineName: workflow.name,
      }),
  );
  const stoppedAt = new Date();
  const ended =
    outcome === 'timed-out'
      ? { status: 'TIMED_OUT' as const, error: 'States.Timeout', cause: 'The execution timed out.' }
      : outcome.status === 'SUCCEEDED'
        ? { status: 'SUCCEEDED' as const, output: JSON.stringify(outcome.output ?? null) }
        : { status: 'FAILED' as const, error: outcome.error ?? undefined, cause: outcome.cause };
  const history = outcome === 'timed-out' ? [] : outcome.history;
  const id = randomUUID();
  const run: FinishedRun = {
    id,
    name,
    workflowId: workflow.id,
    workflowVersionId: version.id,
    input: inputText,
    status: ended.status,
    output: ended.output ?? null,
    error: ended.error ?? null,
    cause: ended.cause ?? null,
    startedAt,
    stoppedAt,
    ...requesterColumns(options.actor),
  };
  const audit: RecordAuditOptions = {
    actor: options.actor,
    request: options.request,
    type: 'EXECUTION_STARTED',
    data: {
      executionId: id,
      workflowId: workflow.id,
      version: versionNumber,
      name,
      expressStatus: ended.status,
    },
    target: { type: 'execution', id },
  };
  const nameTaken = () =>
    new AppError('CONFLICT', `An execution named "${name}" already exists.`, {
      details: { awsErrorType: 'ExecutionAlreadyExists' },
    });
  if (isPostgres()) {
    // One Prisma transaction; a racing run of the same name loses on the unique (workflowId, name).
    await runAudited(async (tx) => {
      if (await tx.execution.count({ where: { workflowId: workflow.id, name } })) throw nameTaken();
      await insertFinishedRunTx(tx, run, history);
      await recordAudit(tx, audit);
    }).catch((error: unknown) => {
      throw isUniqueViolation(error) ? nameTaken() : error;
    });
  } else {
    const connection = sqlite();
    await withWriteLock(connection, () => {
      if (executionNameTaken(connection, workflow.id, name)) throw nameTaken();
      insertFinishedRun(connection, run, history);
      recordAuditSync(connection, audit);
    });
  }
  return { id, name, workflowName: workflow.name, input: inputText, startedAt, stoppedAt, ...ended };
}

/** Runs `work` with a deadline; past it the run is told to stop and the answer is `timed-out`. */
async function runWithin(
  seconds: number,
  work: (signal: AbortSignal) => Promise<InMemoryResult>,
): Promise<InMemoryResult | 'timed-out'> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timed-out'>((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new TimedOut());
      resolve('timed-out');
    }, seconds * 1000);
  });
  const run = work(controller.signal);
  run.catch(() => undefined); // a run stopped by the deadline rejects after the answer
  try {
    return await Promise.race([run, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === 'P2002';
