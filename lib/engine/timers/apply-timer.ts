/**
 * What a fired timer does: a Wait or Retry resumes its frame; a Timeout or Heartbeat times the
 * task out (States.Timeout / States.HeartbeatTimeout) unless the token already ended; an
 * ExecutionTimeout ends the execution TIMED_OUT; a TaskPoll makes a `.sync` job's next poll due.
 */
import type { Tx } from '../../db/client';
import { engineNow } from '../clock';
import { openSession } from '../advance/open-session';
import { resumePolling } from '../invocations/run-invocations';
import { endWith } from '../control/stop-execution';
import { deliverEvent } from '../tokens/deliver-event';
import { tokensEnded } from '../tokens/token-endings';
import { timerHandlerFor } from './timer-handlers';

export async function applyTimer(tx: Tx, timerId: string): Promise<void> {
  const timer = await tx.timer.findUniqueOrThrow({ where: { id: timerId } });
  const { executionId, frameId } = timer;
  const registered = timerHandlerFor(timer.purpose);
  if (registered) return registered(tx, timer);
  if (timer.purpose === 'ExecutionTimeout') return timeOutExecution(tx, executionId);
  if (!frameId) return;
  if (timer.purpose === 'TaskPoll' && timer.taskTokenId) return resumePolling(tx, timer.taskTokenId);
  if (timer.purpose === 'Wait' || timer.purpose === 'Retry') {
    await deliverEvent(tx, { executionId, frameId, event: { type: 'TimerFired' } });
    return;
  }
  if (!timer.taskTokenId || (timer.purpose !== 'Timeout' && timer.purpose !== 'Heartbeat')) return;
  const at = engineNow();
  const { count } = await tx.taskToken.updateMany({
    where: { id: timer.taskTokenId, status: 'PENDING' },
    data: { status: 'TIMED_OUT', completedAt: at },
  });
  if (count === 0) return;
  await tx.timer.updateMany({
    where: { taskTokenId: timer.taskTokenId, status: 'PENDING' },
    data: { status: 'CANCELLED' },
  });
  const heartbeat = timer.purpose === 'Heartbeat';
  const heartbeatSeconds = heartbeat
    ? (
        await tx.taskToken.findUniqueOrThrow({
          where: { id: timer.taskTokenId },
          select: { heartbeatSeconds: true },
        })
      ).heartbeatSeconds
    : null;
  await tokensEnded(tx, {
    tokenIds: [timer.taskTokenId],
    ending: heartbeat ? { kind: 'heartbeat-timed-out', heartbeatSeconds } : { kind: 'state-timed-out' },
    at: timer.dueAt,
  });
  const error = heartbeat ? 'States.HeartbeatTimeout' : 'States.Timeout';
  await deliverEvent(tx, { executionId, frameId, event: { type: 'TaskTimedOut', error } });
}

async function timeOutExecution(tx: Tx, executionId: string): Promise<void> {
  const session = await openSession(tx, executionId);
  if (session.execution.status !== 'RUNNING') return;
  await endWith(session, {
    status: 'TIMED_OUT',
    type: 'ExecutionTimedOut',
    key: 'executionTimedOutEventDetails',
    error: 'States.Timeout',
    cause: 'The execution timed out.',
    ending: { kind: 'execution-timed-out' },
  });
}
