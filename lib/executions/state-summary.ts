/**
 * What the execution page's graph and States section need: the version's definition and
 * runProgress over every history event. The events are read in seq order in large batches
 * with only the columns runProgress uses, so a 25,000-event execution stays quick (measured in
 * state-summary.test.ts). An API key needs executions:read.
 */
import { runProgress, type RunProgress } from '../asl/graph/run-progress';
import type { Definition, HistoryEvent, JsonObject } from '../asl';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/authorize';
import { db } from '../db/client';
import { definitionAt, type DefinitionPath } from '../engine';
import { AppError } from '../errors';

export interface ExecutionProgress {
  /** the definition of the version the execution runs, JSON text as uploaded */
  definition: string;
  progress: RunProgress;
}

/** Rows read per query: few round trips, bounded memory per batch. */
const BATCH = 5000;

export async function getExecutionProgress({
  executionId,
  actor,
}: {
  executionId: string;
  actor: Actor;
}): Promise<ExecutionProgress> {
  await authorize(actor, 'executions:read');
  const execution = await db.execution.findUnique({
    where: { id: executionId },
    select: { definitionPath: true, workflowVersion: { select: { definition: true } } },
  });
  if (!execution)
    throw new AppError('NOT_FOUND', `Execution ${executionId} does not exist.`, {
      details: { awsErrorType: 'ExecutionDoesNotExist' },
    });
  // A Distributed Map's child runs the item processor, not the whole workflow.
  const definition = execution.definitionPath
    ? JSON.stringify(
        definitionAt(
          {
            definition: JSON.parse(execution.workflowVersion.definition) as Definition,
            workflowName: '',
            subDefinitions: new Map(),
          },
          JSON.parse(execution.definitionPath) as DefinitionPath,
        ),
      )
    : execution.workflowVersion.definition;
  return { definition, progress: runProgress(await loadEvents(executionId), definition) };
}

async function loadEvents(executionId: string): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  for (let after = 0; ;) {
    const rows = await db.historyEvent.findMany({
      where: { executionId, seq: { gt: after } },
      orderBy: { seq: 'asc' },
      take: BATCH,
      select: { seq: true, previousEventId: true, type: true, timestamp: true, details: true },
    });
    for (const row of rows) {
      events.push({
        ...(JSON.parse(row.details) as JsonObject),
        id: row.seq,
        previousEventId: row.previousEventId,
        type: row.type,
        timestamp: row.timestamp.toISOString(),
      });
    }
    if (rows.length < BATCH) return events;
    after = rows[rows.length - 1].seq;
  }
}
