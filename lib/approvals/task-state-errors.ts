/**
 * The answers for a task that can no longer take this decision: ALREADY_DECIDED with the
 * recorded outcome (show it, do not retry), LINK_EXPIRED, or CONFLICT for a cancelled one.
 */
import { AppError } from '../errors';

export interface TaskStateRow {
  id: string;
  status: string;
  outcome: string | null;
  decidedAt: Date | null;
  dueAt: Date | null;
  closedReason: string | null;
  taskToken: { status: string };
  execution: { status: string };
}

export function alreadyDecided(
  task: { id: string; status: string; outcome: string | null; decidedAt: Date | null },
  message?: string,
): AppError {
  const outcome = task.outcome ? (JSON.parse(task.outcome) as unknown) : null;
  const verdict =
    task.status === 'APPROVED' ? 'approved' : task.status === 'REJECTED' ? 'rejected' : 'recorded';
  return new AppError('ALREADY_DECIDED', message ?? `This request was already decided: ${verdict}.`, {
    details: {
      taskId: task.id,
      status: task.status,
      decidedAt: task.decidedAt?.toISOString() ?? null,
      outcome,
    },
  });
}

/** Throws unless the task still waits for decisions at `now`; the message says why not. */
export function assertTaskOpen(task: TaskStateRow, now: Date): void {
  if (task.status === 'APPROVED' || task.status === 'REJECTED') throw alreadyDecided(task);
  const closed = (code: 'LINK_EXPIRED' | 'CONFLICT', status: string, message: string) =>
    new AppError(code, message, { details: { taskId: task.id, status } });
  const because = task.closedReason ? `: ${task.closedReason}` : '';
  if (task.status === 'EXPIRED')
    throw closed('LINK_EXPIRED', 'EXPIRED', `This request expired before it was decided${because}.`);
  if (task.status === 'CANCELLED')
    throw closed('CONFLICT', 'CANCELLED', `This request was withdrawn${because}.`);
  if (task.taskToken.status === 'TIMED_OUT' || (task.dueAt !== null && task.dueAt <= now))
    throw closed('LINK_EXPIRED', 'EXPIRED', 'This request expired before it was decided.');
  if (task.taskToken.status !== 'PENDING' || task.execution.status !== 'RUNNING')
    throw closed(
      'CONFLICT',
      'CANCELLED',
      'This request was withdrawn: its workflow stopped before a decision.',
    );
}
