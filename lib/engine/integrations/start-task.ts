/**
 * Starts a Task state's work through its integration, inside the pausing transaction: an
 * immediate answer resumes the frame at once; otherwise a TaskToken row (hash only) and the
 * TimeoutSeconds / HeartbeatSeconds timers are written with the session and the frame waits.
 * Integrations that write nothing at start (callback, activity, AWS, HTTP, functions) run on the
 * engine's direct path too; an approval's or a child execution's rows need the Prisma transaction.
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
  const started = await integration.start(session.tx, task);
  if (started.kind === 'done') return session.wake(frame, outcomeEvent(started.outcome));
  const taskTokenId = await writeToken(session, task, started, integration.issued !== undefined);
  if (started.kind === 'invoke') session.invocations.push(taskTokenId);
  await integration.issued?.(
    session.tx,
    task,
    taskTokenId,
    started.kind === 'callback' ? started.prepared : undefined,
  );
}

/**
 * The task's token row and its TimeoutSeconds / HeartbeatSeconds timers, written with the
 * session; `now` when the integration's own rows refer to it (`issued`, in the same transaction).
 */
async function writeToken(
  session: Session,
  task: TaskStart,
  started: Exclude<StartResult, { kind: 'done' }>,
  now: boolean,
): Promise<string> {
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
  if (now) await session.tx.taskToken.create({ data: row });
  else session.tokens.push(row);
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
