/**
 * For tests, the conformance runner and the bench: write a workflow + execution the way the
 * services do, and drive the engine in-process until nothing is left to do now.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Definition, JsonValue } from '../../asl';
import { db, type Tx } from '../../db/client';
import { advanceExecutions } from '../advance/advance-execution';
import { beginExecution } from '../control/begin-execution';
import type { MockResponse } from '../integrations/mock-book';
import { findStaleInvocations, runInvocations } from '../invocations/run-invocations';
import { fireDueTimers } from '../timers/fire-due-timers';
import { retryTransaction } from '../tx-retry';
import { findClaimableExecutions } from '../worker/claim-executions';

export interface SeedOptions {
  definition: Definition;
  input?: JsonValue;
  mocks?: Record<string, MockResponse[]>;
  name?: string;
}

const versions = new Map<string, string>();

/** A workflow version for `definition` (one per distinct text per process). */
async function ensureWorkflowVersion(
  tx: Tx,
  definition: Definition,
): Promise<{ workflowId: string; versionId: string }> {
  const text = JSON.stringify(definition);
  const hash = createHash('sha256').update(text).digest('hex');
  const existing = await tx.workflowVersion.findFirst({
    where: { definitionHash: hash },
    select: { id: true, workflowId: true },
  });
  if (existing) return { workflowId: existing.workflowId, versionId: existing.id };
  const workflow = await tx.workflow.create({
    data: { name: `wf-${hash.slice(0, 12)}-${randomUUID().slice(0, 6)}` },
  });
  const version = await tx.workflowVersion.create({
    data: { workflowId: workflow.id, version: 1, definition: text, definitionHash: hash },
  });
  versions.set(hash, version.id);
  return { workflowId: workflow.id, versionId: version.id };
}

/** Writes an Execution row and begins it, in one transaction (as StartExecution does). */
export async function startTestExecution(options: SeedOptions): Promise<string> {
  return retryTransaction(async (tx) => {
    const { workflowId, versionId } = await ensureWorkflowVersion(tx, options.definition);
    const execution = await tx.execution.create({
      data: {
        name: options.name ?? randomUUID(),
        workflowId,
        workflowVersionId: versionId,
        input: JSON.stringify(options.input ?? {}),
        mocks: options.mocks ? JSON.stringify({ responses: options.mocks, calls: {} }) : null,
      },
    });
    await beginExecution(tx, { executionId: execution.id });
    return execution.id;
  });
}

/** Runs every kind of work until a pass finds nothing to do now (timers in the future wait). */
export async function runUntilIdle(workerId = 'test-worker', maxPasses = 10_000): Promise<void> {
  for (let pass = 0; pass < maxPasses; pass++) {
    let work = await fireDueTimers(1000);
    const stale = await findStaleInvocations(1000);
    work += await runInvocations(stale, workerId);
    let ids = await findClaimableExecutions(workerId, 1000);
    while (ids.length > 0) {
      const next: string[] = [];
      for (let i = 0; i < ids.length; i += 20) {
        for (const [id, result] of await advanceExecutions(ids.slice(i, i + 20), workerId)) {
          work += 1;
          if (result.invocations.length > 0) work += await runInvocations(result.invocations, workerId);
          if (result.claimed && result.runnable) next.push(id);
        }
      }
      ids = next;
    }
    if (work === 0) return;
  }
  throw new Error('runUntilIdle: still busy');
}

/** The execution row with its output parsed. */
export async function getExecution(id: string) {
  const row = await db.execution.findUniqueOrThrow({ where: { id } });
  return { ...row, output: row.output === null ? undefined : (JSON.parse(row.output) as JsonValue) };
}

/** The history as AWS prints it: `{ id, previousEventId, type, timestamp, ...details }`. */
export async function getHistory(id: string) {
  const rows = await db.historyEvent.findMany({ where: { executionId: id }, orderBy: { seq: 'asc' } });
  return rows.map((r) => ({
    id: r.seq,
    previousEventId: r.previousEventId,
    type: r.type,
    timestamp: r.timestamp.toISOString(),
    ...(JSON.parse(r.details) as object),
  }));
}
