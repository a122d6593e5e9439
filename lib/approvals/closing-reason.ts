/**
 * Why an approval task ended without a decision, in words a person reads on the link page, in
 * the inbox and in the "no longer needed" mail (pure). EXPIRED when its own deadline passed,
 * CANCELLED for everything else that ended the state around it.
 */
import type { TokenEnding } from '../engine';
import { formatWhen } from '../mail/templates/html';

type ClosedStatus = 'EXPIRED' | 'CANCELLED';

export interface Closing {
  status: ClosedStatus;
  reason: string;
}

/** "7 days", "2 hours", "90 seconds": the largest whole unit. */
export function formatDuration(seconds: number): string {
  const units: Array<[number, string]> = [
    [86_400, 'day'],
    [3_600, 'hour'],
    [60, 'minute'],
  ];
  for (const [size, name] of units)
    if (seconds >= size && seconds % size === 0) {
      const n = seconds / size;
      return `${n} ${name}${n === 1 ? '' : 's'}`;
    }
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}

function stopped(by: string | undefined, cause: string | undefined, at: Date): string {
  const who = by ? ` by ${by}` : '';
  return `the workflow was stopped${who} at ${formatWhen(at)}${cause ? ` (“${cause}”)` : ''}`;
}

/** The closing for a token that ended (`createdAt`..`dueAt` is the task's own deadline). */
export function closingFor(
  ending: TokenEnding,
  task: { createdAt: Date; dueAt: Date | null },
  at: Date,
): Closing {
  const cancelled = (reason: string): Closing => ({ status: 'CANCELLED', reason });
  switch (ending.kind) {
    case 'stopped':
      return cancelled(stopped(ending.by, ending.cause, at));
    case 'state-timed-out': {
      const seconds = task.dueAt ? Math.round((task.dueAt.getTime() - task.createdAt.getTime()) / 1000) : 0;
      return { status: 'EXPIRED', reason: `no decision within ${formatDuration(Math.max(seconds, 1))}` };
    }
    case 'heartbeat-timed-out':
      return {
        status: 'EXPIRED',
        reason: `no decision within its heartbeat time${ending.heartbeatSeconds ? ` of ${formatDuration(ending.heartbeatSeconds)}` : ''}`,
      };
    case 'execution-timed-out':
      return cancelled(`the workflow ran out of time (its TimeoutSeconds) at ${formatWhen(at)}`);
    case 'branch-failed':
      return cancelled(
        `another branch of the parallel step “${ending.stateName}” failed, so this one stopped`,
      );
    case 'map-item-failed':
      return cancelled(`another item of the map step “${ending.stateName}” failed, so this one stopped`);
    case 'history-limit':
      return cancelled('the workflow reached its limit of 25,000 history events and failed');
    case 'engine-error':
      return cancelled('the workflow failed with an internal error');
  }
}

/** The closing of a task that a newer task for the same state replaced. */
export const SUPERSEDED: Closing = {
  status: 'CANCELLED',
  reason: 'the workflow asked again in a new request for the same step',
};
