/**
 * Starts a Task state's work through its integration while the session steps: an immediate
 * answer resumes the frame at once; otherwise a TaskToken row (hash only) and the
 * TimeoutSeconds / HeartbeatSeconds timers are written with the session and the frame waits.
 * An integration reads through `session.query` and writes its own rows (an approval's task and
 * mail, a child execution) as service writes: they run after the token row, in the transaction
 * that commits the session.
 */
import type { Effect } from '../../asl';
import type { LiveFrame } from '../advance/live-frame';
import type { Session } from '../advance/session';
import { hashToken } from '../tokens/hash-token';
import type { StartResult, TaskOutcome, TaskStart } from './integration';
import { integrationFor } from './registry';

type InvokeTask = Extract<Effect, { type: 'InvokeTask' }>;

export function outcomeEvent(outcome: TaskOutcome) {
  return 'output' in outcome
    ? ({ type: 'TaskSucceeded', output: outcome.output } as const)
    : ({
        type: 'TaskFailed',
        error: outcome.error,
        ...(outcome.cause !== undefined ? { cause: outcome.cause } : {}),
      } as const);
}

export async function startTask(session: Session, frame: LiveFrame, effect: InvokeTask): Promise<void> {
  const integration = integrationFor(effect.resource);
  if (!integration) {
    const cause = `The resource '${effect.resource}' of state '${frame.stateName}' is not supported.`;
    return session.wake(frame, { type: 'TaskFailed', error: 'States.Runtime', cause });
  }
  const task: TaskStart = {
    session,
    executionId: session.execution.id,
    frameId: frame.id,
    stateName: frame.stateName,
    resource: effect.resource,
    input: effect.input,
    taskToken: effect.taskToken ?? '',
    ...(effect.timeoutAt ? { timeoutAt: new Date(effect.timeoutAt) } : {}),
    ...(effect.heartbeatSeconds ? { heartbeatSeconds: effect.heartbeatSeconds } : {}),
  };
  const started = await integration.start(session.query, task);
  if (started.kind === 'done') return session.wake(frame, outcomeEvent(started.outcome));
  const taskTokenId = writeToken(session, task, started);
  if (started.kind === 'invoke') session.invocations.push(taskTokenId);
  const { issued } = integration;
  if (issued) {
    const prepared = started.kind === 'callback' ? started.prepared : undefined;
    session.write((tx) => issued(tx, task, taskTokenId, prepared));
  }
}

/** The task's token row and its TimeoutSeconds / HeartbeatSeconds timers, written with the session. */
function writeToken(
  session: Session,
  task: TaskStart,
  started: Exclude<StartResult, { kind: 'done' }>,
): string {
  const id = session.newId();
  const kind = started.kind === 'invoke' ? (started.callback ? 'invoke-callback' : 'invoke') : started.kind;
  const row = {
    id,
    tokenHash: hashToken(task.taskToken || id),
    executionId: task.executionId,
    frameId: task.frameId,
    stateName: task.stateName,
    resource: task.resource,
    kind,
    activityName: started.kind === 'activity' ? started.activityName : null,
    input: started.kind === 'callback' ? null : JSON.stringify(task.input),
    timeoutAt: task.timeoutAt ?? null,
    heartbeatSeconds: task.heartbeatSeconds ?? null,
    status: 'PENDING' as const,
    completedAt: null,
  };
  session.tokens.push(row);
  const base = { frameId: task.frameId, taskTokenId: id };
  if (task.timeoutAt)
    session.timers.push({ ...base, key: `${id}:Timeout`, purpose: 'Timeout', dueAt: task.timeoutAt });
  if (task.heartbeatSeconds) {
    session.timers.push({
      ...base,
      key: `${id}:Heartbeat`,
      purpose: 'Heartbeat',
      dueAt: new Date(session.now.getTime() + task.heartbeatSeconds * 1000),
    });
  }
  return id;
}
