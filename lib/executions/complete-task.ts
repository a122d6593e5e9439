/**
 * SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat through the engine's one door
 * (completeTaskToken). Success and failure are audited in the same transaction; heartbeats
 * are not (a worker may send one every few seconds). Own transaction. An API key needs tasks:write.
 */
import type { Actor, RequestInfo } from '../auth/actor';
import { requireScope } from '../auth/scopes';
import { recordAudit } from '../audit/record-audit';
import { runAudited } from '../audit/run-audited';
import { completeTaskToken, notifyEngine, type TaskTokenOutcome } from '../engine';
import { parsePayload } from './payload';

type TaskResult =
  | { type: 'success'; /** JSON text */ output: string }
  | { type: 'failure'; error?: string; cause?: string }
  | { type: 'heartbeat' };

export interface CompleteTaskOptions {
  taskToken: string;
  result: TaskResult;
  actor: Actor;
  request?: RequestInfo;
}

export async function completeTask({
  taskToken,
  result,
  actor,
  request,
}: CompleteTaskOptions): Promise<{ executionId: string; stateName: string }> {
  requireScope(actor, 'tasks:write');
  const outcome: TaskTokenOutcome =
    result.type === 'success' ? { type: 'success', output: parsePayload(result.output, 'output') } : result;
  const done = await runAudited(async (tx) => {
    const target = await completeTaskToken(tx, { token: taskToken, outcome });
    if (result.type !== 'heartbeat') {
      await recordAudit(tx, {
        actor,
        request,
        type: 'TASK_TOKEN_COMPLETED',
        data: {
          ...target,
          outcome: result.type,
          error: result.type === 'failure' ? result.error : undefined,
        },
        target: { type: 'execution', id: target.executionId },
      });
    }
    return target;
  });
  if (result.type !== 'heartbeat') notifyEngine();
  return done;
}
