/** A session on an execution inside a caller's transaction (start, stop, redrive, timers). */
import type { Tx } from '../../db/client';
import { AppError } from '../../errors';
import { loadWorkflowVersion } from '../definitions';
import { EXECUTION_SELECT } from './session';
import { Session } from './session';

export async function openSession(tx: Tx, executionId: string): Promise<Session> {
  const execution = await tx.execution.findUnique({ where: { id: executionId }, select: EXECUTION_SELECT });
  if (!execution)
    throw new AppError('NOT_FOUND', `Execution ${executionId} does not exist.`, {
      details: { awsErrorType: 'ExecutionDoesNotExist' },
    });
  return new Session(tx, execution, await loadWorkflowVersion(tx, execution.workflowVersionId));
}

/** The root frame ids of an execution (one, unless something went wrong). */
export async function rootFrameIds(session: Session): Promise<string[]> {
  const { own, rows } = await session.rowsUnder(null); // not parsed: a broken row must still be abortable
  return [...own, ...rows].map((f) => f.id);
}
