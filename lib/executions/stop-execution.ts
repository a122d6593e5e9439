/** StopExecution: aborts a RUNNING execution (CONFLICT otherwise), with an audit entry. Own transaction. An API key needs executions:write. */
import { actorName, type Actor, type RequestInfo } from '../auth/actor';
import { authorize } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import { runAudited } from '../audit/run-audited';
import { stopExecution as engineStopExecution, notifyEngine } from '../engine';
import { loadExecutionDetail, type ExecutionDetail } from './execution-dto';

export interface StopExecutionOptions {
  id: string;
  error?: string;
  cause?: string;
  actor: Actor;
  request?: RequestInfo;
  /** why, for the audit trail */
  reason?: string;
}

export async function stopExecution({
  id,
  error,
  cause,
  actor,
  request,
  reason,
}: StopExecutionOptions): Promise<ExecutionDetail> {
  await authorize(actor, 'executions:write');
  const execution = await runAudited(async (tx) => {
    await loadExecutionDetail(tx, id); // NOT_FOUND first
    await engineStopExecution(tx, { executionId: id, error, cause, by: actorName(actor) });
    await recordAudit(tx, {
      actor,
      request,
      reason: reason ?? cause,
      type: 'EXECUTION_STOPPED',
      data: { executionId: id, error, cause },
      target: { type: 'execution', id },
    });
    return loadExecutionDetail(tx, id);
  });
  notifyEngine();
  return execution;
}
