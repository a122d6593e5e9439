/**
 * Distributed Map: its items (or batches) run as child executions of a map run, each with its
 * own history, instead of iterations of the parent. All children are written when the map run
 * starts, as PENDING executions; at most MaxConcurrency of them run, and the next begins in the
 * transaction where one ends. When the last one ends (or the failures pass the tolerated
 * threshold, which stops the rest), the parent's Map state hears BranchesCompleted with every
 * child's outcome in item order, in the same transaction.
 *
 * Beginning and stopping an execution live in lib/engine/control, which reaches this module
 * through the engine's own stepping: they are handed in by registerMapRuns (no import circle).
 */
import { randomUUID } from 'node:crypto';
import { mapRunStartedEvent, type BranchOutcome, type Effect, type JsonValue } from '../../asl';
import type { Tx } from '../../db/client';
import { ARN_PREFIX } from '../constants';
import type { DefinitionPath } from '../definitions';
import { deliverEvent } from '../tokens/deliver-event';
import { onExecutionEnded, type EndedChild } from './execution-endings';
import type { LiveFrame } from './live-frame';
import type { Session } from './session';

type StartMap = Extract<Effect, { type: 'StartBranches'; kind: 'Map' }>;

interface Control {
  begin(tx: Tx, args: { executionId: string; path: DefinitionPath }): Promise<void>;
  stop(tx: Tx, args: { executionId: string; error?: string; cause?: string; by?: string }): Promise<void>;
}

const holder = globalThis as unknown as { signoffMapRunControl?: Control };

/** Wires map runs to the engine's begin and stop (control/register-distributed-map.ts). */
export function registerMapRuns(control: Control): void {
  if (holder.signoffMapRunControl) return;
  holder.signoffMapRunControl = control;
  onExecutionEnded(childEnded);
}

function control(): Control {
  const wired = holder.signoffMapRunControl;
  if (!wired) throw new Error('Distributed Map runs are not wired: advance-execution.ts registers them.');
  return wired;
}

/** `arn:aws:states:…:mapRun:<workflow>/<label>:<id>`, as AWS names a map run. */
const mapRunArnOf = (workflowName: string, label: string, id: string) =>
  `${ARN_PREFIX}:mapRun:${workflowName}/${label}:${id}`;

/** Starts the map run of a Distributed Map whose items are ready (the parent frame waits for it). */
export async function startMapRun(session: Session, parent: LiveFrame, effect: StartMap): Promise<void> {
  const { execution } = session;
  if (effect.branches.length === 0) return session.wake(parent, { type: 'BranchesCompleted', outcomes: [] });
  const id = randomUUID();
  const label = effect.distributed?.label ?? parent.stateName;
  const total = effect.branches.length;
  session.record(
    parent,
    mapRunStartedEvent(
      mapRunArnOf(session.pinned.workflowName, label, id),
      session.cursor(parent),
      session.env,
    ),
  );
  const path = JSON.stringify([...parent.path, parent.stateName, -1]);
  const prefix = `${label.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 40)}-${id.slice(0, 8)}`;
  const now = session.now;
  session.startedMapRuns.add(parent.id);
  // The run and its child executions are the map run's rows, written when the session commits.
  session.write(async (tx) => {
    await tx.mapRun.create({
      data: {
        id,
        executionId: execution.id,
        frameId: parent.id,
        stateName: parent.stateName,
        label: effect.distributed?.label ?? null,
        total,
        maxConcurrency: effect.maxConcurrency,
        toleratedFailureCount: effect.toleratedFailureCount ?? null,
        toleratedFailurePercentage: effect.toleratedFailurePercentage ?? null,
        startedAt: now,
      },
    });
    const { workflowId } = await tx.execution.findUniqueOrThrow({
      where: { id: execution.id },
      select: { workflowId: true },
    });
    await tx.execution.createMany({
      data: effect.branches.map((branch, index) => ({
        id: randomUUID(),
        name: `${prefix}-${index}`,
        workflowId,
        workflowVersionId: execution.workflowVersionId,
        input: JSON.stringify(branch.input),
        status: 'PENDING',
        runnable: false,
        startedAt: now,
        parentExecutionId: execution.id,
        mapRunId: id,
        mapIndex: index,
        definitionPath: path,
      })),
    });
    await beginNext(tx, id, effect.maxConcurrency > 0 ? Math.min(effect.maxConcurrency, total) : total);
  });
}

async function beginNext(tx: Tx, mapRunId: string, count: number): Promise<void> {
  if (count <= 0) return;
  const next = await tx.execution.findMany({
    where: { mapRunId, status: 'PENDING' },
    orderBy: { mapIndex: 'asc' },
    take: count,
    select: { id: true, definitionPath: true },
  });
  for (const child of next) {
    await tx.execution.update({ where: { id: child.id }, data: { status: 'RUNNING', runnable: true } });
    await control().begin(tx, {
      executionId: child.id,
      path: JSON.parse(child.definitionPath ?? '[]') as DefinitionPath,
    });
  }
  if (next.length > 0)
    await tx.mapRun.update({ where: { id: mapRunId }, data: { started: { increment: next.length } } });
}

const exceeds = (
  run: { toleratedFailureCount: number | null; toleratedFailurePercentage: number | null; total: number },
  failed: number,
) => {
  if (failed === 0) return false;
  if (run.toleratedFailureCount === null && run.toleratedFailurePercentage === null) return true;
  const countOk = run.toleratedFailureCount !== null && failed <= run.toleratedFailureCount;
  const percentOk =
    run.toleratedFailurePercentage !== null && (failed / run.total) * 100 <= run.toleratedFailurePercentage;
  return !(countOk || percentOk);
};

/** A child ended: count it, begin the next, or finish the run. */
async function childEnded(tx: Tx, child: EndedChild): Promise<void> {
  if (!child.mapRunId) return;
  // The child's own row (its end) is written before this: a session's statements run before its service writes.
  const one = { increment: 1 };
  const run = await tx.mapRun.update({
    where: { id: child.mapRunId },
    data:
      child.status === 'SUCCEEDED'
        ? { succeeded: one }
        : child.status === 'ABORTED'
          ? { aborted: one }
          : { failed: one },
  });
  if (run.status !== 'RUNNING') return;
  const done = run.succeeded + run.failed + run.aborted;
  if (exceeds(run, run.failed + run.aborted)) return fail(tx, run.id);
  if (done === run.total) return finish(tx, run.id, 'SUCCEEDED');
  if (run.started < run.total) await beginNext(tx, run.id, 1);
}

/** The failures passed the threshold: the children not yet ended stop, and the parent hears all. */
async function fail(tx: Tx, mapRunId: string): Promise<void> {
  await tx.mapRun.update({ where: { id: mapRunId }, data: { status: 'FAILED' } });
  await abortChildren(tx, mapRunId, 'The map run failed: more items failed than it tolerates.');
  await finish(tx, mapRunId, 'FAILED');
}

async function abortChildren(tx: Tx, mapRunId: string, cause: string): Promise<void> {
  const now = new Date();
  await tx.execution.updateMany({
    where: { mapRunId, status: 'PENDING' },
    data: { status: 'ABORTED', stoppedAt: now, error: 'States.Aborted', cause },
  });
  const running = await tx.execution.findMany({
    where: { mapRunId, status: 'RUNNING' },
    select: { id: true },
  });
  for (const { id } of running)
    await control().stop(tx, { executionId: id, error: 'States.Aborted', cause, by: 'its map run' });
}

/** The run ended: the parent's Map state resumes with every child's outcome, in item order. */
async function finish(tx: Tx, mapRunId: string, status: 'SUCCEEDED' | 'FAILED'): Promise<void> {
  const run = await tx.mapRun.update({
    where: { id: mapRunId },
    data: { status, stoppedAt: new Date() },
    select: {
      executionId: true,
      frameId: true,
      label: true,
      stateName: true,
      execution: { select: { workflow: { select: { name: true } } } },
    },
  });
  const mapRunArn = mapRunArnOf(run.execution.workflow.name, run.label ?? run.stateName, mapRunId);
  const children = await tx.execution.findMany({
    where: { mapRunId },
    orderBy: { mapIndex: 'asc' },
    select: { status: true, output: true, error: true, cause: true },
  });
  const outcomes: BranchOutcome[] = children.map((c) =>
    c.status === 'SUCCEEDED'
      ? { status: 'SUCCEEDED', output: JSON.parse(c.output ?? 'null') as JsonValue }
      : { status: 'FAILED', error: c.error ?? 'States.Aborted', ...(c.cause ? { cause: c.cause } : {}) },
  );
  await deliverEvent(tx, {
    executionId: run.executionId,
    frameId: run.frameId,
    event: { type: 'BranchesCompleted', outcomes, mapRunArn },
  });
}

/** The parent stopped (or its Map was aborted): its running map runs end ABORTED with their children. */
export async function abortMapRuns(tx: Tx, frameIds: string[]): Promise<void> {
  if (frameIds.length === 0) return;
  const runs = await tx.mapRun.findMany({
    where: { frameId: { in: frameIds }, status: 'RUNNING' },
    select: { id: true },
  });
  for (const { id } of runs) {
    await tx.mapRun.update({ where: { id }, data: { status: 'ABORTED', stoppedAt: new Date() } });
    await abortChildren(tx, id, 'The parent execution stopped its map run.');
  }
}

/**
 * UpdateMapRun: a new MaxConcurrency (more children begin at once when it grows) or failure
 * threshold (checked again now). Only a RUNNING run changes.
 */
export async function updateMapRun(
  tx: Tx,
  args: {
    mapRunId: string;
    maxConcurrency?: number;
    toleratedFailureCount?: number;
    toleratedFailurePercentage?: number;
  },
): Promise<boolean> {
  const { count } = await tx.mapRun.updateMany({
    where: { id: args.mapRunId, status: 'RUNNING' },
    data: {
      ...(args.maxConcurrency !== undefined ? { maxConcurrency: args.maxConcurrency } : {}),
      ...(args.toleratedFailureCount !== undefined
        ? { toleratedFailureCount: args.toleratedFailureCount }
        : {}),
      ...(args.toleratedFailurePercentage !== undefined
        ? { toleratedFailurePercentage: args.toleratedFailurePercentage }
        : {}),
    },
  });
  if (count === 0) return false;
  const run = await tx.mapRun.findUniqueOrThrow({ where: { id: args.mapRunId } });
  if (exceeds(run, run.failed + run.aborted)) {
    await fail(tx, run.id);
    return true;
  }
  const running = run.started - (run.succeeded + run.failed + run.aborted);
  const room = run.maxConcurrency > 0 ? run.maxConcurrency - running : run.total - run.started;
  await beginNext(tx, run.id, Math.min(room, run.total - run.started));
  return true;
}
