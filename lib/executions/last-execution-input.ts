/**
 * The input of a workflow's most recent execution, so "Start execution" can offer it again.
 * Null when the workflow has none. An API key needs executions:read.
 */
import type { JsonValue } from '../asl';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/authorize';
import { db } from '../db/client';

export interface LastExecutionInput {
  executionId: string;
  executionName: string;
  startedAt: Date;
  input: JsonValue;
}

export async function getLastExecutionInput({
  workflowId,
  actor,
}: {
  /** the workflow's id */
  workflowId: string;
  actor: Actor;
}): Promise<LastExecutionInput | null> {
  await authorize(actor, 'executions:read');
  const row = await db.execution.findFirst({
    where: { workflowId },
    orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
    select: { id: true, name: true, startedAt: true, input: true },
  });
  if (!row) return null;
  return {
    executionId: row.id,
    executionName: row.name,
    startedAt: row.startedAt,
    input: JSON.parse(row.input) as JsonValue,
  };
}
