/**
 * An execution that ran to its end outside the engine (an Express run, StartSyncExecution):
 * its row and its history written on the synchronous SQLite connection, inside the caller's
 * `withWriteLock` transaction — microseconds, where a Prisma interactive transaction costs
 * milliseconds on the request's path. On PostgreSQL, in the caller's Prisma transaction.
 */
import type { HistoryEvent } from '../../asl';
import type { Tx } from '../../db/client';
import { prepared, sqlTime, type Sqlite } from '../../db/sqlite';
import { BatchWrites } from './batch-writes';
import { historyRow } from './history-row';

export interface FinishedRun {
  id: string;
  name: string;
  workflowId: string;
  workflowVersionId: string;
  status: 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT';
  input: string;
  output: string | null;
  error: string | null;
  cause: string | null;
  startedAt: Date;
  stoppedAt: Date;
  requesterUserId: string | null;
  requesterApiKeyId: string | null;
}

const TAKEN = 'SELECT 1 FROM "Execution" WHERE "workflowId" = ? AND "name" = ? LIMIT 1';
const INSERT = `INSERT INTO "Execution" ("id", "name", "workflowId", "workflowVersionId", "status", "input", "output",
  "error", "cause", "startedAt", "stoppedAt", "requesterUserId", "requesterApiKeyId", "runnable", "nextEventId")
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`;

export function executionNameTaken(connection: Sqlite, workflowId: string, name: string): boolean {
  return prepared(connection, TAKEN).get(workflowId, name) !== undefined;
}

export function insertFinishedRun(connection: Sqlite, run: FinishedRun, history: HistoryEvent[]): void {
  prepared(connection, INSERT).run(
    run.id,
    run.name,
    run.workflowId,
    run.workflowVersionId,
    run.status,
    run.input,
    run.output,
    run.error,
    run.cause,
    sqlTime(run.startedAt),
    sqlTime(run.stoppedAt),
    run.requesterUserId,
    run.requesterApiKeyId,
    history.length + 1,
  );
  const batch = new BatchWrites();
  for (const event of history) batch.history.push(historyRow(run.id, event));
  for (const statement of batch.statements(run.stoppedAt))
    prepared(connection, statement.sql).run(...statement.params);
}

/** The same rows in the caller's Prisma transaction (PostgreSQL). */
export async function insertFinishedRunTx(tx: Tx, run: FinishedRun, history: HistoryEvent[]): Promise<void> {
  await tx.execution.create({ data: { ...run, runnable: false, nextEventId: history.length + 1 } });
  const batch = new BatchWrites();
  for (const event of history) batch.history.push(historyRow(run.id, event));
  await batch.apply(tx, run.stoppedAt);
}
