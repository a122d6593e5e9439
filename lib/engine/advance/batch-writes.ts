/**
 * The writes of a batch of executions, applied at the end of its transaction with one
 * statement per kind: frame rows (createMany; changed ones in one UPDATE … FROM VALUES),
 * history and timers (createMany), and every execution row in one UPDATE … FROM VALUES that
 * still checks each row's version (fewer changed rows than sent ⇒ VersionConflict ⇒ retry).
 */
import type { Tx } from '../../db/client';
import { VersionConflict } from '../tx-retry';
import type { HistoryRow } from './flush-session';
import type { FrameRow } from './live-frame';

type FrameUpdate = Omit<FrameRow, 'parentFrameId' | 'parentState' | 'index' | 'definitionPath' | 'mapItem'>;
type NewFrame = FrameRow & { executionId: string };
type TimerRow = { key: string; executionId: string; frameId: string | null; purpose: string; dueAt: Date; taskTokenId?: string };

export interface ExecutionWrite {
  id: string;
  version: number;
  nextEventId: number;
  runnable: boolean;
  releaseLease: boolean;
  mocks?: string;
  ended?: { status: string; output: string | null; error: string | null; cause: string | null; at: Date };
}

/** Prisma's SQLite DateTime text form. */
const sqlTime = (date: Date) => date.toISOString().replace('Z', '+00:00');

export class BatchWrites {
  readonly history: HistoryRow[] = [];
  readonly created: NewFrame[] = [];
  readonly frames: FrameUpdate[] = [];
  readonly timers: TimerRow[] = [];
  readonly executions: ExecutionWrite[] = [];

  async apply(tx: Tx, now: Date): Promise<void> {
    if (this.created.length > 0) await tx.executionFrame.createMany({ data: this.created });
    if (this.frames.length > 0) await updateFrames(tx, this.frames, now);
    if (this.history.length > 0) await tx.historyEvent.createMany({ data: this.history });
    if (this.timers.length > 0) await tx.timer.createMany({ data: this.timers });
    if (this.executions.length > 0) await updateExecutions(tx, this.executions);
  }
}

async function updateFrames(tx: Tx, frames: FrameUpdate[], now: Date): Promise<void> {
  const values = frames.map(() => '(?,?,?,?,?,?,?,?,?,?,?)').join(',');
  const params = frames.flatMap((f) => [f.id, f.status, f.stateName, f.stateInput, f.continuation, f.event, f.variables, f.lastEventId, f.result, f.error, f.cause]);
  await tx.$executeRawUnsafe(
    `UPDATE "ExecutionFrame" SET "status" = v.column2, "stateName" = v.column3, "stateInput" = v.column4, "continuation" = v.column5,
       "event" = v.column6, "variables" = v.column7, "lastEventId" = v.column8, "result" = v.column9, "error" = v.column10,
       "cause" = v.column11, "updatedAt" = ? FROM (VALUES ${values}) AS v WHERE "ExecutionFrame"."id" = v.column1`,
    sqlTime(now),
    ...params,
  );
}

async function updateExecutions(tx: Tx, writes: ExecutionWrite[]): Promise<void> {
  const values = writes.map(() => '(?,?,?,?,?,?,?,?,?,?,?,?)').join(',');
  const params = writes.flatMap((w) => [
    w.id, w.version, w.nextEventId, w.runnable ? 1 : 0, w.releaseLease ? 1 : 0, w.mocks === undefined ? 0 : 1, w.mocks ?? null,
    w.ended ? 1 : 0, w.ended?.status ?? null, w.ended?.output ?? null, w.ended?.error ?? null, w.ended?.cause ?? null,
  ]);
  const endedAt = writes.find((w) => w.ended)?.ended?.at ?? new Date();
  const count = await tx.$executeRawUnsafe(
    `UPDATE "Execution" SET "version" = v.column2 + 1, "nextEventId" = v.column3, "runnable" = v.column4,
       "leaseOwner" = CASE WHEN v.column5 = 1 THEN NULL ELSE "leaseOwner" END,
       "leaseUntil" = CASE WHEN v.column5 = 1 THEN NULL ELSE "leaseUntil" END,
       "mocks" = CASE WHEN v.column6 = 1 THEN v.column7 ELSE "mocks" END,
       "status" = CASE WHEN v.column8 = 1 THEN v.column9 ELSE "status" END,
       "output" = CASE WHEN v.column8 = 1 THEN v.column10 ELSE "output" END,
       "error" = CASE WHEN v.column8 = 1 THEN v.column11 ELSE "error" END,
       "cause" = CASE WHEN v.column8 = 1 THEN v.column12 ELSE "cause" END,
       "stoppedAt" = CASE WHEN v.column8 = 1 THEN ? ELSE "stoppedAt" END
     FROM (VALUES ${values}) AS v WHERE "Execution"."id" = v.column1 AND "Execution"."version" = v.column2`,
    sqlTime(endedAt),
    ...params,
  );
  if (count !== writes.length) throw new VersionConflict(writes.map((w) => w.id).join(','));
}
