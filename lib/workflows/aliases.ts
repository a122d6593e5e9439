/**
 * Aliases (AWS's state machine aliases): a name that routes new executions to one version, or
 * splits them over two by weight (a canary: 90 to the proven version, 10 to the new one). The
 * version an execution ran is recorded on it, so a split is visible afterwards. A version an
 * alias routes to cannot be deleted; a deleted version is hidden and no longer startable, while
 * executions that ran it keep it. Each change is one audited transaction.
 */
import type { Actor, RequestInfo } from '../auth/actor';
import { authorize } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import { runAudited } from '../audit/run-audited';
import { db, type Tx } from '../db/client';
import { AppError } from '../errors';

export interface AliasRoute {
  version: number;
  weight: number;
}

export interface AliasDetail {
  workflowId: string;
  workflowName: string;
  name: string;
  description: string | null;
  routing: AliasRoute[];
  createdAt: Date;
  updatedAt: Date;
}

/** AWS's rule: letters, digits, - and _, up to 80, and not only digits (that would read as a version). */
const ALIAS_NAME = /^(?=.*[a-zA-Z_-])[a-zA-Z0-9_-]{1,80}$/;

const invalid = (message: string) =>
  new AppError('INVALID_INPUT', message, { details: { awsErrorType: 'ValidationException' } });
const notFound = (message: string) =>
  new AppError('NOT_FOUND', message, { details: { awsErrorType: 'ResourceNotFound' } });
const conflict = (message: string) =>
  new AppError('CONFLICT', message, { details: { awsErrorType: 'ConflictException' } });

function assertRouting(routing: AliasRoute[]): void {
  if (routing.length < 1 || routing.length > 2)
    throw invalid('An alias routes to one version, or to two by weight.');
  if (new Set(routing.map((r) => r.version)).size !== routing.length)
    throw invalid('An alias names each version once.');
  for (const route of routing)
    if (!Number.isInteger(route.weight) || route.weight < 0 || route.weight > 100)
      throw invalid('Each weight is a whole number from 0 to 100.');
  if (routing.reduce((sum, r) => sum + r.weight, 0) !== 100) throw invalid('The weights add up to 100.');
}

async function workflowOf(tx: Tx, workflowId: string) {
  const workflow = await tx.workflow.findFirst({
    where: { deletedAt: null, OR: [{ id: workflowId }, { name: workflowId }] },
    select: { id: true, name: true },
  });
  if (!workflow)
    throw new AppError('NOT_FOUND', `Workflow ${workflowId} does not exist.`, {
      details: { awsErrorType: 'StateMachineDoesNotExist' },
    });
  return workflow;
}

async function assertVersionsLive(tx: Tx, workflowId: string, routing: AliasRoute[]): Promise<void> {
  const live = await tx.workflowVersion.findMany({
    where: { workflowId, version: { in: routing.map((r) => r.version) }, deletedAt: null },
    select: { version: true },
  });
  const missing = routing.find((r) => !live.some((v) => v.version === r.version));
  if (missing) throw notFound(`Version ${missing.version} does not exist.`);
}

const toDetail = (
  workflowName: string,
  row: {
    workflowId: string;
    name: string;
    description: string | null;
    routing: string;
    createdAt: Date;
    updatedAt: Date;
  },
): AliasDetail => ({ ...row, workflowName, routing: JSON.parse(row.routing) as AliasRoute[] });

async function findAlias(tx: Tx, workflowId: string, name: string) {
  return tx.workflowAlias.findUnique({ where: { workflowId_name: { workflowId, name } } });
}

/** Creates an alias; the same name with the same routing and description again is a no-op. */
export async function createAlias(options: {
  workflowId: string;
  name: string;
  description?: string;
  routing: AliasRoute[];
  actor: Actor;
  request?: RequestInfo;
}): Promise<AliasDetail> {
  await authorize(options.actor, 'workflows:write');
  if (!ALIAS_NAME.test(options.name))
    throw invalid('An alias name is 1–80 letters, digits, - or _, and not only digits.');
  assertRouting(options.routing);
  return runAudited(async (tx) => {
    const workflow = await workflowOf(tx, options.workflowId);
    await assertVersionsLive(tx, workflow.id, options.routing);
    const routing = JSON.stringify(options.routing);
    const existing = await findAlias(tx, workflow.id, options.name);
    if (existing) {
      if (existing.routing !== routing || existing.description !== (options.description ?? null))
        throw conflict(`An alias named "${options.name}" already exists with another configuration.`);
      return toDetail(workflow.name, existing);
    }
    const row = await tx.workflowAlias.create({
      data: {
        workflowId: workflow.id,
        name: options.name,
        description: options.description ?? null,
        routing,
      },
    });
    await recordAudit(tx, {
      actor: options.actor,
      request: options.request,
      type: 'WORKFLOW_ALIAS_SET',
      data: { workflowId: workflow.id, alias: options.name, routing: options.routing },
      target: { type: 'workflow', id: workflow.id },
    });
    return toDetail(workflow.name, row);
  });
}

export async function getAlias(options: {
  workflowId: string;
  name: string;
  actor: Actor;
}): Promise<AliasDetail> {
  await authorize(options.actor, 'workflows:read');
  const workflow = await workflowOf(db, options.workflowId);
  const row = await findAlias(db, workflow.id, options.name);
  if (!row) throw notFound(`Alias ${options.name} of ${workflow.name} does not exist.`);
  return toDetail(workflow.name, row);
}

export async function listAliases(options: { workflowId: string; actor: Actor }): Promise<AliasDetail[]> {
  await authorize(options.actor, 'workflows:read');
  const workflow = await workflowOf(db, options.workflowId);
  const rows = await db.workflowAlias.findMany({
    where: { workflowId: workflow.id },
    orderBy: { name: 'asc' },
  });
  return rows.map((row) => toDetail(workflow.name, row));
}

export async function updateAlias(options: {
  workflowId: string;
  name: string;
  description?: string;
  routing?: AliasRoute[];
  actor: Actor;
  request?: RequestInfo;
}): Promise<AliasDetail> {
  await authorize(options.actor, 'workflows:write');
  if (options.routing) assertRouting(options.routing);
  return runAudited(async (tx) => {
    const workflow = await workflowOf(tx, options.workflowId);
    const existing = await findAlias(tx, workflow.id, options.name);
    if (!existing) throw notFound(`Alias ${options.name} of ${workflow.name} does not exist.`);
    if (options.routing) await assertVersionsLive(tx, workflow.id, options.routing);
    const row = await tx.workflowAlias.update({
      where: { id: existing.id },
      data: {
        ...(options.description !== undefined ? { description: options.description } : {}),
        ...(options.routing ? { routing: JSON.stringify(options.routing) } : {}),
      },
    });
    await recordAudit(tx, {
      actor: options.actor,
      request: options.request,
      type: 'WORKFLOW_ALIAS_SET',
      data: {
        workflowId: workflow.id,
        alias: options.name,
        routing: JSON.parse(row.routing) as AliasRoute[],
      },
      target: { type: 'workflow', id: workflow.id },
    });
    return toDetail(workflow.name, row);
  });
}

/** Deletes an alias (nothing to delete is fine, as on AWS). */
export async function deleteAlias(options: {
  workflowId: string;
  name: string;
  actor: Actor;
  request?: RequestInfo;
}): Promise<void> {
  await authorize(options.actor, 'workflows:write');
  await runAudited(async (tx) => {
    const workflow = await workflowOf(tx, options.workflowId);
    const { count } = await tx.workflowAlias.deleteMany({
      where: { workflowId: workflow.id, name: options.name },
    });
    if (count === 0) return;
    await recordAudit(tx, {
      actor: options.actor,
      request: options.request,
      type: 'WORKFLOW_ALIAS_DELETED',
      data: { workflowId: workflow.id, alias: options.name },
      target: { type: 'workflow', id: workflow.id },
    });
  });
}

/** The version an execution started through the alias runs: by weight, with `random` in [0, 1). */
export function pickVersion(routing: AliasRoute[], random: number): number {
  let threshold = random * 100;
  for (const route of routing) {
    if (threshold < route.weight) return route.version;
    threshold -= route.weight;
  }
  return routing[routing.length - 1].version;
}

/**
 * DeleteStateMachineVersion: the version is hidden and no longer startable. Refused while an
 * alias routes to it, and for the current version (which a plain start runs).
 */
export async function deleteVersion(options: {
  workflowId: string;
  version: number;
  actor: Actor;
  request?: RequestInfo;
}): Promise<void> {
  await authorize(options.actor, 'workflows:write');
  await runAudited(async (tx) => {
    const workflow = await tx.workflow.findFirst({
      where: { deletedAt: null, OR: [{ id: options.workflowId }, { name: options.workflowId }] },
      select: { id: true, currentVersion: true, aliases: { select: { name: true, routing: true } } },
    });
    if (!workflow) return;
    const routedBy = workflow.aliases.find((a) =>
      (JSON.parse(a.routing) as AliasRoute[]).some((r) => r.version === options.version),
    );
    if (routedBy)
      throw conflict(`Version ${options.version} cannot be deleted: alias "${routedBy.name}" routes to it.`);
    if (workflow.currentVersion === options.version)
      throw conflict(`Version ${options.version} is the current version: publish another one first.`);
    const { count } = await tx.workflowVersion.updateMany({
      where: { workflowId: workflow.id, version: options.version, deletedAt: null },
      data: { deletedAt: new Date() },
    });
    if (count === 0) return;
    await recordAudit(tx, {
      actor: options.actor,
      request: options.request,
      type: 'WORKFLOW_VERSION_DELETED',
      data: { workflowId: workflow.id, version: options.version },
      target: { type: 'workflow', id: workflow.id },
    });
  });
}
