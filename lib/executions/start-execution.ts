/**
 * StartExecution. Idempotent by name, as on AWS: the same name with the same input returns
 * the existing execution (`created: false`); a different input is a CONFLICT
 * (ExecutionAlreadyExists). The execution pins the workflow's current version (or the one
 * asked for). Row + engine start + audit commit together; then the engine is woken. An API key
 * needs executions:write.
 */
import { randomUUID } from 'node:crypto';
import { canonicalJson } from '../audit/canonical-json';
import { recordAudit } from '../audit/record-audit';
import { runAudited } from '../audit/run-audited';
import { requesterColumns, type Actor, type RequestInfo } from '../auth/actor';
import { authorize } from '../auth/authorize';
import type { Tx } from '../db/client';
import { beginExecution, notifyEngine } from '../engine';
import { AppError } from '../errors';
import { pickVersion, type AliasRoute } from '../workflows/aliases';
import { AWS_NAME_PATTERN } from '../workflows/schemas';
import { EXECUTION_SELECT } from '../engine/advance/session';
import { loadExecutionDetail, toExecutionDetail, type ExecutionDetail } from './execution-dto';
import { parsePayload } from './payload';

export interface StartExecutionOptions {
  /** the workflow's id or name */
  workflowId: string;
  version?: number;
  /** an alias of the workflow: the version is picked by its weights */
  alias?: string;
  name?: string;
  /** JSON text; defaults to "{}" */
  input?: string;
  actor: Actor;
  /**
   * The person the execution is for, when the system starts it on their behalf (the demo seed,
   * tests): the requester approvals see. Ignored for any other actor, whose requester is itself.
   */
  requester?: Actor;
  request?: RequestInfo;
  /** a parent execution's `states:startExecution` task (lib/executions/nested-executions.ts) */
  parent?: { executionId: string; taskTokenId?: string };
  /** when the parent's step said it started (its output's StartDate); defaults to now */
  startedAt?: Date;
}

export async function startExecution(
  options: StartExecutionOptions,
): Promise<{ execution: ExecutionDetail; created: boolean }> {
  await authorize(options.actor, 'executions:write');
  const name = options.name ?? randomUUID();
  const named = options.name !== undefined;
  if (!AWS_NAME_PATTERN.test(name))
    throw new AppError(
      'INVALID_INPUT',
      'An execution name is 1–80 characters without spaces, brackets, wildcards or special characters.',
      { details: { awsErrorType: 'InvalidName' } },
    );
  const input = options.input ?? '{}';
  const canonicalInput = canonicalJson(parsePayload(input, 'input'));
  const attempt = () =>
    runAudited((tx) => startInTransaction(tx, { ...options, name, input }, canonicalInput, named));
  let result;
  try {
    result = await attempt();
  } catch (error) {
    if ((error as { code?: string }).code !== 'P2002') throw error;
    result = await attempt(); // a concurrent start with the same name won: answer as it did
  }
  if (result.created) notifyEngine();
  return result;
}

/** A workflow that can be started, by id or name; NOT_FOUND (StateMachineDoesNotExist) otherwise. */
export async function findStartableWorkflow(tx: Tx, idOrName: string) {
  const workflow = await tx.workflow.findFirst({
    where: { deletedAt: null, OR: [{ id: idOrName }, { name: idOrName }] },
    select: { id: true, name: true, type: true, currentVersion: true },
  });
  if (!workflow)
    throw new AppError('NOT_FOUND', `Workflow ${idOrName} does not exist.`, {
      details: { awsErrorType: 'StateMachineDoesNotExist' },
    });
  return workflow;
}

/** One of its versions that was not deleted; NOT_FOUND (StateMachineDoesNotExist) otherwise. */
export async function findStartableVersion(tx: Tx, workflow: { id: string; name: string }, version: number) {
  const row = await tx.workflowVersion.findUnique({
    where: { workflowId_version: { workflowId: workflow.id, version } },
    select: { id: true, deletedAt: true },
  });
  if (!row || row.deletedAt)
    throw new AppError('NOT_FOUND', `Workflow ${workflow.name} has no version ${version}.`, {
      details: { awsErrorType: 'StateMachineDoesNotExist' },
    });
  return { id: row.id };
}

/**
 * The start itself, inside the caller's transaction (the API's, or a parent execution's). A name
 * the caller did not choose (`named` false: a random UUID) is not looked for first; the unique
 * index still stands behind it.
 */
export async function startInTransaction(
  tx: Tx,
  options: StartExecutionOptions & { name: string; input: string },
  canonicalInput: string,
  named = true,
) {
  const workflow = await findStartableWorkflow(tx, options.workflowId);
  const existing = named
    ? await tx.execution.findUnique({
        where: { workflowId_name: { workflowId: workflow.id, name: options.name } },
        select: { id: true, input: true },
      })
    : null;
  if (existing) {
    if (canonicalJson(JSON.parse(existing.input)) !== canonicalInput) {
      throw new AppError(
        'CONFLICT',
        `An execution named "${options.name}" already exists with a different input.`,
        { details: { awsErrorType: 'ExecutionAlreadyExists' } },
      );
    }
    return { execution: await loadExecutionDetail(tx, existing.id), created: false };
  }
  let versionNumber = options.version ?? workflow.currentVersion;
  if (options.alias !== undefined) {
    const alias = await tx.workflowAlias.findUnique({
      where: { workflowId_name: { workflowId: workflow.id, name: options.alias } },
      select: { routing: true },
    });
    if (!alias)
      throw new AppError('NOT_FOUND', `Workflow ${options.workflowId} has no alias ${options.alias}.`, {
        details: { awsErrorType: 'StateMachineDoesNotExist' },
      });
    versionNumber = pickVersion(JSON.parse(alias.routing) as AliasRoute[], Math.random());
  }
  const version = await findStartableVersion(tx, workflow, versionNumber);
  const columns = {
    name: options.name,
    workflowId: workflow.id,
    workflowVersionId: version.id,
    input: options.input,
    status: 'RUNNING',
    startedAt: options.startedAt ?? new Date(),
    parentExecutionId: options.parent?.executionId ?? null,
    parentTaskTokenId: options.parent?.taskTokenId ?? null,
    aliasName: options.alias ?? null,
    ...requesterColumns(
      options.actor.type === 'system' ? (options.requester ?? options.actor) : options.actor,
    ),
  };
  const execution = await tx.execution.create({ data: columns, select: EXECUTION_SELECT });
  const { id } = execution;
  await beginExecution(tx, execution);
  await recordAudit(tx, {
    actor: options.actor,
    request: options.request,
    type: 'EXECUTION_STARTED',
    data: {
      executionId: id,
      workflowId: workflow.id,
      version: versionNumber,
      name: options.name,
      ...(options.parent ? { parentExecutionId: options.parent.executionId } : {}),
    },
    target: { type: 'execution', id },
  });
  // What the row holds now, without reading it back (the engine moved only its version and event count).
  const detail = toExecutionDetail({
    id,
    name: columns.name,
    workflowId: workflow.id,
    status: columns.status,
    startedAt: columns.startedAt,
    stoppedAt: null,
    input: columns.input,
    output: null,
    error: null,
    cause: null,
    redriveCount: 0,
    redrivenAt: null,
    aliasName: columns.aliasName,
    parentExecutionId: columns.parentExecutionId,
    mapRunId: null,
    requesterUserId: columns.requesterUserId,
    requesterApiKeyId: columns.requesterApiKeyId,
    workflow: { name: workflow.name },
    workflowVersion: { version: versionNumber },
  });
  return { execution: detail, created: true };
}
